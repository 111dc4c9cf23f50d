# A Lock-protected counter incremented by 16 threads: the exact total.
import threading
counter = 0
lock = threading.Lock()
def increment(times):
    global counter
    for _ in range(times):
        with lock:
            counter += 1
threads = [threading.Thread(target=increment, args=(5000,)) for _ in range(16)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter, counter == 16 * 5000)
lock2 = threading.Lock()
print(lock2.locked(), lock2.acquire(), lock2.locked(), lock2.acquire(False), lock2.acquire(timeout=0.01))
lock2.release()
print(lock2.locked())
try:
    lock2.release()
except RuntimeError as e:
    print('RuntimeError:', e)
rlock = threading.RLock()
with rlock:
    with rlock:
        print('re-entered RLock')
total = 0
def manual(times):
    global total
    for _ in range(times):
        lock.acquire()
        try:
            total += 2
        finally:
            lock.release()
threads = [threading.Thread(target=manual, args=(1000,)) for _ in range(16)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total)
