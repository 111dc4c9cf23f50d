"""CPU-bound work three ways: one call after the other, on a ThreadPoolExecutor
(one GIL: threads take turns) and on an InterpreterPoolExecutor (one GIL per
interpreter: the calls run in parallel on separate cores).

    gilvm examples/interpreter_pool.py [WORKERS] [LIMIT] [ROUNDS]

Each round runs the three one after the other (interleaved, so a burst of
load elsewhere on the machine hits all three alike); the best time of each
over the rounds is printed, with its speedup over one after the other. The
pools are started and warmed up first (worker threads running, interpreters
created, this script loaded in each), so the times compare running the work.
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


def timed(run):
    start = time.perf_counter()
    results = run()
    return time.perf_counter() - start, results


def main():
    workers = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 40000
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    tasks = [limit] * workers
    print(f'{workers} calls of count_primes({limit}), {workers} workers, '
          f'best of {rounds} rounds')
    with ThreadPoolExecutor(workers) as threads, \
            InterpreterPoolExecutor(workers) as interps:
        for pool in (threads, interps):
            list(pool.map(pause, [0.2] * workers))
        runs = [
            ('one after the other', lambda: [count_primes(n) for n in tasks]),
            ('ThreadPoolExecutor', lambda: list(threads.map(count_primes, tasks))),
            ('InterpreterPoolExecutor', lambda: list(interps.map(count_primes, tasks))),
        ]
        best = {}
        expected = None
        for _ in range(rounds):
            for label, run in runs:
                elapsed, results = timed(run)
                if expected is None:
                    expected = results
                assert results == expected, (label, results)
                best[label] = min(best.get(label, elapsed), elapsed)
    serial = best['one after the other']
    for label, _ in runs:
        print(f'{label:<26} {best[label]:7.3f} s   speedup {serial / best[label]:.2f}')


if __name__ == '__main__':
    main()
