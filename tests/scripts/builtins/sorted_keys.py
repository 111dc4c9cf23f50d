# sorted and list.sort over int, float and str keys (a native fast path) and
# over everything else (the general comparator), with stability and reverse.

print(sorted([5, -1, 3, 0, 2**40, -2**40]))
print(sorted([3, 1, 2], reverse=True), sorted([], reverse=True), sorted([1]))
print(sorted(["pear", "apple", "Zebra", "é", "e", "", "apple pie"]))
print(sorted([2.5, -0.0, 0.0, -1.5, 1e300, -1e300, 0.0]))
print(sorted([0.0, -0.0, 0.0, -0.0]), sorted([-0.0, 0.0], reverse=True))

# Stability: equal keys keep their order, also with reverse=True.
words = ["bb", "a", "cc", "d", "ee", "f", "gg"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
pairs = [(i % 3, i) for i in range(12)]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted(pairs, key=lambda p: -p[0] * 1.5))
print(sorted(pairs, key=lambda p: str(p[0])))

# Mixed and special keys take the general path.
print(sorted([1, 2.5, 0, -3.5, True, False]))
print(sorted([3, True, 1, False, 2]))
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
nan = float("nan")
print(len(sorted([3.0, nan, 1.0, 2.0])), sorted([nan])[0] != sorted([nan])[0])
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted(["b", "a", 3])
except TypeError as e:
    print("TypeError:", e)

# list.sort in place, with a key, and a key that raises part way.
data = [(i * 7919) % 101 for i in range(200)]
copy = list(data)
data.sort(key=lambda v: -v)
print(data[:10], data[-5:], copy == sorted(data, reverse=True) or sorted(copy) == sorted(data))
calls = []
def key(v):
    calls.append(v)
    if v == 13:
        raise ValueError("bad key")
    return v
items = [5, 13, 1]
try:
    items.sort(key=key)
except ValueError as e:
    print("ValueError:", e, items)
big = [(i * 7919 + 3) % 10007 for i in range(10_000)]
s1 = sorted(big, key=lambda v: -v)
print(s1[0], s1[-1], s1 == sorted(big)[::-1], sorted(map(str, range(20)))[:6])
