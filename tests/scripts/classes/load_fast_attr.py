# `local.attr` runs as one fused instruction (LOAD_FAST__LOAD_ATTR). Every
# fallback must behave as the two instructions did: misses, properties,
# modules, builtin objects, unbound locals, errors and their line numbers.
import math


class P:
    def __init__(self, x):
        self.x = x

    @property
    def double(self):
        return self.x * 2

    def get(self):
        return self.x


class Slotless:
    x = "class attribute"


def read_x(o):
    return o.x


# The same site sees instances, a class attribute, modules and builtins.
print(read_x(P(1)), read_x(P("s")), read_x(Slotless()), read_x(Slotless))
ns = type("NS", (), {})()
ns.x = [1, 2]
print(read_x(ns))


def props(o):
    return o.double, o.get(), o.x


print(props(P(21)))


def module_attr(m):
    return m.pi, m.floor(2.5)


print(module_attr(math))


def builtins_attrs(s, n, c):
    return s.upper(), n.real, n.imag, c.__name__


print(builtins_attrs("abc", 5, int))


# Unbound local: the error names the variable, on the line of the load.
def unbound(flag):
    if flag:
        o = P(1)
    return (
        o
        .x
    )


try:
    unbound(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e, e.__traceback__.tb_next.tb_lineno)
print(unbound(True))


# AttributeError from the fused load, caught in the same function.
def missing(o):
    try:
        return o.nope
    except AttributeError as e:
        return "AttributeError: " + str(e)


print(missing(P(1)))
print(missing(3))


# An exception raised by a property getter inside the fused load.
class Bad:
    @property
    def x(self):
        raise ValueError("getter failed")


try:
    read_x(Bad())
except ValueError as e:
    print("ValueError:", e)


# The cache fills, then the class changes under it.
class C:
    def __init__(self):
        self.v = 1


def read_v(o):
    return o.v


cs = [C() for _ in range(3)]
print([read_v(c) for c in cs])
C.v = property(lambda self: "now a property")
print([read_v(c) for c in cs])
del C.v
print([read_v(c) for c in cs])


# A local rebound between loads, and a chain of attributes.
def chain():
    p = P(P(P(7)))
    a = p.x.x.x
    p = P(8)
    return a, p.x


print(chain())

# Attribute of a loop variable, many times.
total = 0
for p in [P(i) for i in range(100)]:
    total += p.x
print(total)
