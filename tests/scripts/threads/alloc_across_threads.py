# Objects of every small size made on one thread, changed on another and
# freed on a third, through queues and thread churn: the pool allocator
# hands blocks between threads' free lists, and a thread's lists go back to
# the depot when it exits (see ARCHITECTURE.md, "Memory: the allocator").
import queue
import threading


def make(i):
    """A few objects whose sizes sweep the pool's classes (and beyond)."""
    s = "x" * (i % 300) + str(i)
    return (s, [i] * (i % 40), {str(i): i, "k": s}, float(i) / 3, 7 ** (i % 60), (i, s))


def check(item, i):
    s, items, d, f, big, pair = item
    return (s == "x" * (i % 300) + str(i) and items == [i] * (i % 40) and d == {str(i): i, "k": s}
            and f == float(i) / 3 and big == 7 ** (i % 60) and pair == (i, s))


# 1. producers and consumers through one queue: made here, freed there.
q = queue.Queue(maxsize=64)
bad = []
consumed = []


def produce(start, n):
    for i in range(start, start + n):
        q.put((i, make(i)))


def consume(n):
    got = 0
    for _ in range(n):
        i, item = q.get()
        if not check(item, i):
            bad.append(i)
        got += 1
    consumed.append(got)


producers = [threading.Thread(target=produce, args=(k * 1000, 1000)) for k in range(4)]
consumers = [threading.Thread(target=consume, args=(2000,)) for _ in range(2)]
for t in producers + consumers:
    t.start()
for t in producers + consumers:
    t.join()
print("producer/consumer:", sorted(consumed), "bad:", bad, "left:", q.qsize())

# 2. a list grown on one thread (its buffer moves between size classes),
# shrunk on another, freed on the main thread.
shared = []


def grow():
    for i in range(3000):
        shared.append(make(i)[0])


def shrink():
    while len(shared) > 100:
        shared.pop()


for step in (grow, shrink):
    t = threading.Thread(target=step)
    t.start()
    t.join()
print("grown and shrunk:", len(shared), shared[:3] == [make(i)[0] for i in range(3)])
del shared[:]
print("emptied:", shared)

# 3. objects that outlive the thread that made them.
kept = {}


def keep(k):
    kept[k] = [make(k * 100 + i) for i in range(100)]


threads = [threading.Thread(target=keep, args=(k,)) for k in range(20)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("kept:", len(kept), all(check(item, k * 100 + i) for k, items in kept.items() for i, item in enumerate(items)))
kept.clear()
fresh = [make(i) for i in range(2000)]
print("made after their threads exited:", all(check(item, i) for i, item in enumerate(fresh)))

# 4. thread churn: short threads that allocate, free and exit, round after round.
totals = []
totals_lock = threading.Lock()


def churn(seed):
    local = [make(seed + i) for i in range(200)]
    total = sum(len(item[0]) + len(item[1]) for item in local)
    local = None
    with totals_lock:
        totals.append(total)


for round_ in range(40):
    threads = [threading.Thread(target=churn, args=(round_ * 8 + k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
print("churn threads:", len(totals), "sum:", sum(totals))
expected = sum(sum(len(make(seed + i)[0]) + len(make(seed + i)[1]) for i in range(200)) for seed in range(320))
print("churn sums agree:", sum(totals) == expected)

# 5. strings made and dropped by two threads taking turns through Events.
ping, pong = threading.Event(), threading.Event()
lengths = []


def player(mine, other, first):
    for i in range(200):
        if not first or i:
            mine.wait()
            mine.clear()
        lengths.append(len(("ab" * (i % 90)).upper() + str(i)))
        other.set()


a = threading.Thread(target=player, args=(ping, pong, True))
b = threading.Thread(target=player, args=(pong, ping, False))
a.start()
b.start()
a.join()
b.join()
print("turns:", len(lengths), sum(lengths))
print("threads left:", threading.active_count())
