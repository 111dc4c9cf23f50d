# str(x) of ints (a table below 1000, the general formatter above, big ints
# beyond i64), of bools and of objects with their own __str__/__repr__; and
# `a + b` writing into a temporary operand's inline buffer, at the edge of
# the inline size (24 bytes) and with non-ASCII text.

# The table's edges, leading zeros, negatives, the i64 range and beyond.
for n in (0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 1001, 9999, 65535, 2**31, 2**63 - 1):
    print(str(n), str(-n), len(str(n)), str(n) == repr(n), str(n) == "%d" % n)
print(str(-2**63), str(-2**63 - 1), str(2**63), str(10**40), str(-10**40), len(str(7**100)))
print([str(i) for i in range(0, 1200, 97)], sum(len(str(i)) for i in range(2000)))
print(str(True), str(False), str(True + 1), "b" + str(True), str(-True))
print(str(0) == "0", str(7) is not None, hash(str(42)) == hash("42"), {str(5): 1}["5"], str(12)[1], str(345)[::-1])

# A subclass of int with no overrides prints as its value.
class Num(int):
    pass

print(str(Num(5)), "n" + str(Num(123)), str(Num(-4)))

# Objects: __str__, only __repr__, neither; errors from __str__.
class Both:
    def __str__(self):
        return "both-str"
    def __repr__(self):
        return "both-repr"

class ReprOnly:
    def __repr__(self):
        return "repr-only"

class Plain:
    pass

class BadStr:
    def __str__(self):
        return 42

class Raises:
    def __str__(self):
        raise ValueError("no str for you")

print(str(Both()), repr(Both()), "x" + str(Both()), str(ReprOnly()), str([Both(), ReprOnly()]))
print(str(Plain()).startswith("<__main__.Plain object at "), str(None), str(1.5), str((1, "a")), str("s"))
for obj in (BadStr(), Raises()):
    try:
        str(obj)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# `a + b` in place: a unique left operand appended inline, up to 24 bytes
# and past it (the result then has its own buffer); a unique right operand.
for width in (1, 10, 20, 21, 22, 23, 24, 25, 30):
    s = "x" * (width - 2) + str(width)
    t = ("x" * (width - 2) + str(width)) + str(width % 10)
    u = str(width % 10) + ("x" * (width - 2) + str(width))
    print(width, len(s), len(t), len(u), t[-3:], u[:3], t == s + str(width % 10), u == str(width % 10) + s, hash(t) == hash(s + t[-1]))
left = str(123)
left += "é"
left += "日本"
print(left, len(left), left[3], left[-1], left.upper(), left == "123é日本")
acc = str(0)
for i in range(1, 15):
    acc = acc + str(i)
print(acc, len(acc), acc[20:], hash(acc) == hash("01234567891011121314"))
keep = str(9)
alias = keep
keep += "!"
print(keep, alias, str(8) + str(8) + str(8))

# Case mappings and affixes on their fast paths and beside them.
for word in ("w12", "W1x", "", "é1", "straße", "ǅ", "abc" * 10):
    print(repr(word), word.upper(), word.lower(), word.upper().startswith("W1"), word.endswith("x"), len(word.upper()))
print("w1".startswith(("a", "w")), "w1".startswith("1", 1), "w1".endswith("w", 0, 1), "".startswith(""))
for bad in (1, None, ("a", 1)):
    try:
        "w1".startswith(bad)
    except TypeError as e:
        print("TypeError:", e)

# join with a one-character separator (pushed as a character) and others.
words = [str(i) for i in range(12)] + ["é", "日本", ""]
for sep in (" ", "\t", ",", "é", "::", ""):
    joined = sep.join(words)
    print(repr(joined), len(joined), joined.split(sep) == words if sep else None)
print(" ".join([]), " ".join(["only"]), " ".join(("a", "b")), " ".join(str(i) for i in range(3)))
