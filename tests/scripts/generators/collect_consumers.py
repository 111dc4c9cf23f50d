# Consumers that only keep a generator's items (list, tuple, sorted, min,
# max, str.join, set, frozenset, star-unpacking, f(*g)) take them while its
# frame stays on the frame stack (generator.collect). Checked: items of every
# kind, a generator not yet started, exhausted or running, exceptions raised
# inside (with the generator finished after them), StopIteration inside (PEP
# 479) and return values, unpacking that stops one item past its targets
# (the generator stays suspended and can be resumed or closed), finally
# blocks, yield from, nested generators, and an uncaught error's traceback.
import sys


def count(n, start=0):
    for i in range(n):
        yield start + i


def items(*values):
    for v in values:
        yield v


print(list(count(5)), tuple(count(3, 10)), list(count(0)), tuple(count(0)))
print(sorted(items(3, 1, 2)), sorted(items("b", "a"), reverse=True), sorted(count(0)))
print(min(items(4, 2, 8)), max(items(4, 2, 8)), min(items("pear", "fig")), max(count(3), key=lambda x: -x))
print(min(count(0), default="empty"), max(items(2.5, 1, True)), "-".join(items("a", "b", "c")))
print(sorted(set(items(3, 1, 3, 2))), sorted(frozenset(count(4))), "".join(str(x) for x in count(6)))
print(list(items(None, 2**70, 1.5, "s", (1, 2), [3], {"k": 4})))
print(list(x * 2 for x in count(4)), [*count(3)], (*count(2), "end"), {*items(1, 1)})


def show(*args, **kw):
    return args, kw


print(show(*count(3)), show(1, *count(2), 9, *items("x")), show(*items(), k=1))
print(*count(4), sep=",")

# A generator already started, or partly consumed, gives the rest.
g = count(6)
print(next(g), next(g), list(g), list(g), tuple(g), next(g, "done"))
g = count(5)
next(g)
print(sorted(g, reverse=True))

# Unpacking: exact, too few, too many (one item past the targets is taken;
# the rest stay in the suspended generator).
a, b, c = count(3)
print(a, b, c)
first, *rest = count(4)
print(first, rest)
*init, last = items("x", "y", "z")
print(init, last)
x, *mid, y = count(2)
print(x, mid, y)


def noisy(n):
    try:
        for i in range(n):
            print("  noisy yields", i)
            yield i
    finally:
        print("  noisy finally")


try:
    a, b = noisy(1)
except ValueError as e:
    print("ValueError", e)
g = noisy(5)
try:
    a, b = g
except ValueError as e:
    print("ValueError", e)
print("left suspended:", next(g))
g.close()
print("after close:", list(g))
try:
    p, q, *r = count(1)
except ValueError as e:
    print("ValueError", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError", e)


# Exceptions raised inside: the consumer gets them, the generator is finished.
def fails_after(n, exc):
    for i in range(n):
        yield i
    raise exc


for consume in (list, tuple, sorted, min, max, set, frozenset, lambda g: "".join(map(str, g)), lambda g: [*g]):
    g = fails_after(2, KeyError("k"))
    try:
        consume(g)
    except KeyError as e:
        print("KeyError", e, list(g), next(g, "finished"))
g = fails_after(3, ValueError("v"))
try:
    a, *b = g
except ValueError as e:
    print("ValueError", e, list(g))
try:
    show(*fails_after(1, TypeError("t")))
except TypeError as e:
    print("TypeError", e)
try:
    "".join(items("a", 1, "b"))
except TypeError as e:
    print("TypeError", e)
try:
    min(items(1, "a"))
except TypeError as e:
    print("TypeError", e)
try:
    set(items([1]))
except TypeError as e:
    print("TypeError", e)


# StopIteration inside becomes RuntimeError; a return value is dropped.
def stops():
    yield 1
    raise StopIteration("inner")


for consume in (list, tuple, sorted, lambda g: [*g], lambda g: show(*g)):
    try:
        consume(stops())
    except RuntimeError as e:
        print("RuntimeError", e, repr(e.__cause__), e.__suppress_context__)
try:
    a, b = stops()
except RuntimeError as e:
    print("RuntimeError", e)


def returns(v):
    yield "item"
    return v


print(list(returns(1)), [*returns(2)], sorted(returns(3)))
g = returns(4)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value", e.value, list(g))


# A generator consuming itself is already executing.
def reentrant():
    yield 1
    yield list(me)


me = reentrant()
print(next(me))
try:
    next(me)
except ValueError as e:
    print("ValueError", e)
print(list(me))


# Nested generators, yield from, finally blocks and handlers inside.
def outer():
    yield "start"
    yield from count(3)
    try:
        yield from fails_after(1, IndexError("deep"))
    except IndexError as e:
        yield f"caught {e}"
    finally:
        print("  outer finally")
    yield "end"


print(list(outer()))
print(list(x for x in count(10) if x % 3 == 0), sorted(y for x in count(3) for y in count(x)))


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
    print([t.__name__ if t else None for t in list(exc_seer())])
print(sys.exc_info()[0], [t.__name__ if t else None for t in tuple(exc_seer())])


# Closed early: a suspended generator left by a consumer is closed when dropped.
def counted():
    try:
        yield 1
        yield 2
        yield 3
    finally:
        print("  counted finally")


try:
    a, = counted()
except ValueError as e:
    print("ValueError", e)
print("dropped")


# Uncaught: the traceback names the consumer's line and the generator's.
def divide(n):
    for i in count(n):
        yield 10 // (n - 1 - i)


print(sorted(divide(3)))
