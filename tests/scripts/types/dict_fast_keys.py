# dict get/set with int and str keys take a fast path; it must agree with the
# general one: equal keys of other kinds (True, 1.0), ints whose hash wraps,
# user keys whose __hash__/__eq__ match a str or an int, errors, ordering.

d = {}
for i in range(3000):
    k = i % 100
    d[k] = d.get(k, 0) + 1
print(len(d), d[0], d[99], sum(d.values()), list(d)[:5])

d = {1: "int"}
d[True] = "bool"
d[1.0] = "float"
print(d, d.get(True), d.get(1.0), d.get(2, "dflt"), d.get(2))

for v in (0, -1, -2, 1, 2**61 - 2, 2**61 - 1, 2**61, -(2**61 - 1), -(2**61), 2**63 - 1, -(2**63), 2**64):
    print(v, hash(v))
edge = {v: str(v) for v in (-1, -2, 2**61 - 1, 0, 2**63 - 1, -(2**63), 2**61, 1)}
print([edge.get(v) for v in (-1, -2, 0, 2**61 - 1, 2**63 - 1, -(2**63), 2**61, 1, 5)], len(edge))

names = {}
for i in range(2000):
    names["key" + str(i % 50)] = i
print(len(names), names["key0"], names.get("key49"), names.get("key50"), list(names)[:3])

class LikeStr:
    calls = 0
    def __hash__(self):
        return hash("abc")
    def __eq__(self, other):
        LikeStr.calls += 1
        return other == "abc"

k = LikeStr()
d = {k: "like"}
print(d.get("abc"), d["abc"], "abc" in d, LikeStr.calls > 0)
d["abc"] = "replaced"
print(len(d), list(d.values()), type(list(d)[0]).__name__)

class LikeInt:
    def __hash__(self):
        return 5
    def __eq__(self, other):
        return other == 5

d = {LikeInt(): "five", 6: "six"}
print(d.get(5), d[5], d.get(6), d.get(7, "none"))
d[5] = "new"
print(len(d), sorted(d.values()))

class Raises:
    def __hash__(self):
        return hash("zz")
    def __eq__(self, other):
        raise ValueError("eq refused")

d = {Raises(): 1}
for op in (lambda: d.get("zz"), lambda: d["zz"], lambda: d.__setitem__("zz", 2)):
    try:
        print(op())
    except ValueError as e:
        print("ValueError:", e)
print(d.get("other"), len(d))

d = {"a": 1}
for bad in (lambda: d.get(), lambda: d.get(1, 2, 3), lambda: dict.get(5, 1), lambda: d.get(k=1), lambda: d.get([])):
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
print(dict.get(d, "a"), dict.get(d, "b", 0), d.get("a", None))

order = {}
for w in ("b", "a", "c", "a", "b", 3, 1, 3):
    order[w] = order.get(w, 0) + 1
print(order, list(order))
try:
    for k in order:
        order[str(k) + "x"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
counts = {i: 0 for i in range(5)}
for k in counts:
    counts[k] = k * k
print(counts)
