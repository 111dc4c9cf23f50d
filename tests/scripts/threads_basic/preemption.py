# Busy-waiting threads make progress only if the GIL is handed over by force: each wait here spins without sleeping.
import threading
flag = [False]
spins = [0]
def spinner():
    while not flag[0]:
        spins[0] += 1
def setter():
    flag[0] = True
a = threading.Thread(target=spinner)
a.start()
b = threading.Thread(target=setter)
b.start()
a.join()
b.join()
print('spinner saw the flag', flag[0], spins[0] >= 0)
result = []
def produce():
    total = 0
    for i in range(100000):
        total += i
    result.append(total)
t = threading.Thread(target=produce)
t.start()
while not result:
    pass
print('main spun until the worker finished', result[0])
t.join()
turn = [0]
log = []
def ping_pong(me, other, rounds):
    for _ in range(rounds):
        while turn[0] != me:
            pass
        log.append(me)
        turn[0] = other
players = [threading.Thread(target=ping_pong, args=(0, 1, 20)), threading.Thread(target=ping_pong, args=(1, 0, 20))]
for p in players:
    p.start()
for p in players:
    p.join()
print(len(log), log[:6], log == [0, 1] * 20)
counts = [0] * 4
stop = [False]
def count(i):
    while not stop[0]:
        counts[i] += 1
workers = [threading.Thread(target=count, args=(i,)) for i in range(4)]
for w in workers:
    w.start()
while min(counts) == 0:
    pass
stop[0] = True
for w in workers:
    w.join()
print('all four CPU-bound threads ran', all(c > 0 for c in counts))
