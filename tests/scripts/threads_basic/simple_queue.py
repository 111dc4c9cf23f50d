# queue.SimpleQueue (native, as CPython's _queue): FIFO order, Empty, timeouts,
# argument errors, blocked getters woken by puts from other threads, many
# producers and consumers (every item exactly once), a getter that times out
# while others wait.
import queue
import threading
import time

q = queue.SimpleQueue()
print(type(q).__name__, type(q).__module__, queue.Empty.__module__)
print(issubclass(queue.Empty, Exception), q.empty(), q.qsize())
for i in range(5):
    q.put(i)
q.put_nowait('x')
q.put(item='kw')
print(q.qsize(), q.empty())
print([q.get() for _ in range(3)], q.get_nowait(), q.get(False), q.get(True, 1.0), q.get(timeout=0.5))
print(q.empty(), q.qsize())

for label, call in (('get(False)', lambda: q.get(False)),
                    ('get_nowait()', q.get_nowait),
                    ('get(timeout=0.01)', lambda: q.get(timeout=0.01)),
                    ('get(block=False, timeout=-1)', lambda: q.get(block=False, timeout=-1))):
    try:
        call()
    except queue.Empty as e:
        print(label, 'Empty', repr(e))

try:
    q.get(timeout=-1)
except ValueError as e:
    print('ValueError', e)
try:
    q.put()
except TypeError as e:
    print('TypeError put')
try:
    q.get(timeout='soon')
except TypeError as e:
    print('TypeError timeout')

# None and duplicates are ordinary items.
q.put(None)
q.put(None)
print(q.get(), q.get(), q.empty())

# A getter blocked before the put is woken by it.
got = []
def getter():
    got.append(q.get())
t = threading.Thread(target=getter)
t.start()
time.sleep(0.05)
q.put('late')
t.join()
print('woken with', got)

# Several blocked getters, as many puts: each gets one item.
got = []
lock = threading.Lock()
def one():
    item = q.get(timeout=5)
    with lock:
        got.append(item)
threads = [threading.Thread(target=one) for _ in range(6)]
for t in threads:
    t.start()
time.sleep(0.05)
for i in range(6):
    q.put(i)
for t in threads:
    t.join()
print('six getters', sorted(got), q.empty())

# Producers and consumers, with a None per consumer to stop it.
results = []
def consumer():
    mine = []
    while True:
        item = q.get()
        if item is None:
            break
        mine.append(item)
    with lock:
        results.extend(mine)
def producer(base):
    for i in range(500):
        q.put(base + i)
consumers = [threading.Thread(target=consumer) for _ in range(3)]
producers = [threading.Thread(target=producer, args=(1000 * k,)) for k in range(4)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(None)
for t in consumers:
    t.join()
print('produced and consumed', len(results), len(set(results)), sorted(results)[:3], sorted(results)[-1])

# A getter that times out leaves the others waiting: the next put still wakes one.
got = []
def patient():
    got.append(q.get(timeout=10))
def impatient():
    try:
        q.get(timeout=0.02)
        got.append('impatient got one')
    except queue.Empty:
        got.append('timed out')
a = threading.Thread(target=patient)
b = threading.Thread(target=impatient)
a.start()
b.start()
b.join()
q.put('for the patient one')
a.join()
print(got)

class Sub(queue.SimpleQueue):
    pass
s = Sub()
s.put(1)
print(type(s).__name__, isinstance(s, queue.SimpleQueue), s.get())
