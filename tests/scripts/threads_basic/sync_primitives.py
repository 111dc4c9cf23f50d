# Event, Condition, Semaphore, BoundedSemaphore, Barrier: deterministic basic use.
import threading
event = threading.Event()
print(event.is_set(), event.wait(timeout=0.01))
got = []
def waiter(i):
    event.wait()
    got.append(i)
ws = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for t in ws:
    t.start()
event.set()
for t in ws:
    t.join()
print(sorted(got), event.is_set(), event.wait(0))
event.clear()
print(event.is_set())
cond = threading.Condition()
items = []
consumed = []
def consume():
    with cond:
        cond.wait_for(lambda: len(items) >= 3)
        consumed.extend(items)
c = threading.Thread(target=consume)
c.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify_all()
c.join()
print(consumed)
with cond:
    print(cond.wait(timeout=0.01))
ready = []
def notified(i):
    with cond:
        ready.append(i)
        cond.wait()
ts = [threading.Thread(target=notified, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
while True:
    with cond:
        if len(ready) == 3:
            cond.notify(1)
            cond.notify_all()
            break
for t in ts:
    t.join()
print(sorted(ready))
sem = threading.Semaphore(2)
active = [0]
peak = [0]
guard = threading.Lock()
def limited():
    with sem:
        with guard:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        for _ in range(1000):
            pass
        with guard:
            active[0] -= 1
ts = [threading.Thread(target=limited) for _ in range(10)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(peak[0] <= 2, active[0])
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False), sem.acquire(timeout=0.01))
sem.release(); sem.release()
bs = threading.BoundedSemaphore(1)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print('ValueError:', e)
order = []
barrier = threading.Barrier(4, action=lambda: order.append('action'))
def at_barrier(i):
    order.append('before')
    idx = barrier.wait()
    order.append('after')
ts = [threading.Thread(target=at_barrier, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(order[:4], order[4], sorted(order[5:]), barrier.parties, barrier.n_waiting, barrier.broken)
b2 = threading.Barrier(2, timeout=0.05)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print('BrokenBarrierError', b2.broken)
b2.reset()
print(b2.broken)
timer_hits = []
tm = threading.Timer(0.01, lambda: timer_hits.append('fired'))
tm.start()
tm.join()
print(timer_hits)
tc = threading.Timer(10, lambda: timer_hits.append('never'))
tc.start()
tc.cancel()
tc.join()
print(timer_hits)
