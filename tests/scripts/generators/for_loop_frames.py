# A `for` loop over a generator runs the generator's frame in the same eval
# loop (no nested native call): yield, return, exceptions, exception state,
# re-entry and recursion must behave exactly as when `next()` resumes it.
import sys

def count(n):
    for i in range(n):
        yield i

def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x

print(list(evens(count(10))), sum(evens(count(101))))

def returns_value():
    yield 1
    return "ignored by for"

for v in returns_value():
    print("got", v)

def early_break():
    try:
        for i in count(100):
            if i == 3:
                break
            yield i
    finally:
        print("early_break finally")

print(list(early_break()))

def outer_loop():
    total = 0
    for a in count(3):
        for b in count(3):
            total += a * b
    return total

print(outer_loop())

def fails(k):
    for i in range(k):
        yield i
    raise KeyError(f"fails at {k}")

def consume(g):
    seen = []
    for x in g:
        seen.append(x)
    return seen

try:
    consume(fails(2))
except KeyError as e:
    print("KeyError", e)

def wrapped():
    try:
        for x in fails(1):
            yield x
    except KeyError as e:
        yield f"wrapped caught {e}"

print(list(wrapped()))

def raises_stop():
    yield 1
    raise StopIteration("leaked")

try:
    for x in raises_stop():
        print("stop item", x)
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__, e.__cause__)

def reenters():
    for x in me:
        yield x

me = reenters()
try:
    for x in me:
        pass
except ValueError as e:
    print("ValueError", e)
print(list(me))

def exc_seen():
    yield sys.exc_info()[0]
    try:
        raise IndexError("inner")
    except IndexError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]

try:
    raise OSError("outer")
except OSError:
    print([t.__name__ if t else None for t in exc_seen()])
    print(sys.exc_info()[0].__name__)
print([t.__name__ if t else None for t in exc_seen()])

def holds_exc():
    try:
        raise TypeError("held")
    except TypeError:
        yield sys.exc_info()[1]
        yield sys.exc_info()[1]

h = holds_exc()
for e in h:
    print("held", repr(e), sys.exc_info()[0])

def nest(n):
    if n == 0:
        yield "leaf"
        return
    for x in nest(n - 1):
        yield x

sys.setrecursionlimit(200)
try:
    print(list(nest(50)))
    list(nest(500))
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(1000)

def delegating():
    yield from count(3)
    r = yield from returns_value()
    yield r

print(list(delegating()))
print([x for x in evens(count(7))], tuple(evens(x * 3 for x in count(6))))

def send_inside():
    got = yield "start"
    while got is not None:
        got = yield got * 2

def drive():
    s = send_inside()
    out = [next(s)]
    for v in count(3):
        out.append(s.send(v + 1))
    for x in s:
        out.append(x)
    return out

print(drive())

def finally_in_loop():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")

for x in finally_in_loop():
    print("item", x)

def deep_tb():
    yield 1
    1 / 0

def middle():
    for x in deep_tb():
        yield x

for x in middle():
    print("before the error", x)
