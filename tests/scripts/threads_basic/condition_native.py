# Condition's native methods (enter, exit, wait, notify, notify_all) over
# every kind of lock: the default RLock (waiting at depth 2 restores the
# depth), a plain Lock, the pure-Python RLock and a lock class of the
# script's own (both through the _is_owned/_release_save/_acquire_restore
# hooks); keyword arguments, bad arguments, un-acquired locks, notify(n)
# counts, wait_for, subclasses overriding the methods, and the users of
# Condition: Barrier, queue.Queue.
import threading
import queue
import time


def wait_until_waiting(cond, n):
    while len(cond._waiters) < n:
        time.sleep(0.001)


def waiters_woken(cond, n, notify):
    """Start n waiters, notify with `notify(cond)`, report who woke."""
    woken = []
    def waiter(i):
        with cond:
            woken.append((i, cond.wait(0.3)))
    threads = [threading.Thread(target=waiter, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    wait_until_waiting(cond, n)
    with cond:
        notify(cond)
    for t in threads:
        t.join()
    return sorted(got for _, got in woken), len(cond._waiters)


class ScriptLock:
    """A lock of the script's own: Condition drives it through its methods."""
    def __init__(self):
        self._inner = threading.Lock()
        self.calls = []
    def acquire(self, blocking=True, timeout=-1):
        self.calls.append('acquire')
        return self._inner.acquire(blocking, timeout)
    def release(self):
        self.calls.append('release')
        self._inner.release()
    def __enter__(self):
        self.calls.append('enter')
        return self._inner.__enter__()
    def __exit__(self, *exc):
        self.calls.append('exit')
        return self._inner.__exit__(*exc)


locks = [
    ('RLock', threading.RLock()),
    ('Lock', threading.Lock()),
    ('_PyRLock', threading._PyRLock()),
    ('ScriptLock', ScriptLock()),
]
for name, lock in locks:
    cond = threading.Condition(lock)
    print(name, 'enter', cond.__enter__(), 'exit', cond.__exit__(None, None, None))
    with cond:
        print(name, 'poll', cond.wait(0), cond.wait(-1), cond.wait(timeout=0.001), cond.wait(float('nan')))
    for n in (1, 2, 2.5, 0, -1):
        print(name, 'notify', n, waiters_woken(cond, 3, lambda c: c.notify(n)))
    print(name, 'notify n=', waiters_woken(cond, 2, lambda c: c.notify(n=1)))
    print(name, 'notify_all', waiters_woken(cond, 3, lambda c: c.notify_all()))
    for method, call in (('wait', lambda: cond.wait(0)), ('notify', cond.notify), ('notify_all', cond.notify_all)):
        try:
            call()
        except RuntimeError as exc:
            print(name, method, 'unowned:', exc)
    with cond:
        for bad in ('x', [1]):
            try:
                cond.wait(bad)
            except TypeError as exc:
                print(name, 'TypeError', exc, len(cond._waiters))
        for big in (1e300, 9.3e9, float('inf'), 10**10, 10**30):
            try:
                cond.wait(big)
            except OverflowError as exc:
                print(name, 'OverflowError', big, exc, len(cond._waiters))
        print(name, 'huge negative timeouts poll', cond.wait(-10**30), cond.wait(-1e300))
        try:
            cond.notify('x')
            print(name, 'notify("x") with no waiter: nothing to do')
        except TypeError as exc:
            print(name, 'TypeError', exc)
    if isinstance(lock, ScriptLock):
        print(name, 'calls', lock.calls[:6])

# Waiting at depth 2 of an RLock releases it completely and restores the depth.
for label, rlock in (('native', threading.RLock()), ('Python', threading._PyRLock())):
    cond = threading.Condition(rlock)
    seen = []
    def other():
        with cond:
            seen.append('other got the lock')
            cond.notify()
    with cond:
        with cond:
            t = threading.Thread(target=other)
            t.start()
            print(label, 'RLock wait at depth 2:', cond.wait(5), seen)
            print('still owned:', rlock._is_owned())
        print('still owned at depth 1:', rlock._is_owned())
    print('released:', rlock._is_owned())
    t.join()

# A lock's own timeout checks, with the messages of CPython's time conversion.
held = threading.Lock()
held.acquire()
for bad in (1e10, 10**10, 10**30, float('nan'), -2):
    try:
        held.acquire(True, bad)
    except (OverflowError, ValueError) as exc:
        print('lock timeout', bad, type(exc).__name__, exc)

# Argument errors.
cond = threading.Condition()
for call in (lambda: cond.wait(1, 2), lambda: cond.notify(1, 2), lambda: cond.notify_all(1),
             lambda: cond.wait(bogus=1), lambda: cond.notify(1, n=2)):
    try:
        with cond:
            call()
    except TypeError as exc:
        print('TypeError', exc)

# wait_for, with and without a timeout.
cond = threading.Condition()
state = []
def producer():
    for i in range(3):
        time.sleep(0.005)
        with cond:
            state.append(i)
            cond.notify_all()
t = threading.Thread(target=producer)
t.start()
with cond:
    print('wait_for', cond.wait_for(lambda: len(state) == 3, 10), state)
    print('wait_for timeout', cond.wait_for(lambda: len(state) == 4, 0.01))
t.join()

# A subclass may override the native methods and call them back.
class Traced(threading.Condition):
    log = []
    def notify(self, n=1):
        Traced.log.append(('notify', n))
        super().notify(n)
    def wait(self, timeout=None):
        Traced.log.append('wait')
        return super().wait(timeout)
tc = Traced()
print('Traced', waiters_woken(tc, 2, lambda c: c.notify(2)), sorted(map(str, Traced.log)))
print(repr(tc).startswith('<Condition(<unlocked _thread.RLock object owner=0 count=0 at '), repr(tc).endswith(', 0)>'))

# Barrier: rounds, an action, a broken barrier.
barrier = threading.Barrier(3, action=lambda: print('action'))
out = []
def party(i):
    for r in range(2):
        out.append((r, barrier.wait() >= 0))
threads = [threading.Thread(target=party, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('barrier', sorted(out), barrier.broken, barrier.n_waiting)
b2 = threading.Barrier(2, timeout=0.01)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print('broken', b2.broken)

# queue.Queue: a bounded producer/consumer with task_done/join.
q = queue.Queue(maxsize=2)
total = []
def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        total.append(item)
        q.task_done()
t = threading.Thread(target=consumer)
t.start()
for i in range(50):
    q.put(i)
q.put(None)
q.join()
t.join()
print('queue', sum(total), len(total))
try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print('Empty')

# Waiters a script queued by hand: a lock already released does not count
# (gh-92530), any object is released through its release method.
cond = threading.Condition(threading.Lock())
class Fake:
    released = 0
    def release(self):
        Fake.released += 1
free = threading.Lock()
cond._waiters.extend([free, Fake(), Fake()])
with cond:
    cond.notify(1)
print('hand-queued', Fake.released, len(cond._waiters), free.locked())
