# The fast paths of str methods (one-byte split, join reading a list in
# place, case mappings without argument parsing) against their general forms.

# split on one ASCII byte: maxsplit, edges, empty parts, non-ASCII text.
for text in ("a b c", " a b ", "  ", "", "abc", "a  b", "é ü ö", "日本 語 ", "x" * 30 + " " + "y" * 30):
    for m in (-1, 0, 1, 2, 10):
        print(repr(text), m, text.split(" ", m), text.split(" ", maxsplit=m) == text.split(" ", m))
print("a,b,,c,".split(","), "1\t2\t3".split("\t"), "a\nb".split("\n"), "x;y".split(";", -5))
print("é,ü".split(","), "éaé".split("a"), "aéa".split("é"), "ééé".split("é"))
print(len(("w " * 5000).split(" ")), ("w " * 5000).split(" ", 3)[:4], ("w " * 5000).split(" ", 3)[3][:8])
parts = "x y z".split(" ")
parts.append("w")
print(parts, [p.upper() for p in parts], [len(p) for p in "a bb ccc".split(" ")])
try:
    "a b".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    "a b".split(5)
except TypeError as e:
    print("TypeError:", e)
try:
    "a b".split(" ", "1")
except TypeError as e:
    print("TypeError:", e)

# join: lists, tuples, iterators, generators, user iterables (iterated once).
print("-".join(["a", "b"]), "-".join(("a", "b")), "-".join(iter(["a", "b"])), "-".join(c for c in "xyz"))
print("".join([]), "".join(()), ",".join({"k": 1, "j": 2}), ",".join({"k": 1}.values() if False else "ab"))

class Twice:
    calls = 0
    def __iter__(self):
        Twice.calls += 1
        return iter(["p", "q"])

print("+".join(Twice()), Twice.calls)

class Bad:
    def __iter__(self):
        raise TypeError("no iterating me")

for arg in (5, None, Bad(), ["a", 2], ("a", b"b"), [1]):
    try:
        print(" ".join(arg))
    except TypeError as e:
        print("TypeError:", e)
words = ["a", "b"]
print("é".join(words), "::".join(words * 3), words)

# Case mappings: direct calls, unbound calls, wrong arguments.
print("abc".upper(), "ABC".lower(), str.upper("xY"), str.lower("Xy"), "ß".upper(), "ǅ".lower())
print("w1".upper().startswith("W1"), "w2".upper().startswith("W1"), "é1".upper(), "".upper() == "")
for bad in (lambda: "a".upper(1), lambda: str.upper(5), lambda: "a".lower(x=1), lambda: "a".upper(*[], **{"k": 2})):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
