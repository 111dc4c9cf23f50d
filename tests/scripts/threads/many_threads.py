# 1000 threads started and joined; each records its index.
import threading

seen = []
seen_lock = threading.Lock()


def record(i):
    with seen_lock:
        seen.append(i)


threads = []
for i in range(1000):
    t = threading.Thread(target=record, args=(i,))
    t.start()
    threads.append(t)
for t in threads:
    t.join()
print(len(seen), sorted(seen) == list(range(1000)))
print(all(not t.is_alive() for t in threads))
print(threading.active_count())
