# An instance keeps its attributes inline until __dict__ is asked for; then the
# instance and the dict object share one table. Inline caches must see through
# the move, and every way of reaching the attributes must agree.

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def total(self):
        return self.x + self.y


def read(o):
    # One LoadAttr site, so its cache fills on inline instances and is then
    # used on instances whose dict moved out.
    return o.x


def write(o, v):
    o.x = v


ps = [P(i, -i) for i in range(5)]
print([read(p) for p in ps])
print([p.total() for p in ps])

# Asking for __dict__ moves the table; the values stay where they were.
p = ps[2]
d = p.__dict__
print(d)
print(read(p), p.y, p.total())

# Writes through the dict show as attributes and the reverse.
d["x"] = 100
print(read(p), p.total())
write(p, 7)
print(d["x"], p.__dict__ is d, vars(p) is d)
p.z = 3
print(sorted(d), d["z"])
d["w"] = "new"
print(p.w)

# Deleting in either place.
del p.z
print("z" in d, hasattr(p, "z"))
del d["w"]
try:
    p.w
except AttributeError as e:
    print("AttributeError:", e)

# A dict kept alive after its instance went away.
keep = ps.pop(2).__dict__
del p
print(keep)

# The cached LoadAttr site still works on the other (inline) instances.
print([read(o) for o in ps])
for o in ps:
    write(o, read(o) * 2)
print([read(o) for o in ps], [o.__dict__ for o in ps][:2])

# Instance attributes shadowing methods, before and after the move.
class R:
    def m(self):
        return "method"

r = R()
print(r.m())
r.m = lambda: "instance attr"
print(r.m())
del r.m
print(r.m())
r.__dict__["m"] = lambda: "via dict"
print(r.m())

# Empty instances, many attributes (grows past the small table), dir().
class Many:
    pass

m = Many()
print(m.__dict__, vars(m))
for i in range(12):
    setattr(m, "a%d" % i, i)
print(len(m.__dict__), m.a11, sorted(k for k in dir(m) if k.startswith("a"))[:3])
m2 = Many()
for i in range(12):
    setattr(m2, "a%d" % i, i * i)
print(m2.a11, len(vars(m2)))

# Exceptions keep their own fields beside the dict.
class E(Exception):
    pass

e = E("boom")
e.code = 5
print(e.args, e.__dict__, str(e))
try:
    raise e
except E as caught:
    print(caught.code, caught.__dict__ is e.__dict__)
