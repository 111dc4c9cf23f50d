# The _thread module on its own: start_new_thread, locks, RLock, idents.
import _thread

print(_thread.error is RuntimeError, _thread.TIMEOUT_MAX)
lock = _thread.allocate_lock()
print(type(lock).__name__, repr(lock).startswith("<unlocked _thread.lock object at 0x"))
print(lock.acquire(), lock.locked(), repr(lock).startswith("<locked _thread.lock object at 0x"))
print(lock.acquire(False), lock.acquire(blocking=False), lock.acquire(True, 0.01), lock.acquire(timeout=0))
lock.release()
print(lock.locked())
for call in (lambda: lock.release(), lambda: lock.acquire(False, 1), lambda: lock.acquire(timeout=-2)):
    try:
        call()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)
with lock:
    print("inside", lock.locked())
print("after", lock.locked())

r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
r.release()
r.release()
print(r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
with r:
    with r:
        print("nested", r._is_owned())

done = _thread.allocate_lock()
done.acquire()
results = []
main_ident = _thread.get_ident()


def worker(a, b, scale=1):
    results.append((a + b) * scale)
    results.append(_thread.get_ident() != main_ident)
    done.release()


ident = _thread.start_new_thread(worker, (2, 3), {"scale": 10})
done.acquire()
print(results, type(ident).__name__)


def quitter():
    try:
        _thread.exit()
    finally:
        done.release()


_thread.start_new_thread(quitter, ())
done.acquire()
print("exit is SystemExit")
for bad in ((print, [1]), (print, (1,), 3), (3, ())):
    try:
        _thread.start_new_thread(*bad)
    except TypeError as e:
        print("TypeError", e)
print(isinstance(_thread.get_native_id(), int), _thread.stack_size())
