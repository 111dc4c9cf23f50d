# 8 threads mutate one list, dict, set and instance attribute 10,000 times each: single operations are atomic under the GIL.
import threading
N = 10000
shared_list = []
shared_dict = {}
shared_set = set()
class Holder:
    pass
holder = Holder()
holder.items = []
lock = threading.Lock()
holder.count = 0
def mutate(tid):
    for i in range(N):
        shared_list.append(i)
        shared_dict[(tid, i)] = i
        shared_set.add(tid * N + i)
        holder.items.append(tid)
        setattr(holder, 'last_%d' % tid, i)
        with lock:
            holder.count += 1
threads = [threading.Thread(target=mutate, args=(t,)) for t in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(shared_list), sum(shared_list) == 8 * sum(range(N)))
print(len(shared_dict), sum(shared_dict.values()) == 8 * sum(range(N)))
print(len(shared_set), min(shared_set), max(shared_set))
print(len(holder.items), [holder.items.count(t) for t in range(8)])
print(holder.count, [getattr(holder, 'last_%d' % t) for t in range(8)])
popped = []
source = list(range(8 * N))
def drain():
    while True:
        try:
            popped.append(source.pop())
        except IndexError:
            return
threads = [threading.Thread(target=drain) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(popped), len(set(popped)), source)
d = {}
def setdefaults(tid):
    for i in range(1000):
        d.setdefault(i, []).append(tid)
threads = [threading.Thread(target=setdefaults, args=(t,)) for t in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(d), all(sorted(v) == list(range(8)) for v in d.values()))
