"""I/O-bound: select() calls that wait 10 ms for a socket that stays quiet.

Usage: bench_io_select.py [THREADS] [SIZE]   (SIZE: select timeouts in all)

Each thread owns a socket pair and waits in select.select on its read end
until the timeout; select releases the GIL while it waits, so N threads wait
out the same number of timeouts about N times sooner.

Prints its result on stdout and the seconds it took on stderr.
"""
import select
import socket
import sys
import threading
import time

DELAY = 0.01


def waiter(count, results, slot):
    quiet, other = socket.socketpair()
    timeouts = 0
    for _ in range(count):
        readable, _, _ = select.select([quiet], [], [], DELAY)
        if not readable:
            timeouts += 1
    quiet.close()
    other.close()
    results[slot] = timeouts


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 64
    results = [0] * threads
    workers = []
    for k in range(threads):
        count = size * (k + 1) // threads - size * k // threads
        workers.append(threading.Thread(target=waiter, args=(count, results, k)))
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    print('select timed out', sum(results), 'times')


start = time.perf_counter()
main()
# For `gilvm bench`: the time the work took, without the interpreter's start-up.
print('elapsed %.6f' % (time.perf_counter() - start), file=sys.stderr)
