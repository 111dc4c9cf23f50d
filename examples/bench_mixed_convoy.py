"""Mixed: one I/O thread doing socket round trips next to THREADS - 1 CPU-bound threads.

Usage: bench_mixed_convoy.py [THREADS] [SIZE]   (SIZE: round trips)

The convoy effect: every time the I/O thread blocks in recv it releases the
GIL, and when its reply arrives it must get the GIL back from a CPU-bound
thread. If that takes a whole switch interval, each round trip costs
milliseconds. The CPU-bound threads spin until the round trips are done, so the
wall time is how long the I/O thread needed; with THREADS = 1 it runs alone.

Prints its result on stdout and the seconds it took on stderr.
"""
import socket
import sys
import threading
import time

stop = [False]


def spin():
    n = 0
    while not stop[0]:
        n += 1


def echo(sock):
    while True:
        request = sock.recv(64)
        if not request:
            break
        sock.sendall(request)
    sock.close()


def round_trips(count, results):
    mine, theirs = socket.socketpair()
    server = threading.Thread(target=echo, args=(theirs,))
    server.start()
    total = 0
    for i in range(count):
        mine.sendall(b'%d' % i)
        total += int(mine.recv(64))
    mine.close()
    server.join()
    results.append(total)


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    spinners = [threading.Thread(target=spin) for _ in range(threads - 1)]
    for t in spinners:
        t.start()
    results = []
    io = threading.Thread(target=round_trips, args=(size, results))
    io.start()
    io.join()
    stop[0] = True
    for t in spinners:
        t.join()
    print('round trips', size, 'checksum', results[0])


start = time.perf_counter()
main()
# For `gilvm bench`: the time the work took, without the interpreter's start-up.
print('elapsed %.6f' % (time.perf_counter() - start), file=sys.stderr)
