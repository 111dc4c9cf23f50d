# concurrent.futures: ThreadPoolExecutor (submit, map, shutdown, names),
# Future states and callbacks, as_completed, wait.
import threading
import time
import concurrent.futures as cf
from concurrent.futures import ThreadPoolExecutor


def square(x):
    return x * x


def fail(x):
    raise ValueError('bad %s' % x)


def thread_name(_):
    time.sleep(0.01)
    return threading.current_thread().name


with ThreadPoolExecutor(max_workers=3) as ex:
    f = ex.submit(square, 7)
    print(f.result(), f.done(), f.running(), f.cancelled(), f.exception())
    print(list(ex.map(square, range(10))))
    print(list(ex.map(pow, [2, 3, 4], [5, 6, 7])))
    names = sorted(set(ex.map(thread_name, range(12))))
    print(names)
    e = ex.submit(fail, 1)
    try:
        e.result()
    except ValueError as err:
        print('ValueError:', err)
    print(type(e.exception()).__name__, e.done())
    it = ex.map(fail, [5])
    try:
        list(it)
    except ValueError as err:
        print('map re-raises:', err)

with ThreadPoolExecutor(max_workers=1, thread_name_prefix='pool') as ex:
    print(ex.submit(lambda: threading.current_thread().name).result())

with ThreadPoolExecutor(2) as ex2:
    print(ex2.submit(lambda: threading.current_thread().name).result())

try:
    ex.submit(square, 1)
except RuntimeError as err:
    print('RuntimeError:', err)
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as err:
    print('ValueError:', err)

# result(timeout) and the builtin TimeoutError
gate = threading.Event()
started = threading.Event()


def blocked():
    started.set()
    return gate.wait()


ex = ThreadPoolExecutor(max_workers=1)
slow = ex.submit(blocked)
started.wait()
try:
    slow.result(timeout=0.02)
except TimeoutError:
    print('TimeoutError is builtin:', cf.TimeoutError is TimeoutError)
queued = ex.submit(square, 3)
print('cancel queued:', queued.cancel(), queued.cancelled(), queued.done())
print('cancel running:', slow.cancel())
try:
    queued.result()
except cf.CancelledError:
    print('CancelledError')
gate.set()
print(slow.result())
ex.shutdown(wait=True)

# callbacks: added before and after completion
calls = []
fut = cf.Future()
fut.add_done_callback(lambda f: calls.append(('early', f.result())))
print(fut.done(), fut.running())
print(fut.set_running_or_notify_cancel(), fut.running())
fut.set_result(5)
fut.add_done_callback(lambda f: calls.append(('late', f.result())))
print(calls)
try:
    fut.set_result(6)
except cf.InvalidStateError:
    print('InvalidStateError')
bad = cf.Future()
bad.set_exception(KeyError('k'))
print(repr(bad.exception()))

# as_completed and wait
with ThreadPoolExecutor(max_workers=4) as ex:
    fs = [ex.submit(time.sleep, d) for d in (0.03, 0.01, 0.02)]
    fs += [ex.submit(square, i) for i in range(3)]
    results = sorted(str(f.result()) for f in cf.as_completed(fs))
    print(results)

    block = threading.Event()
    quick = ex.submit(square, 2)
    stuck = ex.submit(block.wait)
    quick.result()
    done, not_done = cf.wait([quick, stuck], timeout=0.05)
    print(quick in done, stuck in not_done)
    r = cf.wait([quick, stuck], return_when=cf.FIRST_COMPLETED)
    print(len(r.done) >= 1, quick in r.done)
    try:
        for _ in cf.as_completed([stuck], timeout=0.02):
            pass
    except TimeoutError as err:
        print('as_completed:', err)
    boom = ex.submit(fail, 2)
    r = cf.wait([boom, stuck], return_when=cf.FIRST_EXCEPTION)
    print(boom in r.done, stuck in r.not_done)
    block.set()
    r = cf.wait([quick, stuck, boom])
    print(len(r.done), len(r.not_done), r.done == {quick, stuck, boom})
    print(cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED)

# shutdown(cancel_futures=True) cancels what has not started
gate = threading.Event()
started = threading.Event()
ex = ThreadPoolExecutor(max_workers=1)
first = ex.submit(blocked)
rest = [ex.submit(square, i) for i in range(3)]
started.wait()
ex.shutdown(wait=False, cancel_futures=True)
gate.set()
ex.shutdown(wait=True)
print(first.result(), [f.cancelled() for f in rest])

# the map timeout
ex = ThreadPoolExecutor(max_workers=1)
try:
    list(ex.map(time.sleep, [0.2], timeout=0.02))
except TimeoutError:
    print('map timeout')
ex.shutdown()
