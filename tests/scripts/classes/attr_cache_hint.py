# `self.x` reads an instance attribute at the position its cache remembers;
# when the position holds another name it searches and moves the hint, and a
# class attribute of the same name is re-read only in case it became a data
# descriptor. Each fallback must give what the plain lookup gives.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def get_x(self):
        return self.x

    def get_y(self):
        return self.y


# Same class, attributes stored in different orders: the hint moves.
a = P(1, 2)
b = P.__new__(P)
b.y = 20
b.x = 10
print([p.get_x() for p in (a, b, a, b)], [p.get_y() for p in (b, a, b, a)])

# An attribute deleted and re-added moves to the end of the dict.
c = P(5, 6)
del c.x
try:
    c.get_x()
except AttributeError as e:
    print("AttributeError:", e)
c.x = 7
print(c.get_x(), c.get_y(), list(vars(c)))


# A class attribute with the instance's name: plain, then rebound to a data
# descriptor (the key set is unchanged), then to a non-data descriptor.
class D:
    x = "class default"

    def __init__(self, v):
        self.x = v

    def read(self):
        return self.x


ds = [D(i) for i in range(3)]
print([d.read() for d in ds])
D.x = property(lambda self: "property wins")
print([d.read() for d in ds])
D.x = staticmethod(lambda: 0)
print([d.read() for d in ds])
D.x = "plain again"
print([d.read() for d in ds])


# An instance without the attribute falls back to the class attribute.
class E:
    x = "from class"

    def read(self):
        return self.x


e1 = E()
e2 = E()
e2.x = "from instance"
print([o.read() for o in (e1, e2, e1, e2)])
del e2.x
print([o.read() for o in (e1, e2)])


# Another class's instance at the same site, then a subclass.
class Q(P):
    pass


def read_x(o):
    return o.x


print([read_x(o) for o in (P(1, 2), Q(3, 4), P(5, 6), Q(7, 8))])

# __dict__ taken out: the table moves into a dict object; reads follow it.
f = P(1, 2)
print(f.get_x())
d = f.__dict__
d["x"] = 100
print(f.get_x(), f.get_y())
d.clear()
try:
    f.get_x()
except AttributeError as e:
    print("AttributeError:", e)
