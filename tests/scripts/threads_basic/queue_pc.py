# Queue producer/consumer with sorted output; LifoQueue, PriorityQueue, Empty and Full.
import threading
import queue
q = queue.Queue()
results = []
SENTINEL = None
def producer(start):
    for i in range(start, start + 50):
        q.put(i)
def consumer():
    while True:
        item = q.get()
        if item is SENTINEL:
            q.task_done()
            return
        results.append(item * 2)
        q.task_done()
producers = [threading.Thread(target=producer, args=(k * 100,)) for k in range(4)]
consumers = [threading.Thread(target=consumer) for _ in range(3)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(SENTINEL)
for t in consumers:
    t.join()
q.join()
print(len(results), sorted(results)[:5], sorted(results)[-3:], sum(results))
print(q.empty(), q.qsize())
bounded = queue.Queue(maxsize=2)
bounded.put(1)
bounded.put_nowait(2)
print(bounded.full(), bounded.qsize())
try:
    bounded.put_nowait(3)
except queue.Full:
    print('Full raised')
try:
    bounded.put(3, timeout=0.01)
except queue.Full:
    print('Full after timeout')
print(bounded.get(), bounded.get_nowait())
try:
    bounded.get_nowait()
except queue.Empty:
    print('Empty raised')
try:
    bounded.get(timeout=0.01)
except queue.Empty:
    print('Empty after timeout')
lifo = queue.LifoQueue()
for i in range(5):
    lifo.put(i)
print([lifo.get() for _ in range(5)])
pq = queue.PriorityQueue()
for item in [(3, 'c'), (1, 'a'), (2, 'b'), (0, 'z')]:
    pq.put(item)
print([pq.get() for _ in range(4)])
sq = queue.SimpleQueue()
sq.put('x')
print(sq.get(), sq.empty())
pipeline_out = []
stage1, stage2 = queue.Queue(), queue.Queue()
def square_stage():
    while True:
        item = stage1.get()
        if item is None:
            break
        stage2.put(item * item)
    stage2.put(None)
def collect_stage():
    while True:
        item = stage2.get()
        if item is None:
            break
        pipeline_out.append(item)
a = threading.Thread(target=square_stage)
b = threading.Thread(target=collect_stage)
a.start(); b.start()
for i in range(10):
    stage1.put(i)
stage1.put(None)
a.join(); b.join()
print(pipeline_out)
