# Many threads on shared objects: exact counts with a lock, 1000 threads
# started and joined, and containers mutated from 8 threads.
import threading

counter = 0
lock = threading.Lock()


def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


ts = [threading.Thread(target=add, args=(2000,)) for _ in range(16)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('counter', counter)

shared_list = []
shared_dict = {}
shared_set = set()


class Box:
    pass


box = Box()
box.n = 0


def mutate(k):
    for i in range(10000):
        shared_list.append(i)
        shared_dict[(k, i)] = i
        shared_set.add((k, i))
        with lock:
            box.n += 1


ts = [threading.Thread(target=mutate, args=(k,)) for k in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(shared_list), len(shared_dict), len(shared_set), box.n)

idents = set()


def note():
    with lock:
        idents.add(threading.current_thread().name)


ts = [threading.Thread(target=note) for _ in range(1000)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(idents), threading.active_count())
