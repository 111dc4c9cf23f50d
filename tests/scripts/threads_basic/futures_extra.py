# concurrent.futures details: wait FIRST_COMPLETED/FIRST_EXCEPTION, cancel, timeout, Queue subclass.
import threading
import queue
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_COMPLETED, FIRST_EXCEPTION, Future
import concurrent.futures
gate = threading.Event()
def blocked():
    gate.wait()
    return 'released'
def quick():
    return 'quick'
def fails():
    raise KeyError('failed')
with ThreadPoolExecutor(max_workers=2) as ex:
    slow = ex.submit(blocked)
    fast = ex.submit(quick)
    done, pending = wait([slow, fast], return_when=FIRST_COMPLETED)
    print([f.result() for f in done], len(pending))
    try:
        slow.result(timeout=0.01)
    except concurrent.futures.TimeoutError:
        print('TimeoutError from result(timeout)')
    bad = ex.submit(fails)
    done, pending = wait([slow, bad], return_when=FIRST_EXCEPTION)
    print(len(done), len(pending), repr(bad.exception()))
    gate.set()
    print(slow.result())
with ThreadPoolExecutor(max_workers=1) as ex:
    hold = threading.Event()
    first = ex.submit(hold.wait)
    queued = ex.submit(quick)
    print(queued.cancel(), queued.cancelled(), queued.done())
    hold.set()
    print(first.result(), first.cancel())
f = Future()
print(f.done(), f.running(), f.cancelled())
f.set_result(5)
print(f.result(), f.done())
f2 = Future()
f2.set_exception(ValueError('manual'))
print(repr(f2.exception()))
class CountingQueue(queue.Queue):
    def __init__(self):
        super().__init__()
        self.puts = 0
    def put(self, item, block=True, timeout=None):
        self.puts += 1
        super().put(item, block, timeout)
cq = CountingQueue()
def fill():
    for i in range(100):
        cq.put(i)
ts = [threading.Thread(target=fill) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(cq.puts, cq.qsize(), sum(cq.get() for _ in range(400)))
tq = queue.Queue()
handled = []
def handler():
    while True:
        item = tq.get()
        handled.append(item)
        tq.task_done()
        if item == 'stop':
            return
w = threading.Thread(target=handler, daemon=True)
w.start()
for item in ['a', 'b', 'stop']:
    tq.put(item)
tq.join()
print(handled)
