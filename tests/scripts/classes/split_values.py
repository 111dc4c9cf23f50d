# Instances keep their attributes as values indexed by their class's shared
# names while they add them in the class's order; anything else moves them
# into a dict for good. Every way out, and the caches filled on the way,
# must keep CPython's results: insertion order, `del`, `__dict__`, names
# added out of order or after the fact, many names, shadowed methods.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def total(self):
        return self.x + self.y


def loop_read(objs):
    return [(o.x, o.y) for o in objs]


# The common case, in a loop so the caches fill.
ps = [P(i, -i) for i in range(5)]
print(loop_read(ps), [list(vars(p)) for p in ps[:2]])


# Another order: the second instance's dict keeps its own insertion order.
class Q:
    pass


def fill(o, names):
    for n in names:
        setattr(o, n, n.upper())
    return o


a = fill(Q(), ["x", "y", "z"])
b = fill(Q(), ["y", "x"])
c = fill(Q(), ["x", "z"])
print(list(vars(a)), list(vars(b)), list(vars(c)))
print(a.y, b.y, c.z, hasattr(c, "y"))


# The same store instruction on instances of different lengths.
def set_z(o):
    o.z = 1
    return list(vars(o))


class R:
    pass


r1 = fill(R(), ["x", "y"])
r2 = fill(R(), ["x"])
print(set_z(r1), set_z(r1), set_z(r2), set_z(fill(R(), ["x", "y"])))


# `del`, then the name again: it moves to the end, as in a dict.
p = P(1, 2)
del p.x
try:
    p.x
except AttributeError as e:
    print("AttributeError:", e)
p.x = 3
print(list(vars(p)), p.total())
try:
    del p.w
except AttributeError as e:
    print("AttributeError:", e)


# A cached read of the same site before and after an instance leaves split values.
def read_x(o):
    return o.x


fresh = P(4, 5)
print([read_x(fresh) for _ in range(3)])
d = fresh.__dict__
d["x"] = 40
print([read_x(fresh) for _ in range(3)], fresh.total())
d["w"] = 6
print(fresh.w, list(vars(fresh)), vars(fresh) is d)
del d["x"]
print(hasattr(fresh, "x"), list(vars(fresh)))
fresh.x = 7
print(read_x(fresh), d)


# Names not interned: built at run time, they still find their slot.
o = P(1, 2)
name = "".join(["x"])
print(getattr(o, name), hasattr(o, "y" + ""))
setattr(o, "".join(["y"]), 20)
print(o.y, list(vars(o)))


# More names than a class shares: the rest go to a dict.
class Wide:
    pass


w = Wide()
for i in range(40):
    setattr(w, "a%d" % i, i)
print(len(vars(w)), w.a0, w.a29, w.a39, list(vars(w))[28:32])
w2 = Wide()
w2.a0 = "first"
w2.a1 = "second"
print(list(vars(w2)), w2.a1)


# An instance attribute shadows a method, in a loop that called the method.
class M:
    def __init__(self):
        self.n = 1

    def f(self):
        return "method"


def call_f(o):
    return o.f()


m = M()
first = [call_f(m) for _ in range(3)]
m.f = lambda: "instance"
print(first, [call_f(m) for _ in range(3)], call_f(M()))


# Subclasses share no names with their base; caches tell them apart.
class Sub(P):
    def __init__(self, y, x):
        self.y = y
        self.x = x


objs = [P(1, 2), Sub(3, 4), P(5, 6), Sub(7, 8)]
print(loop_read(objs), [list(vars(o)) for o in objs[:2]], [o.total() for o in objs])


# A data descriptor added to the class later takes precedence over the value.
class D:
    def __init__(self):
        self.v = "value"


def read_v(o):
    return o.v


dd = D()
print([read_v(dd) for _ in range(3)])
D.v = property(lambda self: "property")
print([read_v(dd) for _ in range(3)], vars(dd))


# Exceptions keep attributes the same way.
err = ValueError("bad")
err.code = 7
err.extra = "x"
print(err.code, vars(err), err.args)
try:
    raise err
except ValueError as e:
    print(e.code, e.extra, str(e))


# A long chain of instances, linked through an attribute, frees.
head = None
for i in range(100000):
    node = P(i, None)
    node.y = head
    head = node
print(head.x, head.y.x)
head = node = None
print("freed")


# Freed instances' values are reused: a new one starts empty.
for i in range(5):
    t = P(i, i)
    t.extra = i
t = None
u = P.__new__(P)
print(vars(u), hasattr(u, "extra"))
u.x = 1
print(vars(u))
