"""CPU-bound through interpreters: bench_cpu_count.py's busy loop, the same
total work split across WORKERS interpreters of an InterpreterPoolExecutor.

Usage: bench_interp_count.py [WORKERS] [SIZE]   (SIZE: loop iterations in all)

Each interpreter has its own GIL, so the workers run in parallel where
threads cannot: this is the way past the GIL's limit. It prints what
bench_cpu_count.py prints for the same SIZE. Needs Python 3.14's
InterpreterPoolExecutor (gilvm has it; CPython 3.11 does not).

Prints its result on stdout and the seconds it took on stderr.
"""
import sys
import time
from concurrent.futures import InterpreterPoolExecutor


def count(start, stop):
    total = 0
    i = start
    while i < stop:
        total += i * i % 7
        i += 1
    return total


def main():
    workers = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 2000000
    with InterpreterPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(count, size * k // workers, size * (k + 1) // workers) for k in range(workers)]
        checksum = sum(f.result() for f in futures)
    print('count', size, 'checksum', checksum)


# The guard matters: each worker interpreter loads this script (as
# '__mp_main__') to find `count`.
if __name__ == '__main__':
    start = time.perf_counter()
    main()
    # For `gilvm bench`: the time the work took, without the interpreter's start-up.
    print('elapsed %.6f' % (time.perf_counter() - start), file=sys.stderr)
