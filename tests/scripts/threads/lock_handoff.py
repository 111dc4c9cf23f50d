# Locks as signals between threads: a ping-pong of 200 rounds, then a
# consumer blocked on a lock with a timeout.
import threading

ping = threading.Lock()
pong = threading.Lock()
ping.acquire()
pong.acquire()
log = []


def player():
    for i in range(200):
        ping.acquire()
        log.append(i)
        pong.release()


t = threading.Thread(target=player)
t.start()
for i in range(200):
    ping.release()
    pong.acquire()
t.join()
print(len(log), log[:5], log[-1])

gate = threading.Lock()
gate.acquire()
outcome = []


def waiter():
    outcome.append(gate.acquire(timeout=0.05))
    outcome.append(gate.acquire(timeout=5))


w = threading.Thread(target=waiter)
w.start()
w.join(0.2)
gate.release()
w.join()
print(outcome)
