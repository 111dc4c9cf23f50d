# A generator runs on a value stack of its own: values it holds on its operand
# stack across a yield, deep calls made while it runs, nested and interleaved
# resumes, and errors raised inside must all leave the caller's stack intact.

def held_across_yield():
    # The list display and the call keep partial operands on the stack at each yield.
    got = [1, (yield "a"), 3, (yield "b")]
    total = sum([10, (yield "c"), 30])
    yield (got, total)

g = held_across_yield()
print(next(g), g.send(2), g.send(4), g.send(20))


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

def deep_inside():
    for n in (10, 400, 5):
        yield depth(n)

print(list(deep_inside()))
print([x + y for x, y in zip(deep_inside(), deep_inside())])


def counter(start):
    i = start
    while True:
        got = yield i
        i += 1 if got is None else got

a, b = counter(0), counter(100)
print([(next(a), next(b)) for _ in range(3)])
print(a.send(10), b.send(-50), next(a), next(b))


def outer():
    inner = counter(1000)
    for _ in range(3):
        yield (next(inner), [next(inner) for _ in range(2)])

print(list(outer()))


def chain(n):
    if n == 0:
        yield "bottom"
        return
    for x in chain(n - 1):
        yield f"{n}:{x}"

print(list(chain(6)))


def fails_after(k):
    for i in range(k):
        yield i
    raise ValueError(f"stopped at {k}")

out = []
try:
    for v in fails_after(3):
        out.append(v * (len(out) + 1))
except ValueError as e:
    out.append(str(e))
print(out)


def catches():
    while True:
        try:
            yield "ready"
        except KeyError as e:
            yield f"caught {e}"

c = catches()
print(next(c), c.throw(KeyError("k1")), next(c), c.throw(KeyError("k2")))
c.close()
print(c.gi_running if hasattr(c, "gi_running") else False)


def cleanup(log):
    try:
        yield 1
        yield 2
    finally:
        log.append("finally ran")

log = []
cg = cleanup(log)
print(next(cg))
cg.close()
print(log)


def locals_after_calls(n):
    a, b, c = n, n * 2, n * 3
    for i in range(3):
        depth(50)
        yield a + b + c + i

print(list(locals_after_calls(7)))


def reentrant():
    yield next(me)

me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


def sender():
    x = 0
    while x < 50:
        x = yield [x, x * 2, [x] * 3]

s = sender()
print(next(s), s.send(5), s.send(49))
try:
    s.send(50)
except StopIteration as e:
    print("StopIteration", e.value)

gens = [counter(i * 10) for i in range(20)]
print(sum(next(g) + next(g) for g in gens))
