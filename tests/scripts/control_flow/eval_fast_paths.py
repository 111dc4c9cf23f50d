# The eval loop's fast paths and each of their fallbacks: for over lists,
# tuples and ranges (mutation during iteration, exhaustion), operators with
# arms of their own (overflow to big ints, floats, mixed types, overrides,
# errors inside), and calls of plain functions, builtins and classes.

# --- for over a list, a tuple, a range ---
items = [1, 2, 3]
seen = []
for x in items:
    seen.append(x)
    if x == 1:
        items.append(4)          # grows while iterating: the new item is seen
print(seen)

items = [1, 2, 3, 4, 5]
seen = []
for x in items:
    seen.append(x)
    if x == 2:
        del items[0]             # shrinks: one item is skipped, as in CPython
print(seen, items)

it = iter([10, 20])
for x in it:
    pass
print(list(it), next(it, "done"))  # exhausted stays exhausted

it = iter([1, 2, 3])
for x in it:
    if x == 1:
        print("inner", next(it))   # the same iterator advanced from inside
    print("outer", x)

print([x * 2 for x in (1, 2, 3)])
print(sum(x for x in (4, 5, 6)))
for x in ():
    print("never")
for x in []:
    print("never")
print([i for i in range(3, -4, -3)])
print([i for i in range(9223372036854775805, 9223372036854775807)])

# --- operators with their own arms ---
big = 9223372036854775807
print(big + 1, -big - 2, big * 2, big - -1)
print(1.5 + 2, 2 + 1.5, 3 * 0.5, 0.5 - 1)
print(2 ** 62 + 2 ** 62, (-2) ** 63 - 1)
print("ab" + "cd", [1] + [2], (1,) + (2,), "x" * 3, [0] * 2)
print(True + True, True * 3, 5 - True)
n = big
n += 1
print(n)
s = "a"
s += "b"
print(s)
lst = [1]
alias = lst
lst += [2]
print(alias, lst is alias)        # += on a list is in place


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))

    def __radd__(self, o):
        return Num(o + self.v)

    def __sub__(self, o):
        return "sub"

    def __mul__(self, o):
        return "mul"

    def __iadd__(self, o):
        self.v += 100
        return self

    def __lt__(self, o):
        return "lt!"

    def __repr__(self):
        return "Num(%r)" % self.v


a = Num(1)
print(a + 1, 1 + a, a + a, a - 1, a * 2, a < 3, 3 > a)
b = a
b += 1
print(a, b is a)
for bad in ("1 + 'a'", "'a' - 1", "None * 2", "[] < 1", "1 < 'x'"):
    try:
        eval(bad)
    except TypeError as e:
        print("TypeError:", e)
print(1 < 2, 2 < 1, 1.5 < 2, 2 < 1.5, "a" < "b", (1, 2) < (1, 3), [1] < [0])
if 1 < 2.5:
    print("fused jump")
i = 0
while i < 3:
    i += 1
print(i, float("nan") < 1, 1 < float("nan"))

# --- calls ---
def f(a, b=2):
    return a + b

def g(*args, **kw):
    return args, sorted(kw.items())

print(f(1), f(1, 3), f(b=5, a=1), g(1, 2, x=3))
try:
    f()
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
print(abs(-3), len("abc"), max(1, 5, 2))
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
print(divmod(7, 2), isinstance(1, int), getattr(1, "real"), round(2.675, 2), pow(2, 10, 1000))
for bad in ((1, 0), (1, "a")):
    try:
        divmod(*bad)
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    len()
except TypeError as e:
    print("TypeError:", e)
try:
    len(1, 2)
except TypeError as e:
    print("TypeError:", e)


class Slots:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "a%d" % i, i)
        self.z = -1                  # stored into dicts of 0..11 keys
        self.z = self.z * 2


print([(len(vars(s)), s.z, getattr(s, "a2", None)) for s in map(Slots, (0, 3, 9, 12))])


class P:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def moved(self, d):
        return P(self.x + d, self.y - d)


p = P(1)
for _ in range(3):
    p = p.moved(2)
print(p.x, p.y)


class Bad:
    def __init__(self):
        return 1


for _ in range(2):
    try:
        Bad()
    except TypeError as e:
        print("TypeError:", e)


class Raises:
    def __init__(self, v):
        if v:
            raise ValueError("no %d" % v)
        self.v = v


for v in (0, 1, 0):
    try:
        print(Raises(v).v)
    except ValueError as e:
        print("ValueError:", e)


def fact(n):
    return 1 if n < 2 else n * fact(n - 1)

print(fact(25))


def make(k):
    def add(x):
        return x + k
    return add

adders = [make(k) for k in range(3)]
total = 0
for add in adders:
    total = add(total) % 7
print(total)
