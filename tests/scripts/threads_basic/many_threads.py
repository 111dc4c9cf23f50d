# 1000 threads started and joined; every one ran exactly once.
import threading
seen = []
def record(i):
    seen.append(i)
threads = []
for i in range(1000):
    t = threading.Thread(target=record, args=(i,))
    t.start()
    threads.append(t)
for t in threads:
    t.join()
print(len(seen), sorted(seen) == list(range(1000)), len(set(seen)))
print(all(not t.is_alive() for t in threads), threading.active_count())
