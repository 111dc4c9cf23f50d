"""CPU-bound: a busy loop, the same total work split across THREADS threads.

Usage: bench_cpu_count.py [THREADS] [SIZE]   (SIZE: loop iterations in all)

Under a GIL only one thread runs bytecode at a time, so more threads do not
finish sooner. The checksum does not depend on THREADS.

Prints its result on stdout and the seconds it took on stderr.
"""
import sys
import threading
import time


def count(start, stop, results, slot):
    total = 0
    i = start
    while i < stop:
        total += i * i % 7
        i += 1
    results[slot] = total


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 2000000
    results = [0] * threads
    workers = []
    for k in range(threads):
        start = size * k // threads
        stop = size * (k + 1) // threads
        workers.append(threading.Thread(target=count, args=(start, stop, results, k)))
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    print('count', size, 'checksum', sum(results))


start = time.perf_counter()
main()
# For `gilvm bench`: the time the work took, without the interpreter's start-up.
print('elapsed %.6f' % (time.perf_counter() - start), file=sys.stderr)
