# Inline caches on classes are voided by a keys epoch: any change to the key
# set of a dict a cache looked at, or a class freed (whose address a new class
# may reuse), must make every cached lookup look again.


def make(i):
    # A fresh class each time, often at the address of the one just freed.
    if i % 3 == 0:
        class C:
            def get(self):
                return "method"
    elif i % 3 == 1:
        class C:
            get = property(lambda self: "property")
    else:
        class C:
            pass
    return C


def read(obj):
    return obj.get  # one LoadAttr site for every class


def call(obj):
    return obj.get()  # one LoadMethod site for every class


results = []
for i in range(12):
    C = make(i)
    obj = C()
    obj.__dict__["get"] = lambda: "instance"
    results.append(read(obj) if isinstance(read(obj), str) else read(obj)())
    if i % 3 == 0:
        del obj.__dict__["get"]
        results.append(call(obj))
    del C, obj
print(results)


# A class dict kept alive after its class died, unchanged.
kept = []
for i in range(4):
    class D:
        x = i
        def who(self):
            return ("D", i)
    kept.append(D.__dict__)
    d = D()
    print(d.who(), d.x)
    del D, d


# Base class key changes after the caches filled.
class Base:
    pass


class Derived(Base):
    def __init__(self):
        self.v = 1


def probe(o):
    try:
        m = o.extra()
    except AttributeError as e:
        m = "no extra: " + str(e)
    return o.v, m


o = Derived()
for step in range(4):
    print(step, probe(o))
    if step == 0:
        Base.extra = lambda self: "base extra"
    elif step == 1:
        Derived.extra = lambda self: "derived extra"
    elif step == 2:
        del Derived.extra
        del Base.extra


# A data descriptor added to a base class after the attribute load was cached.
class P:
    pass


class Q(P):
    def __init__(self):
        self.val = "instance"


def get_val(q):
    return q.val


q = Q()
print(get_val(q), get_val(q))
P.val = property(lambda self: "property on base")
print(get_val(q))
del P.val
print(get_val(q))


# A method cached, then its class's key set changed by a new unrelated name
# (the cached method is still right), then the method rebound.
class R:
    def m(self):
        return 1


r = R()
print([r.m() for _ in range(3)])
R.other = 5
print([r.m() for _ in range(3)])
R.m = lambda self: 2
print([r.m() for _ in range(3)])


# __init__ cached on a class call, then replaced.
class S:
    def __init__(self, a):
        self.a = a


print([S(i).a for i in range(3)])
S.__init__ = lambda self, a: setattr(self, "a", a * 10)
print([S(i).a for i in range(3)])
