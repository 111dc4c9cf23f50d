# 16 threads increment one counter under a lock: the total is exact.
import threading

counter = 0
lock = threading.Lock()


def work(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


threads = [threading.Thread(target=work, args=(5000,)) for _ in range(16)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
print(lock.locked())
