# Lock, RLock, Condition, Semaphore, BoundedSemaphore, Event.
import threading
import time

lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print('RuntimeError:', e)
with lock:
    print('in with', lock.locked())
print('after with', lock.locked())

r = threading.RLock()
with r:
    with r:
        print('nested rlock ok')
r.acquire()
r.acquire()
r.release()
r.release()
try:
    r.release()
except RuntimeError as e:
    print('RuntimeError:', e)

# a plain lock taken by another thread blocks us; an RLock owned by
# another thread too
owner_has_it = threading.Event()
done = threading.Event()


def hold(l):
    with l:
        owner_has_it.set()
        done.wait()


for l in (threading.Lock(), threading.RLock()):
    owner_has_it.clear()
    done.clear()
    t = threading.Thread(target=hold, args=(l,))
    t.start()
    owner_has_it.wait()
    print(type(l).__name__ in ('lock', 'RLock', '_PyRLock'), l.acquire(timeout=0.02))
    done.set()
    t.join()
    print('free again:', l.acquire(False))
    l.release()

# Condition: wait times out, notify(n) wakes n, notify_all the rest
cond = threading.Condition()
with cond:
    print('wait timeout ->', cond.wait(0.01))
try:
    cond.wait()
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    cond.notify()
except RuntimeError as e:
    print('RuntimeError:', e)

woken = []
ready = threading.Semaphore(0)


def waiter(i):
    with cond:
        ready.release()
        cond.wait()
        woken.append(i)


ws = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for w in ws:
    w.start()
for _ in ws:
    ready.acquire()
with cond:
    cond.notify(2)
deadline = time.monotonic() + 10
while len(woken) < 2 and time.monotonic() < deadline:
    time.sleep(0.005)
time.sleep(0.02)
with cond:
    print('after notify(2):', len(woken))
    cond.notify_all()
for w in ws:
    w.join()
print('after notify_all:', sorted(woken))

# wait_for with a predicate and with a timeout
state = {'n': 0}


def bump():
    for _ in range(3):
        time.sleep(0.01)
        with cond:
            state['n'] += 1
            cond.notify_all()


t = threading.Thread(target=bump)
t.start()
with cond:
    print('wait_for ->', cond.wait_for(lambda: state['n'] == 3))
t.join()
with cond:
    print('wait_for timeout ->', cond.wait_for(lambda: state['n'] == 99, timeout=0.02))

# Condition over a plain Lock
plain = threading.Condition(threading.Lock())
with plain:
    print('plain lock wait ->', plain.wait(0.01))

# Semaphore: at most 2 inside at once
sem = threading.Semaphore(2)
inside = [0]
peak = [0]
guard = threading.Lock()


def use():
    with sem:
        with guard:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        time.sleep(0.02)
        with guard:
            inside[0] -= 1


ts = [threading.Thread(target=use) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('never more than 2 inside:', peak[0] <= 2)
s = threading.Semaphore(1)
print(s.acquire(), s.acquire(blocking=False), s.acquire(timeout=0.01))
s.release(2)
print(s.acquire(False), s.acquire(False), s.acquire(False))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    s.acquire(False, 1)
except ValueError as e:
    print('ValueError:', e)

b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print('ValueError:', e)

# Event
e = threading.Event()
print(e.is_set(), e.wait(0.01))
e.set()
print(e.is_set(), e.wait(), e.wait(0))
e.clear()
print(e.is_set())
flag = threading.Event()
got = []
t = threading.Thread(target=lambda: got.append(flag.wait(5)))
t.start()
time.sleep(0.02)
flag.set()
t.join()
print('waiter saw', got)
