# Dicts of at most 4 entry slots are scanned, not indexed; the index is built
# when a dict outgrows that. Every semantic must hold on both sides of the line.

class Key:
    """Equal to and hashed like its int."""

    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash(self.n)

    def __eq__(self, other):
        return other == self.n if not isinstance(other, Key) else other.n == self.n


class Collide:
    """Every instance has the same hash: lookups must fall back to equality."""

    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return 42

    def __eq__(self, other):
        return isinstance(other, Collide) and other.name == self.name

    def __repr__(self):
        return "C(" + self.name + ")"


# True, 1 and 1.0 are one key; the first key inserted stays.
d = {True: "a"}
d[1] = "b"
d[1.0] = "c"
print(d, len(d))
d[0] = "z"
d[False] = "y"
print(d)

# Growing one key at a time across the threshold keeps order and every lookup.
for n in range(1, 20):
    g = {}
    for i in range(n):
        g["k" + str(i)] = i
    assert all(g["k" + str(i)] == i for i in range(n)), n
    assert "k" + str(n) not in g
    assert list(g) == ["k" + str(i) for i in range(n)]
print("grow ok")

# Deleting within a small dict, then reinserting and growing past the threshold.
d = {i: i * i for i in range(6)}
del d[2]
del d[4]
d[2] = "again"
print(d)
for i in range(6, 14):
    d[i] = -i
del d[0]
print(d, 2 in d, 4 in d, d.get(4, "gone"))

# Churn: holes pile up in a small dict until it compacts.
d = {}
for i in range(40):
    d[i] = i
    if i >= 3:
        del d[i - 3]
print(d, len(d))

# User __eq__/__hash__ keys on both sides of the threshold.
for size in (3, 12):
    d = {Key(i): i for i in range(size)}
    print(size, d[1], d.get(Key(2)), Key(size + 1) in d, 1 in d, (size - 1) in d)

# Colliding hashes: equality decides.
d = {Collide(c): c for c in "abc"}
print(d[Collide("b")], Collide("d") in d)
for c in "defghijk":
    d[Collide(c)] = c
print(d[Collide("j")], len(d), Collide("z") in d)
del d[Collide("a")]
print(list(d)[:3])

# An __eq__ that mutates the dict during a lookup.
class Mutator:
    def __init__(self, target):
        self.target = target

    def __hash__(self):
        return 7

    def __eq__(self, other):
        self.target.clear()
        return False

small = {7: "seven"}
print(Mutator(small) in small, small)

# Mutation during iteration is an error for small and large dicts.
for size in (2, 10):
    d = dict.fromkeys(range(size))
    try:
        for k in d:
            d[k + 100] = 1
    except RuntimeError as e:
        print(size, e)

# Instance dicts: attributes before and after the threshold, deletion, vars().
class P:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "a" + str(i), i)

for n in (2, 4, 5, 8, 9, 15):
    p = P(n)
    p.a1 = "changed"
    del p.a0
    print(n, p.a1, hasattr(p, "a0"), sorted(vars(p))[:3], len(vars(p)))

# An attribute read cached on a small dict notices the key set changing.
class Q:
    pass

def read(q):
    return q.x

q = Q()
q.x = 1
print(read(q), read(q))
q.__dict__.clear()
q.y = 2
q.x = 3
print(read(q))
for i in range(10):
    setattr(q, "f" + str(i), i)
print(read(q), q.f9)

# Equal but non-identical str keys.
d = {"".join(["ab", "c"]): 1}
print(d["abc"], "ab" + "c" in d)
d.update({"x" * i: i for i in range(1, 12)})
print(d["".join(["x", "xxx"])], len(d))
