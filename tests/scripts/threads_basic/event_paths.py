# Event and Semaphore over the native Condition methods: every path of wait
# (flag already set, blocking, timeout, zero and negative timeout, bad timeout,
# a notification racing the timeout), set with several waiters,
# clear, subclasses, and Semaphore/BoundedSemaphore releases with and without
# waiters.
import threading
import time

e = threading.Event()
print(e.is_set(), e.wait(0), e.wait(-1), e.wait(0.01))
print(len(e._cond._waiters))
e.set()
print(e.is_set(), e.wait(), e.wait(0), e.wait(5), e.wait(None))
e.set()
print(e.is_set())
e.clear()
e.clear()
print(e.is_set(), e.wait(0.001), len(e._cond._waiters))
print(repr(e).startswith('<threading.Event at 0x'), repr(e).endswith(': unset>'))
e.set()
print(repr(e).endswith(': set>'))
e.clear()

# A bad timeout raises before anything is queued.
for bad in ('x', [1], object()):
    try:
        e.wait(bad)
    except TypeError as exc:
        print('TypeError', type(bad).__name__, len(e._cond._waiters))
try:
    e.wait(1e300)
except OverflowError as exc:
    print('OverflowError', len(e._cond._waiters))

# Several waiters, woken by one set; each reports True even if the flag is
# cleared at once.
results = []
guard = threading.Lock()
started = threading.Semaphore(0)
def waiter(i, timeout):
    started.release()
    got = e.wait(timeout)
    with guard:
        results.append((i, got))
threads = [threading.Thread(target=waiter, args=(i, None if i % 2 else 30)) for i in range(6)]
for t in threads:
    t.start()
for _ in threads:
    started.acquire()
while len(e._cond._waiters) < 6:
    time.sleep(0.001)
e.set()
e.clear()
for t in threads:
    t.join()
print(sorted(results), e.is_set(), len(e._cond._waiters))

# Timed-out waiters leave the list; a later set wakes only the live ones.
timed = []
def short(i):
    timed.append(e.wait(0.02))
threads = [threading.Thread(target=short, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(timed, len(e._cond._waiters))

# A set that picks a waiter just as its timeout expires: the waiter is no
# longer in the list, so it reports a notification.
cond = e._cond
fake = threading.Lock()
fake.acquire()
cond._waiters.append(fake)
e.set()
print(fake.locked(), len(cond._waiters), e.is_set())
e.clear()

# wait and set hold the condition's lock: while someone else holds it, a
# waiter that finds the flag clear waits for it.
order = []
cond._lock.acquire()
t = threading.Thread(target=lambda: order.append(('wait', e.wait(10))))
t.start()
time.sleep(0.02)
order.append(('queued', len(cond._waiters)))
cond._lock.release()
while not cond._waiters:
    time.sleep(0.001)
e.set()
t.join()
print(order)
e.clear()

# A subclass keeps working (and may override set).
class Counting(threading.Event):
    sets = 0
    def set(self):
        Counting.sets += 1
        super().set()
c = Counting()
t = threading.Thread(target=lambda: results.append(('sub', c.wait())))
t.start()
while not c._cond._waiters:
    time.sleep(0.001)
c.set()
t.join()
print(results[-1], Counting.sets, c.is_set())

# Ping-pong: strict alternation, every wait answered.
ping, pong = threading.Event(), threading.Event()
log = []
def ponger():
    for i in range(200):
        ping.wait()
        ping.clear()
        log.append(('pong', i))
        pong.set()
t = threading.Thread(target=ponger)
t.start()
for i in range(200):
    log.append(('ping', i))
    ping.set()
    pong.wait()
    pong.clear()
t.join()
print(len(log), all(log[2 * i] == ('ping', i) and log[2 * i + 1] == ('pong', i) for i in range(200)))

# Semaphore: releases with no waiter skip notify; with waiters they wake as
# many as released.
s = threading.Semaphore(0)
print(s.acquire(timeout=0), s.acquire(False), s.acquire(timeout=0.01))
s.release()
s.release(2)
print(s._value, s.acquire(), s.acquire(timeout=0), s.acquire(False), s.acquire(False))
got = []
def take():
    got.append(s.acquire(timeout=30))
threads = [threading.Thread(target=take) for _ in range(3)]
for t in threads:
    t.start()
while len(s._cond._waiters) < 3:
    time.sleep(0.001)
s.release(3)
for t in threads:
    t.join()
print(got, s._value, len(s._cond._waiters))
try:
    s.release(0)
except ValueError as exc:
    print('ValueError', exc)
b = threading.BoundedSemaphore(2)
print(b.acquire(), b.acquire(), b.acquire(timeout=0))
b.release(2)
try:
    b.release()
except ValueError as exc:
    print('ValueError', exc, b._value)
t = threading.Thread(target=lambda: got.append(b.acquire() and b.acquire() and b.acquire(timeout=30)))
t.start()
while not b._cond._waiters:
    time.sleep(0.001)
b.release()
t.join()
print(got[-1], b._value)
with threading.Semaphore(1) as entered:
    print(entered)
