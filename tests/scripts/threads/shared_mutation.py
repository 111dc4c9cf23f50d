# 8 threads mutate one list, dict, set and instance attribute 10,000 times
# each without a lock of their own: the GIL keeps every operation whole.
import threading

N = 10_000
items = []
table = {}
members = set()


class Box:
    def __init__(self):
        self.hits = 0


box = Box()
start = threading.Event()


def work(tid):
    start.wait()
    for i in range(N):
        items.append(i)
        table[(tid, i)] = i
        members.add(tid * N + i)
        table[tid] = table.get(tid, 0) + 1


def pop_half():
    start.wait()
    popped = 0
    while popped < N:
        if items:
            try:
                items.pop()
                popped += 1
            except IndexError:
                pass


workers = [threading.Thread(target=work, args=(t,)) for t in range(8)]
popper = threading.Thread(target=pop_half)
for t in workers + [popper]:
    t.start()
start.set()
for t in workers + [popper]:
    t.join()
print(len(items), 8 * N - N)
print(len(table), 8 * N + 8)
print(len(members))
print(sorted(table[t] for t in range(8)))
lock = threading.Lock()


def bump():
    for _ in range(N):
        with lock:
            box.hits += 1


bumpers = [threading.Thread(target=bump) for _ in range(8)]
for t in bumpers:
    t.start()
for t in bumpers:
    t.join()
print(box.hits)
