# Strings short enough to be stored inline and longer ones on the heap must
# behave the same: lengths, indexing, hashing, equality, methods, dict keys.

for n in (0, 1, 22, 23, 24, 25, 26, 100):
    s = "a" * n
    t = "".join(["a"] * n)
    print(n, len(s), s == t, hash(s) == hash(t), len(s + "é"), (s + "é")[-1])

# Multi-byte characters across the 24-byte boundary.
for text in ("é" * 11, "é" * 12, "é" * 13, "日本語" * 3, "日本語" * 4, "🐍" * 6, "🐍" * 7):
    print(len(text), text[0], text[-1], text[len(text) // 2], text.upper() == text, repr(text[:3]))

mixed = "ab" + "é" + "c" * 30
print(len(mixed), mixed[2], mixed[3:6], mixed.find("c"), mixed.index("é"))

# Concatenation results as dict keys, looked up by equal strings built otherwise.
d = {}
for i in range(50):
    d["key" + str(i)] = i
print(sum(d["key%d" % i] for i in range(50)), d.get("".join(["k", "e", "y", "49"])), "key50" in d)
long_keys = {("x" * 30) + str(i): i for i in range(5)}
print(long_keys["x" * 30 + "3"], sorted(long_keys.values()))

# str() of ints, both signs and widths.
for v in (0, 7, -7, 10**18, -(10**18), 2**63 - 1, -(2**63), 2**64, -(2**70)):
    print(str(v), len(str(v)), str(v) == repr(v))

# Case mappings: ASCII in place, the rest of Unicode as CPython.
for w in ("hello", "HeLLo World 123", "straße", "ﬁne", "ǅemal", "", "İstanbul", "ΣΑΣ"):
    print(repr(w.upper()), repr(w.lower()), len(w.upper()), len(w.lower()))

# join: sizes, separators, errors.
print(repr(",".join([])), repr(",".join(["a"])), "-".join(["ab", "", "cd"]), "é".join("xyz"))
print(len("".join(["x" * 1000] * 1000)), "::".join(str(i) for i in range(5)))
try:
    ",".join(["a", 1, "b"])
except TypeError as e:
    print("TypeError:", e)
try:
    ",".join(5)
except TypeError as e:
    print("TypeError:", e)

# split with and without maxsplit, from both ends.
line = "a,b,,c,"
print(line.split(","), line.split(",", 2), line.rsplit(",", 2), line.split(",", 0))
print("  one two  three ".split(), "  one two  three ".split(None, 1), "x".split("x"))
print(len(("w " * 5000).split(" ")), "é,ü,ö".split(","), "a--b--c".split("--"))

# A huge string stays correct.
big = "ab" * 500_000
print(len(big), big[999_999], big.count("ab"), hash(big) == hash("ab" * 500_000))
print(len(big.upper()), big.upper()[:6], (big + "é")[-2:])
