def f(a, b=1, *args, c, d=2, **kw):
    """Doc."""
    total = a + b
    return total

def outer(n):
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

def gen(xs):
    for x in xs:
        yield x * 2
    yield from xs
    return 3

square = lambda v: v * v
squares = [v * v for v in range(10) if v % 2]
table = {k: v for k, v in zip(a, b)}
unique = {c for c in "hello"}
total = sum(x for x in range(3) for y in range(x))

@decorator
@other(1)
def decorated():
    global G
    G = 1
