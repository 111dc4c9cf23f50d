# sum, any and all take a generator's items while its frame
# stays on the frame stack; an item they cannot handle alone (a big int, a
# mixture, an object, a deciding value) is given back with the generator
# suspended, and the general path takes over. Checked: every hand-over, user
# code resuming the same generator from the general path, exceptions and
# returns in the middle, close after a partial consumer, and yield from.


def items(*values):
    for v in values:
        yield v


big = 2**63 - 1
print(sum(items(1, 2, 3)), sum(items()), sum(items(1.5, 2.5)), sum(items(1, 2.5, 3)))
print(sum(items(big, 1, 2)), sum(items(-big, -2, 5)), sum(items(big, -big, 7)))
print(sum(items(1, True, 2)), sum(items(0.5, 1, 0.25)), sum(items(2**70, -(2**70), 3)))
print(sum(items(1, 2), 0.5), sum(items([1], [2]), []), sum(items((1,), (2, 3)), ()))


class Grab:
    """Its __radd__ resumes the generator that yielded it."""

    def __radd__(self, other):
        return other + next(g, 100) * 10


def source():
    yield 1
    yield Grab()
    yield 5
    yield Grab()


g = source()
print(sum(g), next(g, "exhausted"))


def returns():
    yield 4
    yield 5
    return "ignored"


def raises(n):
    for i in range(n):
        yield i
    raise LookupError("after %d" % n)


print(sum(returns()), list(returns()), [*returns(), *returns()])
for consume in (sum, any, all, lambda g: [*g], lambda g: print(*g)):
    try:
        consume(raises(3))
    except LookupError as e:
        print(type(consume).__name__, "LookupError", e)

# any / all: values that cannot decide stay on the fast side.
print(any(items(0, False, None, 0)), any(items(0, 0, 3, 0)), any(items(0, "", [], 2.0)))
print(all(items(1, True, 7)), all(items(1, 0, 1)), all(items(1, "x", [1], 0.0)))
print(any(items()), all(items()), any(items(None, [0])), all(items(True, None)))


class Truth:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("  bool called", self.v)
        if self.v is None:
            raise ValueError("no truth")
        return self.v


print(any(items(0, Truth(False), 0, Truth(True), 5)), all(items(1, Truth(True), Truth(False))))
try:
    any(items(0, Truth(None)))
except ValueError as e:
    print("ValueError", e)


# A consumer stopping early leaves the generator suspended: close runs finally.
def guarded(values):
    try:
        for v in values:
            yield v
    finally:
        print("  finally")


g = guarded([0, 0, 1, 2, 0])
print(any(g), next(g))
g.close()
g = guarded([1, 1, 0, 1])
print(all(g), list(g))
g = guarded([1, 2, 2**64, 3])
print(sum(g))


# yield from inside a drained generator resumes at its delegation.
def delegating():
    yield from items(1, 2)
    r = yield from returns()
    yield len(r)


print(sum(delegating()), list(delegating()), any(x > 7 for x in delegating()))

# Created generators, partly consumed ones, and finished ones.
g = items(1, 2, 3, 4)
print(next(g), sum(g), sum(g), any(g), all(g), [*g])
g = (x * x for x in range(5))
print(next(g), sum(g))
