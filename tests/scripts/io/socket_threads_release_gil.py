# Blocking socket calls and select release the GIL: threads blocked in them
# overlap instead of running one after the other.
import select
import socket
import threading
import time

N = 20
pairs = [socket.socketpair() for _ in range(N)]


def blocked_recv(sock, results, i):
    sock.settimeout(0.2)
    try:
        sock.recv(1)
    except socket.timeout:
        results[i] = 'timeout'


def blocked_select(results, i):
    results[i] = select.select([], [], [], 0.2)


for name, make in [('recv', lambda r, i: (blocked_recv, (pairs[i][0], r, i))),
                   ('select', lambda r, i: (blocked_select, (r, i)))]:
    results = [None] * N
    threads = []
    start = time.time()
    for i in range(N):
        target, args = make(results, i)
        threads.append(threading.Thread(target=target, args=args))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.time() - start
    print(name, elapsed < 2.0, results[0], len(set(map(str, results))))
for a, b in pairs:
    a.close()
    b.close()
