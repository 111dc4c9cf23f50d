"""Lazy pipelines with generators: primes, a sliding window, and a coroutine-style averager.

Run: cargo run --release -- examples/generators.py
"""


def integers(start=2):
    n = start
    while True:
        yield n
        n += 1


def primes():
    found = []
    for n in integers():
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n


def take(n, iterable):
    for i, item in enumerate(iterable):
        if i == n:
            return
        yield item


def window(iterable, size):
    buf = []
    for item in iterable:
        buf.append(item)
        if len(buf) > size:
            buf.pop(0)
        if len(buf) == size:
            yield tuple(buf)


def running_average():
    total, count, average = 0, 0, None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


def flatten(tree):
    for node in tree:
        if isinstance(node, list):
            yield from flatten(node)
        else:
            yield node


def main():
    print('first 20 primes:', list(take(20, primes())))
    gaps = [b - a for a, b in window(take(200, primes()), 2)]
    print('largest gap below the 200th prime:', max(gaps))
    print('twin primes:', [w for w in window(take(30, primes()), 2) if w[1] - w[0] == 2][:6])
    avg = running_average()
    next(avg)
    for v in [10, 20, 30, 40]:
        print('average after %d: %.1f' % (v, avg.send(v)))
    print('flattened:', list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))
    squares = (n * n for n in integers(1))
    print('first square above 1000:', next(s for s in squares if s > 1000))


if __name__ == '__main__':
    main()
