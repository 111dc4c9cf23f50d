# Builtins that consume a generator (sum, any, all, min, max, list, tuple,
# str.join, next) resume it directly, and sum adds ints inline until they
# overflow; a `for` loop over a generator takes the generator straight from
# the stack. Every way out must match CPython: big ints, floats and bools in
# the sum, exceptions raised inside, StopIteration inside (PEP 479),
# re-entrancy, close/throw between items, and tracebacks through the frames.
import sys


def count(n, start=0, step=1):
    for i in range(n):
        yield start + i * step


def evens(source):
    for x in source:
        if x % 4 == 0:
            yield x


print(sum(evens(count(1000))), sum(count(0)), sum(count(5), 100))
# Overflow past 64 bits: the inline add hands over to big ints and back.
big = 2**62
print(sum(count(4, big, big)), sum(count(3, -big, -big)))
print(sum(count(3, big, big), -3 * big), sum(count(3, 2**63 - 2)))
print(sum(count(3), 2**70), sum(count(3, 2**64)) - 3 * 2**64)
# Floats, bools and mixtures.
print(sum(count(4, 0.5)), sum(count(3), 0.25), sum(x > 1 for x in count(5)))
print(sum((True, 2, 3.5)), sum(x for x in [1, 2.5, True]), type(sum(count(0), 0.0)).__name__)
print(sum([[1], [2]], []), sum(count(0), "ok" * 0 or 7))


class Num:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        return Num(other + self.v)

    def __add__(self, other):
        return Num(self.v + (other.v if isinstance(other, Num) else other))


print(sum(Num(i) for i in range(4)).v, sum((Num(1), 2, Num(3)), 10).v)

for bad in ("x", b"y"):
    try:
        sum(count(2), bad)
    except TypeError as e:
        print("TypeError", e)
try:
    sum(x for x in (1, "a"))
except TypeError as e:
    print("TypeError", e)


# An exception raised inside the generator leaves sum; the generator is done.
def fails_at(n):
    for i in range(10):
        if i == n:
            raise ValueError(f"failed at {i}")
        yield i


g = fails_at(3)
try:
    sum(g)
except ValueError as e:
    print("ValueError", e)
print(list(g), next(g, "exhausted"))

# An error in the addition leaves the generator suspended where it was.
def mixed():
    try:
        yield 1
        yield "two"
        yield 3
    finally:
        print("mixed finally")


g = mixed()
try:
    sum(g)
except TypeError as e:
    print("TypeError", e)
print("resumed after error", next(g))
g.close()


# StopIteration inside becomes RuntimeError (PEP 479), for every consumer.
def stops():
    yield 1
    raise StopIteration("inner")


for consume in (sum, list, tuple, all, min, max, sorted, set):
    try:
        consume(stops())
    except RuntimeError as e:
        print(consume.__name__, "RuntimeError", e, type(e.__cause__).__name__, e.__cause__)
try:
    "".join(str(x) for x in stops())
except RuntimeError as e:
    print("join RuntimeError", e)


# Return values: ignored by consumers, StopIteration.value for next/send.
def returns(v):
    yield 1
    return v


print(sum(returns("ignored")), list(returns(5)))
g = returns(42)
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value", e.value)
print(next(g, "default"), next(returns(1)), next(count(0), "empty"))
try:
    next(count(0))
except StopIteration as e:
    print("StopIteration args", e.args)

# any/all stop early and leave the generator suspended.
g = count(10)
print(any(x > 2 for x in g), all(x < 5 for x in g), next(g))
g = count(10)
print(any(x == 3 for x in g), next(g), all(count(0)), any(count(0)))
print(min(count(5, 3)), max(count(5, 3)), min(count(0), default="none"))
print(list(count(3)), tuple(count(3)), "-".join(str(x) for x in count(4)), sorted(count(3, 5, -1)))


# Re-entrancy: a generator consuming itself.
def reentrant():
    yield 1
    yield sum(me)


me = reentrant()
print(next(me))
try:
    next(me)
except ValueError as e:
    print("ValueError", e)
print(next(me, "finished after the error"))


def reentrant_for():
    yield 1
    for x in me2:
        yield x


me2 = reentrant_for()
print(next(me2))
try:
    next(me2)
except ValueError as e:
    print("ValueError", e)


# close and throw between items a consumer takes.
def tracked():
    try:
        for i in range(5):
            try:
                yield i
            except KeyError as e:
                print("caught", repr(e))
                yield -1
    finally:
        print("tracked finally")


g = tracked()
print(next(g), next(g), g.throw(KeyError("k")), sum(g))
g = tracked()
print(next(g), any(x == 1 for x in g))
g.close()
print(list(g), sum(g))
g = tracked()
print(next(g))
try:
    g.throw(ValueError("thrown"))
except ValueError as e:
    print("ValueError", e)
print(sum(g))


# for over a generator: exhausted, raising, finishing with a value.
def one():
    yield "only"


g = one()
for x in g:
    print("for got", x)
for x in g:
    print("never")
print("exhausted generator: no items")
try:
    for x in fails_at(2):
        print("for item", x)
except ValueError as e:
    print("for ValueError", e)
try:
    for x in stops():
        print("for item", x)
except RuntimeError as e:
    print("for RuntimeError", e)


# The exception being handled is seen inside the resumed generator.
def exc_seer():
    yield sys.exc_info()[0]
    try:
        raise KeyError("inside")
    except KeyError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]


try:
    raise IndexError("outer")
except IndexError:
    print([t.__name__ if t else None for t in exc_seer()])
print(sys.exc_info()[0], [t.__name__ if t else None for t in exc_seer()])


# Finally, an uncaught error through sum: the traceback names every frame.
def deep(n):
    for i in count(n):
        yield 10 // (n - 1 - i)


print(sum(deep(3)))
