"""I/O-bound: sleeps, a fixed number of them shared among THREADS threads.

Usage: bench_io_sleep.py [THREADS] [SIZE]   (SIZE: 10 ms sleeps in all)

A thread in time.sleep releases the GIL, so sleeping threads overlap: N
threads finish the same sleeps about N times sooner.

Prints its result on stdout and the seconds it took on stderr.
"""
import sys
import threading
import time

DELAY = 0.01


def sleeper(count, results, slot):
    for _ in range(count):
        time.sleep(DELAY)
    results[slot] = count


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 64
    results = [0] * threads
    workers = []
    for k in range(threads):
        count = size * (k + 1) // threads - size * k // threads
        workers.append(threading.Thread(target=sleeper, args=(count, results, k)))
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    print('slept', sum(results), 'times')


start = time.perf_counter()
main()
# For `gilvm bench`: the time the work took, without the interpreter's start-up.
print('elapsed %.6f' % (time.perf_counter() - start), file=sys.stderr)
