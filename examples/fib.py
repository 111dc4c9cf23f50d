"""Fibonacci four ways: naive recursion, memoised recursion, iteration and a generator.

Run: cargo run --release -- examples/fib.py
"""


def fib_naive(n):
    return n if n < 2 else fib_naive(n - 1) + fib_naive(n - 2)


def fib_memo(n, cache={0: 0, 1: 1}):
    if n not in cache:
        cache[n] = fib_memo(n - 1) + fib_memo(n - 2)
    return cache[n]


def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def main():
    print('naive    fib(25) =', fib_naive(25))
    print('memo     fib(90) =', fib_memo(90))
    print('iterate  fib(300) =', fib_iter(300))
    gen = fib_gen()
    first = [next(gen) for _ in range(15)]
    print('generator first 15:', first)
    assert all(fib_naive(i) == fib_memo(i) == fib_iter(i) for i in range(20))
    ratio = fib_iter(101) / fib_iter(100)
    print('fib(101)/fib(100) = %.15f (golden ratio)' % ratio)
    print('digits in fib(10000):', len(str(fib_iter(10000))))


if __name__ == '__main__':
    main()
