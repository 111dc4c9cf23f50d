# queue: FIFO/LIFO/priority order, Empty/Full, timeouts, task_done/join,
# subclass hooks, SimpleQueue, and a producer/consumer pair.
import queue
import threading
import time

q = queue.Queue()
for i in range(5):
    q.put(i)
print(q.qsize(), q.empty(), q.full(), [q.get() for _ in range(5)], q.empty())

lq = queue.LifoQueue()
for i in range(5):
    lq.put_nowait(i)
print([lq.get_nowait() for _ in range(5)])

pq = queue.PriorityQueue()
for item in [(3, 'c'), (1, 'a'), (4, 'd'), (1, 'A'), (2, 'b'), (5, 'e'), (0, 'z')]:
    pq.put(item)
print([pq.get() for _ in range(pq.qsize())])

small = queue.Queue(maxsize=2)
small.put(1)
small.put(2)
print(small.full(), small.qsize())
try:
    small.put_nowait(3)
except queue.Full:
    print('Full on put_nowait')
start = time.monotonic()
try:
    small.put(3, timeout=0.02)
except queue.Full:
    print('Full after timeout', time.monotonic() - start >= 0.015)
try:
    small.put(3, block=False)
except queue.Full as e:
    print('Full repr:', repr(e))
empty = queue.Queue()
try:
    empty.get_nowait()
except queue.Empty:
    print('Empty on get_nowait')
try:
    empty.get(timeout=0.02)
except queue.Empty:
    print('Empty after timeout')
try:
    empty.get(timeout=-1)
except ValueError as e:
    print('ValueError:', e)
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))

# a blocked put is released by a get in another thread
def drain():
    time.sleep(0.02)
    small.get()


t = threading.Thread(target=drain)
t.start()
small.put(3)
t.join()
print('put went through', small.qsize())

# task_done / join
work = queue.Queue()
done = []


def consumer():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            break
        done.append(item * 2)
        work.task_done()


c = threading.Thread(target=consumer)
c.start()
for i in range(10):
    work.put(i)
work.put(None)
work.join()
print('joined', sorted(done), work.unfinished_tasks)
c.join()
try:
    work.task_done()
except ValueError as e:
    print('ValueError:', e)


# subclassing through the storage hooks
class SortedQueue(queue.Queue):
    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)
        self.queue.sort()

    def _get(self):
        return self.queue.pop(0)


sq = SortedQueue()
for x in [5, 3, 9, 1]:
    sq.put(x)
print([sq.get() for _ in range(4)])


class Pipeline(queue.Queue):
    def __init__(self):
        super().__init__(maxsize=3)


p = Pipeline()
print(p.maxsize, p.empty())

# SimpleQueue
s = queue.SimpleQueue()
s.put('a')
s.put_nowait('b')
print(s.qsize(), s.empty(), s.get(), s.get_nowait(), s.empty())
try:
    s.get(timeout=0.01)
except queue.Empty:
    print('SimpleQueue Empty')
try:
    s.get(block=False)
except queue.Empty:
    print('SimpleQueue Empty nowait')

# many producers, one consumer: everything arrives exactly once
mq = queue.Queue(maxsize=5)
got = []


def produce(base):
    for i in range(50):
        mq.put(base + i)


def consume(n):
    for _ in range(n):
        got.append(mq.get())


producers = [threading.Thread(target=produce, args=(k * 1000,)) for k in range(4)]
cons = threading.Thread(target=consume, args=(200,))
cons.start()
for pr in producers:
    pr.start()
for pr in producers:
    pr.join()
cons.join()
print(len(got), sorted(got) == sorted(k * 1000 + i for k in range(4) for i in range(50)))

# long runs of puts and gets keep FIFO order
big = queue.Queue()
order = []
for i in range(1000):
    big.put(i)
    if i % 3 == 0:
        order.append(big.get())
while not big.empty():
    order.append(big.get())
print(order == list(range(1000)), big.qsize())
