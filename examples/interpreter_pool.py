"""CPU-bound work three ways: one call after the other, on a ThreadPoolExecutor
(one GIL: threads take turns) and on an InterpreterPoolExecutor (one GIL per
interpreter: the calls run in parallel on separate cores).

    gilvm examples/interpreter_pool.py [WORKERS] [N]

Prints the wall time of each and the speedups over one after the other.
The pools are warmed up first (worker threads started, interpreters created
and this script loaded in each), so the times compare running the work.
"""

import sys
import time
from concurrent.futures import InterpreterPoolExecutor, ThreadPoolExecutor


def count_primes(limit):
    """Primes below `limit` by trial division: pure bytecode, no I/O."""
    count = 0
    n = 2
    while n < limit:
        d = 2
        while d * d <= n:
            if n % d == 0:
                break
            d += 1
        else:
            count += 1
        n += 1
    return count


def pause(seconds):
    """A warm-up task: long enough that every worker gets one."""
    time.sleep(seconds)


def timed(label, run, baseline=None):
    start = time.perf_counter()
    results = run()
    elapsed = time.perf_counter() - start
    line = f'{label:<26} {elapsed:7.3f} s'
    if baseline is not None:
        line += f'   speedup {baseline / elapsed:.2f}'
    print(line)
    return elapsed, results


def main():
    workers = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 60000
    tasks = [limit] * workers
    print(f'{workers} calls of count_primes({limit}), {workers} workers')
    serial, expected = timed('one after the other',
                             lambda: [count_primes(n) for n in tasks])
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(pause, [0.2] * workers))
        _, got = timed('ThreadPoolExecutor',
                       lambda: list(pool.map(count_primes, tasks)), serial)
        assert got == expected
    with InterpreterPoolExecutor(workers) as pool:
        list(pool.map(pause, [0.2] * workers))
        _, got = timed('InterpreterPoolExecutor',
                       lambda: list(pool.map(count_primes, tasks)), serial)
        assert got == expected


if __name__ == '__main__':
    main()
