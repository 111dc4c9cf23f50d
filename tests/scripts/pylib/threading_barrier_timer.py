# Barrier (indices, action, abort, reset, timeout) and Timer (fire, cancel).
import threading
import time

actions = []
barrier = threading.Barrier(3, action=lambda: actions.append('tripped'))
print(barrier.parties, barrier.n_waiting, barrier.broken)
indices = []
lock = threading.Lock()


def runner():
    for _ in range(2):
        i = barrier.wait()
        with lock:
            indices.append(i)


ts = [threading.Thread(target=runner) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(indices), actions)

# abort breaks the barrier for everybody waiting
b = threading.Barrier(3)
errors = []


def waiter():
    try:
        b.wait()
    except threading.BrokenBarrierError:
        with lock:
            errors.append('broken')


ws = [threading.Thread(target=waiter) for _ in range(2)]
for w in ws:
    w.start()
while b.n_waiting < 2:
    time.sleep(0.005)
print('waiting', b.n_waiting)
b.abort()
for w in ws:
    w.join()
print(errors, b.broken)
try:
    b.wait()
except threading.BrokenBarrierError as e:
    print('BrokenBarrierError', repr(e), isinstance(e, RuntimeError))
b.reset()
print('after reset broken =', b.broken)

# a timeout breaks it too
t = threading.Barrier(2, timeout=0.02)
try:
    t.wait()
except threading.BrokenBarrierError:
    print('timed out, broken =', t.broken)

# an action that raises breaks the barrier, and the error reaches its thread
def bad_action():
    raise ValueError('action failed')


c = threading.Barrier(2, action=bad_action)
seen = []


def other():
    try:
        c.wait()
    except threading.BrokenBarrierError:
        seen.append('other broken')


o = threading.Thread(target=other)
o.start()
while c.n_waiting < 1:
    time.sleep(0.005)
try:
    c.wait()
except ValueError as e:
    seen.append(str(e))
o.join()
print(sorted(seen), c.broken)

# Timer
fired = []
tm = threading.Timer(0.02, fired.append, args=['one'])
print(tm.name.startswith('Thread-'))
tm.start()
tm.join()
tm2 = threading.Timer(5, fired.append, args=['never'])
tm2.start()
tm2.cancel()
tm2.join()
tm3 = threading.Timer(0.01, lambda **kw: fired.append(kw), kwargs={'k': 1})
tm3.start()
tm3.join()
print(fired, tm2.finished.is_set())
