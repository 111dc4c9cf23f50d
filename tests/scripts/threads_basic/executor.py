# ThreadPoolExecutor: map results in order, submit futures, exceptions, as_completed, wait.
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, ALL_COMPLETED, FIRST_EXCEPTION
import concurrent.futures
import threading
def square(x):
    return x * x
with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(square, range(10))))
    futures = [ex.submit(square, i) for i in range(5)]
    print([f.result() for f in futures])
    print(sorted(f.result() for f in as_completed(futures)))
    print(all(f.done() for f in futures), any(f.cancelled() for f in futures))
def fail(x):
    if x == 3:
        raise ValueError('bad %d' % x)
    return x
with ThreadPoolExecutor(max_workers=2) as ex:
    fut = ex.submit(fail, 3)
    try:
        fut.result()
    except ValueError as e:
        print('ValueError from result:', e)
    print(repr(fut.exception()))
    ok = ex.submit(fail, 1)
    print(ok.result(), ok.exception())
    try:
        list(ex.map(fail, range(5)))
    except ValueError as e:
        print('map re-raises:', e)
    done, not_done = wait([ex.submit(square, i) for i in range(4)], return_when=ALL_COMPLETED)
    print(len(done), len(not_done), sorted(f.result() for f in done))
names = set()
def record_name(_):
    names.add(threading.current_thread().name.rsplit('_', 1)[0])
    return True
with ThreadPoolExecutor(max_workers=3, thread_name_prefix='pool') as ex:
    print(all(ex.map(record_name, range(20))))
print(sorted(names))
ex = ThreadPoolExecutor(max_workers=2)
f = ex.submit(sum, [1, 2, 3])
ex.shutdown(wait=True)
print(f.result(), f.done(), f.running())
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print('RuntimeError:', e)
callback_results = []
with ThreadPoolExecutor(max_workers=1) as ex2:
    fut = ex2.submit(square, 7)
    fut.add_done_callback(lambda f: callback_results.append(f.result()))
print(callback_results)
print(issubclass(concurrent.futures.TimeoutError, Exception))
