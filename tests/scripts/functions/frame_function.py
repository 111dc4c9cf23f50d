# A frame holds its function (code, globals and closure through it); calls
# that take their arguments in place read the function's precomputed shape;
# LoadMethod and class calls read functions from the class without a clone.
# Each fast path next to what sends it back to the general one.

# Positional ranges: defaults fill the missing ones, too many or too few fail.
def f(a, b=2, c=3):
    return (a, b, c)

print(f(1), f(1, 5), f(1, 5, 6))
for args in [(), (1, 2, 3, 4)]:
    try:
        f(*args)
    except TypeError as e:
        print("TypeError:", e)
print(f(1, c=9), f(a=0))

def kwonly(a, *, k=1):
    return a + k

def star(*args):
    return len(args)

for i in range(3):
    print(kwonly(i), kwonly(i, k=10), star(), star(i, i))

# Closures: free variables read through the function, cells made per call.
def counter(start):
    n = start
    def step(by=1):
        nonlocal n
        n += by
        return n
    return step

c1, c2 = counter(0), counter(100)
print([c1() for _ in range(3)], c2(5), c1(10), c2())

def make_adders():
    return [lambda x, k=k: x + k for k in range(3)] + [(lambda k: lambda x: x * k)(k) for k in range(3)]

print([g(10) for g in make_adders()])

def outer(x):
    def mid():
        def inner():
            return x
        return inner
    return mid()()

print(outer("deep"), outer(2))

# Cellvar that is also a parameter.
def param_cell(v):
    def get():
        return v
    v = v * 2
    return get()

print(param_cell(4), param_cell("ab"))

# Globals through the function: a function defined by exec sees exec's globals.
ns = {"base": 40}
exec("def add(y):\n    return base + y\n", ns)
print(ns["add"](2))
ns["base"] = 1
print(ns["add"](2))
exec("z = base * 3", ns)
print(ns["z"])
loc = {}
exec("w = 5\nv = w + 1", {}, loc)
print(sorted(loc.items()))

# Class bodies run as frames, with the __class__ cell for super().
class Base:
    def who(self):
        return "Base"

class Derived(Base):
    def who(self):
        return "Derived<" + super().who() + ">"
    tag = [i * 2 for i in range(3)]

print(Derived().who(), Derived.tag)

# Methods: cached, then shadowed by the instance, then rebound on the class.
class P:
    def m(self):
        return "m"

p = P()
out = []
for i in range(8):
    if i == 2:
        p.m = lambda: "instance"
    if i == 3:
        del p.m
    if i == 4:
        P.m = staticmethod(lambda: "static")
    if i == 5:
        P.m = classmethod(lambda cls: "class " + cls.__name__)
    if i == 6:
        P.m = property(lambda self: lambda: "property")
    if i == 7:
        P.m = lambda self: "plain again"
    out.append(p.m())
print(out)

# Methods of builtin types through the same cache.
acc = []
for s in ["a", "b", "c"]:
    acc.append(s.upper())
print(acc, [x.bit_length() for x in (1, 255, 256)])

# Class calls: __init__ pushed as a frame; replaced, removed, or returning a value.
class Q:
    def __init__(self, v):
        self.v = v

made = []
for i in range(7):
    if i == 2:
        Q.__init__ = lambda self, v: setattr(self, "v", -v)
    if i == 3:
        del Q.__init__
    if i == 4:
        Q.__init__ = lambda self, v, w=100: setattr(self, "v", v + w)
    if i == 5:
        def bad(self, v):
            return v
        Q.__init__ = bad
    try:
        made.append(Q(i).v if i != 3 else Q().__class__.__name__)
    except TypeError as e:
        made.append("TypeError: " + str(e))
print(made)

class WithNew:
    def __new__(cls, v):
        inst = super().__new__(cls)
        inst.seen = "new"
        return inst
    def __init__(self, v):
        self.v = v

print([(w.seen, w.v) for w in (WithNew(1), WithNew(2))])

# Errors inside frames keep their traceback and leave the loop usable.
def fails(n):
    if n == 0:
        raise ValueError("bottom")
    return fails(n - 1)

for n in (0, 3):
    try:
        fails(n)
    except ValueError as e:
        print("ValueError", e)

def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)

class Deep:
    def __init__(self, n):
        self.child = Deep(n + 1)

try:
    Deep(0)
except RecursionError as e:
    print("RecursionError:", e)

print(fails.__code__.co_name, f.__defaults__)

# Generators run their frames the same way.
def gen(n):
    k = 10
    def add(x):
        return x + k
    for i in range(n):
        yield add(i)

print(list(gen(3)), sum(gen(4)))
