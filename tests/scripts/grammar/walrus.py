# Assignment expressions (PEP 572), compared with python3.

data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long", n)

i = 0
while (chunk := data[i:i + 2]):
    print("chunk", chunk)
    i += 2

print([y for x in data if (y := x * 2) > 6], y)

def scoped():
    total = 0
    values = [(total := total + v) for v in range(5)]
    return values, total

print(scoped())

def nested():
    found = [[(last := a * b) for a in range(3)] for b in range(2)]
    return found, last

print(nested())

def closure():
    [(inner := k) for k in range(3)]
    return lambda: inner

print(closure()())

def uses_global():
    global g
    [(g := k) for k in range(4)]

uses_global()
print(g)

print((a := 10), a)
print(f"{(b := 5)} {b}")
print(abs(c := -7), c)
print(data[(j := 2)], j)
print({(s := 1), s + 1})
print(sum(z for z in range(4) if (w := z) >= 0), w)
print([(p := v) for v in "ab"], p)

def gen():
    while (item := (yield)) is not None:
        print("got", item)

g2 = gen()
next(g2)
g2.send(1)
g2.send(2)


# In a class body, outside a comprehension, the name is a class attribute.
class Config:
    if (limit := 3) > 2:
        big = True

print(Config.limit, Config.big)

# A lambda binds the name locally.
f = lambda v: (doubled := v * 2) + doubled
print(f(4))

# The value is evaluated before the binding; the old value is seen first.
k = 1
print(k, (k := k + 1), k)

# Walrus in a while loop over an iterator.
it = iter([5, 6, 0, 7])
while (v := next(it)):
    print("v", v)

# Inside a generator expression consumed lazily.
def last_seen(items):
    gen = ((last := x) for x in items)
    first = next(gen)
    return first, last

print(last_seen("xyz"))

# Errors: the wording and position CPython gives.
bad = [
    "(a.b := 1)",
    "(a[0] := 1)",
    "(1 := 1)",
    "(f() := 1)",
    "(True := 1)",
    "x := 1",
    "y = x := 1",
    "def f(): return x := 1",
    "[y for x in r if y := 1]",
    "(x := 1 := 2)",
    "(x := 1) = 2",
    "[x := 0 for x in y]",
    "[x for x in (y := [1])]",
    "[[(a := 1) for a in b] for c in d]",
    "[[(c := 1) for a in b] for c in d]",
    "class A: [(z := 1) for q in range(2)]",
    "def f():\n    [(x := 1) for y in z]\n    nonlocal x",
    "def f():\n    [(x := 1) for y in z]\n    global x",
]
for src in bad:
    try:
        compile(src, "<walrus>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print(repr(src), "->", e.msg, e.lineno, e.offset)
