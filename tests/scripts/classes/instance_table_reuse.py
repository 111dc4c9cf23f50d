# A freed instance's attribute table is cleared and kept by its class for the
# next instance. A new instance must start empty whatever the freed one held:
# other names, another order, deleted attributes, many attributes, a
# `__dict__` taken out, or instances of the same class inside it.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def fresh(cls):
    o = cls.__new__(cls)
    return sorted(vars(o)), hasattr(o, "x")


# Made and freed in a loop: each turn sees only its own attributes.
p = P(0, 0)
for i in range(5):
    p = P(p.x + 1, p.y - 1)
print(p.x, p.y, list(vars(p)))

# A freed instance with extra and deleted attributes.
q = P(1, 2)
q.extra = "e"
del q.x
q = None
print(fresh(P))
r = P(3, 4)
print(list(vars(r)), r.x, r.y)
try:
    r.extra
except AttributeError as e:
    print("AttributeError:", e)


# Many attributes, more than a kept table may hold, then a small instance.
class Wide:
    pass


w = Wide()
for i in range(40):
    setattr(w, "a%d" % i, i)
print(len(vars(w)), w.a39)
w = None
w = Wide()
w.only = 1
print(list(vars(w)))

# `__dict__` taken out: the table lives on in the dict object.
d_owner = P(5, 6)
d = d_owner.__dict__
d_owner = None
print(d)
s = P(7, 8)
print(list(vars(s)), d)
d["z"] = 9
print(list(vars(s)), d)


# Instances of the same class inside an instance: freeing the outer one frees
# the inner ones while its table is being cleared.
class Node:
    def __init__(self, value, child):
        self.value = value
        self.child = child


head = None
for i in range(10):
    head = Node(i, head)
total = 0
n = head
while n is not None:
    total += n.value
    n = n.child
print(total)
head = None
nodes = [Node(i, None) for i in range(6)]
print([sorted(vars(x)) for x in nodes[:2]], [x.value for x in nodes])
nodes = None
print(fresh(Node), sorted(vars(Node(1, None))))


# Two classes, instances freed alternately: each keeps its own tables.
class A:
    def __init__(self):
        self.a = "A"


class B:
    def __init__(self):
        self.b = "B"


objs = []
for i in range(6):
    objs.append(A() if i % 2 else B())
    if len(objs) > 2:
        objs.pop(0)
print([sorted(vars(o)) for o in objs], fresh(A), fresh(B))

# Exception instances keep their attributes apart too.
for i in range(3):
    try:
        raise ValueError(i)
    except ValueError as e:
        e.note = i
        print(e.args, e.note, sorted(vars(e)))
e2 = ValueError("x")
print(sorted(vars(e2)))
