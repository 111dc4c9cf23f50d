"""I/O-bound: request/reply round trips over socket pairs, shared among THREADS clients.

Usage: bench_io_socketpair.py [THREADS] [SIZE]   (SIZE: round trips in all)

Each client thread owns a socket pair whose other end is served by its own
echo thread, a stand-in for a server that takes 2 ms to answer. A client
blocked in recv releases the GIL, so N clients finish the same round trips
about N times sooner.

Prints its result on stdout and the seconds it took on stderr.
"""
import socket
import sys
import threading
import time

SERVER_TIME = 0.002


def echo(sock):
    while True:
        request = sock.recv(64)
        if not request:
            break
        time.sleep(SERVER_TIME)
        sock.sendall(request)
    sock.close()


def client(start, stop, results, slot):
    mine, theirs = socket.socketpair()
    server = threading.Thread(target=echo, args=(theirs,))
    server.start()
    total = 0
    for i in range(start, stop):
        mine.sendall(b'%d' % i)
        total += int(mine.recv(64))
    mine.close()
    server.join()
    results[slot] = total


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 128
    results = [0] * threads
    workers = []
    for k in range(threads):
        start = size * k // threads
        stop = size * (k + 1) // threads
        workers.append(threading.Thread(target=client, args=(start, stop, results, k)))
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    print('round trips', size, 'checksum', sum(results))


start = time.perf_counter()
main()
# For `gilvm bench`: the time the work took, without the interpreter's start-up.
print('elapsed %.6f' % (time.perf_counter() - start), file=sys.stderr)
