# Resuming a suspended generator with None (`next`, `for`, `sum`, `list`)
# skips the pushed None and the PopTop of a `yield` statement. Every other
# resume keeps the full path: values sent into `yield` expressions and bare
# `yield` statements, throw and close at the suspension point, `yield from`,
# a generator finishing or raising between items, re-entrancy, and the
# exception being handled as seen from inside the generator.
import sys


def stmt(n):
    for i in range(n):
        yield i
        yield -i


def expr(log):
    got = yield "first"
    while got is not None:
        log.append(got)
        got = yield got * 2
    log.append("end")


print(list(stmt(3)), sum(stmt(5)), [x for x in stmt(2)])
g = stmt(3)
print(next(g), next(g), g.send(None), g.send("ignored"), g.send(5.5), next(g, "done"))

log = []
g = expr(log)
print(next(g), g.send(3), g.send("ab"), next(g, "stopped"), log)
log = []
g = expr(log)
print(next(g), g.send(7))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value, log)


# A value sent to a bare `yield` is dropped, whatever its type.
class Noisy:
    def __repr__(self):
        return "Noisy()"


def bare(out):
    for i in range(4):
        yield i
        out.append(i)


out = []
g = bare(out)
print(next(g), g.send(Noisy()), g.send([1, 2]), g.send(None), next(g, "end"), out)


# The sent value still arrives where the yield is used, also after a skip.
def mixed():
    yield "a"
    x = yield "b"
    yield ("got", x)
    yield "c"
    y = yield "d"
    yield ("got", y)


g = mixed()
print(next(g), next(g), next(g), next(g), next(g), next(g), next(g, "end"))
g = mixed()
print(next(g), next(g), g.send(1), next(g), next(g), g.send(2), next(g, "end"))


# throw and close after fast resumes: the exception is raised at the yield.
def guarded():
    try:
        for i in range(5):
            try:
                yield i
            except KeyError as e:
                print("  caught", repr(e), "at", i)
                yield "recovered"
    finally:
        print("  finally runs")


g = guarded()
print(next(g), next(g), g.throw(KeyError("k")), next(g), next(g))
g.close()
g = guarded()
for x in g:
    if x == 2:
        break
print("broke at", x)
g.close()
g = guarded()
print(next(g))
try:
    g.throw(ValueError("out"))
except ValueError as e:
    print("ValueError escaped:", e, next(g, "finished"))


# A generator finishing, or raising, in the middle of a sum / for.
def short(n, fail=None):
    for i in range(n):
        if i == fail:
            raise OverflowError("at %d" % i)
        yield i


def relay(src):
    for x in src:
        yield x * 10


print(sum(relay(short(4))), sum(relay(relay(short(3)))), list(relay(short(0))))
for source in (short(5, 2), relay(short(5, 3))):
    got = []
    try:
        for x in relay(source):
            got.append(x)
    except OverflowError as e:
        print("OverflowError", e, got, next(source, "exhausted"))
try:
    sum(relay(short(6, 4)))
except OverflowError as e:
    print("sum OverflowError", e)


# StopIteration raised inside becomes RuntimeError (PEP 479), in every consumer.
def stops():
    yield 1
    raise StopIteration("inner")


for consume in (sum, list, lambda g: [x for x in g], lambda g: [x for x in relay(g)]):
    try:
        consume(stops())
    except RuntimeError as e:
        print("RuntimeError", e, repr(e.__cause__))


# Re-entrancy: a generator resuming itself is refused, the generator survives.
def selfish():
    yield next(me, "default")
    yield "later"


me = selfish()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)
print(next(me, "gone"))


def loops_on_self():
    for x in me2:
        yield x


me2 = loops_on_self()
try:
    list(me2)
except ValueError as e:
    print("ValueError", e)


# The exception being handled, seen from inside a generator resumed fast.
def exc_seen():
    while True:
        e = sys.exc_info()[1]
        yield repr(e)


g = exc_seen()
print(next(g))
try:
    raise KeyError("outer")
except KeyError:
    print(next(g), sum(1 for _ in [next(g)]))
print(next(g))


def handles():
    try:
        raise IndexError("own")
    except IndexError:
        yield repr(sys.exc_info()[1])
        yield repr(sys.exc_info()[1])
    yield "after"


g = handles()
print(next(g), repr(sys.exc_info()[1]))
try:
    raise TypeError("caller")
except TypeError:
    print(next(g), next(g))


# yield from delegates: the delegator's frame resumes at its YieldFrom.
def inner():
    x = yield 1
    yield ("inner got", x)
    return "ret"


def outer():
    r = yield from inner()
    yield ("outer got", r)
    yield from stmt(2)


print(list(outer()), sum(1 for _ in outer()))
g = outer()
print(next(g), g.send("s"), next(g), next(g), next(g), next(g), next(g), next(g, "end"))

# Many generators alive at once, resumed in turn.
gens = [stmt(3) for _ in range(4)]
print([next(g) for g in gens for _ in range(2)], [sum(g) for g in gens])
