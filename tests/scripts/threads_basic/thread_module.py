# The low-level _thread module: start_new_thread, allocate_lock, get_ident, RLock, error.
import _thread
import time
lock = _thread.allocate_lock()
done = _thread.allocate_lock()
results = []
remaining = [4]
def worker(i, scale):
    with lock:
        results.append(i * scale)
        remaining[0] -= 1
        if remaining[0] == 0:
            done.release()
done.acquire()
for i in range(4):
    _thread.start_new_thread(worker, (i, 10))
done.acquire()
print(sorted(results))
print(type(lock).__name__, isinstance(lock, _thread.LockType), lock.locked())
print(lock.acquire(), lock.acquire(False), lock.acquire(True, 0.01), lock.locked())
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print('RuntimeError:', e)
print(_thread.error is RuntimeError, _thread.TIMEOUT_MAX > 0)
print(type(_thread.get_ident()).__name__, type(_thread.get_native_id()).__name__)
r = _thread.RLock()
print(r.acquire(), r.acquire())
r.release(); r.release()
try:
    r.release()
except RuntimeError as e:
    print('RuntimeError:', e)
finished = _thread.allocate_lock()
finished.acquire()
def exits_early():
    finished.release()
    _thread.exit()
    print('never')
_thread.start_new_thread(exits_early, ())
finished.acquire()
print('thread exited quietly')
with lock:
    print('lock as context manager', lock.locked())
print(lock.locked())
