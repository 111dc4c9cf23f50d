"""CPU-bound: the factorizing generator, eight numbers shared among THREADS threads.

Usage: bench_cpu_factorize.py [THREADS] [SIZE]   (SIZE: the size of each number)

The classic demonstration that threads do not speed up CPU-bound Python
(Effective Python, item 53): each number is factorized by trial division in a
generator. Eight numbers of about the same size, dealt round-robin to the
threads, so every thread count does the same work.

Prints its result on stdout and the seconds it took on stderr.
"""
import sys
import threading
import time


def factorize(number):
    for i in range(1, number + 1):
        if number % i == 0:
            yield i


def worker(numbers, results, slot):
    total = 0
    for number in numbers:
        for factor in factorize(number):
            total += factor
    results[slot] = total


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 250000
    numbers = [size + 7919 * k for k in range(8)]
    results = [0] * threads
    workers = []
    for k in range(threads):
        share = numbers[k::threads]
        workers.append(threading.Thread(target=worker, args=(share, results, k)))
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    print('factorized', len(numbers), 'numbers, sum of factors', sum(results))


start = time.perf_counter()
main()
# For `gilvm bench`: the time the work took, without the interpreter's start-up.
print('elapsed %.6f' % (time.perf_counter() - start), file=sys.stderr)
