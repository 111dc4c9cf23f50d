# I/O-bound threads: 50 threads each blocked 0.1 s in time.sleep, in
# select.select and in a socket recv with a 0.1 s timeout (on a socketpair
# nobody writes to). Each group must take about 0.1 s, not 50 x 0.1 s: the
# blocking calls release the GIL. Runs under gilvm and python3 alike:
#     gilvm benches/io_threads.py ; python3 benches/io_threads.py
import select
import socket
import threading
import time

THREADS = 50
BLOCK = 0.1


def in_sleep():
    time.sleep(BLOCK)


def in_select():
    select.select([], [], [], BLOCK)


def in_recv(sock):
    sock.settimeout(BLOCK)
    try:
        sock.recv(1)
    except socket.timeout:
        pass


def run(target, args_for):
    threads = [threading.Thread(target=target, args=args_for(i)) for i in range(THREADS)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


pairs = [socket.socketpair() for _ in range(THREADS)]
groups = [
    ('sleep', in_sleep, lambda i: ()),
    ('select', in_select, lambda i: ()),
    ('recv', in_recv, lambda i: (pairs[i][0],)),
]
for name, target, args_for in groups:
    print('%-7s %d threads x %.1f s: %.3f s' % (name, THREADS, BLOCK, run(target, args_for)))
for a, b in pairs:
    a.close()
    b.close()
