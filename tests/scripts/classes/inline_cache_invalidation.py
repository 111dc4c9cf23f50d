# Inline caches must never outlive a change: each helper runs the same
# instruction again and again (a warm cache), and the program changes classes,
# instances, globals and modules between two runs, from other functions and
# from another thread.
import threading
import math


class Base:
    kind = "base"

    def greet(self):
        return "base greet"


class Point(Base):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def read_x(p):
    return p.x


def read_kind(p):
    return p.kind


def call_greet(p):
    return p.greet()


def call_norm(p):
    return p.norm1()


def make(x, y):
    return Point(x, y)


def store_x(p, v):
    p.x = v


def warm(f, *args):
    for _ in range(5):
        r = f(*args)
    return r


p = Point(3, -4)
print("warm", warm(read_x, p), warm(read_kind, p), warm(call_greet, p), warm(call_norm, p))

# Class attribute reassigned, then shadowed on the instance, then removed again.
Point.kind = "point"
print("class attr rebound", read_kind(p))
p.kind = "mine"
print("instance shadows", read_kind(p))
del p.kind
print("instance attr deleted", read_kind(p))
del Point.kind
print("subclass attr deleted", read_kind(p))
Base.kind = "base2"
print("base attr rebound", read_kind(p))

# Method monkeypatched on the base, overridden in the subclass, shadowed on the instance.
Base.greet = lambda self: "patched greet"
print("base method patched", call_greet(p))
Point.greet = lambda self: "point greet"
print("override added", call_greet(p))
p.greet = lambda: "instance greet"
print("instance callable", call_greet(p))
del p.greet
print("instance callable gone", call_greet(p))
del Point.greet
print("override removed", call_greet(p))
Point.norm1 = lambda self: "norm replaced"
print("norm replaced", call_norm(p))


def set_norm(cls):
    cls.norm1 = lambda self: abs(self.x) * 10


set_norm(Point)
print("norm set from a function", call_norm(p))

# Instance __dict__ changed directly.
warm(read_x, p)
p.__dict__["x"] = 42
print("dict item", read_x(p))
p.__dict__.clear()
p.__dict__["y"] = 1
p.__dict__["x"] = 7
print("dict rebuilt in another order", read_x(p))
del p.__dict__["x"]
try:
    read_x(p)
except AttributeError as e:
    print("AttributeError", e)
store_x(p, 9)
print("stored again", read_x(p))

# A property replaces a plain class attribute: it wins over the instance dict.
Point.x = property(lambda self: "from property", lambda self, v: print("setter got", v))
print("property", read_x(p))
store_x(p, 11)
del Point.x
print("property removed", read_x(p))

# __setattr__ appears on the class after stores were cached.
warm(store_x, p, 1)


def logging_setattr(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value)


Base.__setattr__ = logging_setattr
store_x(p, 5)
del Base.__setattr__
store_x(p, 6)
print("after setattr removed", read_x(p))

# Class calls: __init__ replaced, __init__ returning a value, __new__ added.
print("made", warm(make, 1, 2).x)


def init3(self, x, y):
    self.x = x * 100
    self.y = y


Point.__init__ = init3
print("init replaced", make(1, 2).x)


def bad_init(self, x, y):
    return 5


Point.__init__ = bad_init
try:
    make(1, 2)
except TypeError as e:
    print("TypeError", e)
del Point.__init__
try:
    make(1, 2)
except TypeError as e:
    print("TypeError", e)


def new(cls, x, y):
    print("new called", cls.__name__)
    return object.__new__(cls)


Point.__init__ = init3
Point.__new__ = new
print("with __new__", make(3, 4).x)
print("with __new__ again", make(5, 6).x)

# Globals rebound, deleted (falling back to builtins), builtins shadowed.
counter = 1


def read_counter():
    return counter


def read_len():
    return len("abc")


print("global", warm(read_counter), warm(read_len))
counter = 2
print("global rebound", read_counter())


def rebind():
    global counter
    counter = 3


rebind()
print("global rebound in a function", read_counter())
del counter
try:
    read_counter()
except NameError as e:
    print("NameError", e)
len = lambda s: "shadowed len"
print("builtin shadowed", read_len())
del len
print("builtin back", read_len())
globals()["counter"] = 4
print("through globals()", read_counter())

# A module attribute changed.


def read_pi():
    return math.pi


print("module", warm(read_pi))
math.pi = 3
print("module attr rebound", read_pi())
del math.pi
try:
    read_pi()
except AttributeError as e:
    print("AttributeError", e)

# From another thread, between two runs of the cached instructions.
r = Point(1, 1)
warm(call_greet, r)
warm(read_x, r)
warm(read_counter)
ready = threading.Event()
done = threading.Event()


def mutator():
    global counter
    ready.wait()
    Base.greet = lambda self: "greet from thread"
    Point.greet = lambda self: "point greet from thread"
    r.x = "x from thread"
    counter = "counter from thread"
    done.set()


t = threading.Thread(target=mutator)
t.start()
ready.set()
done.wait()
t.join()
print("after thread", call_greet(r), read_x(r), read_counter())
del Point.greet
print("thread override removed", call_greet(r))


# Many threads reading while one rebinds: every read sees an old or a new value.
class Shared:
    value = 0


seen = []


def reader():
    out = set()
    s = Shared()
    for _ in range(2000):
        out.add(s.value)
    seen.append(out)


def writer():
    for i in range(2000):
        Shared.value = i % 3


threads = [threading.Thread(target=reader) for _ in range(3)] + [threading.Thread(target=writer)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print("reads within bounds", all(v in (0, 1, 2) for out in seen for v in out), len(seen))
