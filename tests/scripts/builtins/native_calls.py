# Calls of builtin functions, builtin methods and builtin types straight from
# the stack (0 to 3 arguments in an array, more through the argument buffer),
# and the conversions str(x)/int(x)/float(x)/bool(x) without __new__ lookup.

# Builtin types called with one argument: the direct conversions.
print(str(5), str(-12), str(2**70), str(1.5), str(True), str(None), str("s"), str([1, "a"]))
print(int(7), int(-3.9), int("  42 "), int(True), int(2**70) == 2**70, int(b"12"))
print(float(3), float("1e3"), float(" -2.5 "), float(True), float("inf"))
print(bool(0), bool(3), bool(""), bool("x"), bool([]), bool([0]), bool(None), bool(0.0))

class WithStr:
    def __str__(self):
        return "custom str"

class WithRepr:
    def __repr__(self):
        return "custom repr"

class BadStr:
    def __str__(self):
        return 42

class WithInt:
    def __int__(self):
        return 99

class WithIndex:
    def __index__(self):
        return 7

class WithFloat:
    def __float__(self):
        return 2.25

class WithBool:
    def __bool__(self):
        return False

class WithLen:
    def __len__(self):
        return 0

class Raises:
    def __str__(self):
        raise ValueError("no str for you")
    def __int__(self):
        raise KeyError("no int")

print(str(WithStr()), str(WithRepr()), int(WithInt()), int(WithIndex()), float(WithFloat()))
print(float(WithIndex()), bool(WithBool()), bool(WithLen()), bool(WithStr()))
for f, x in [(str, BadStr()), (str, Raises()), (int, Raises()), (int, "x1"), (int, 1.5e308 * 10),
             (int, float("nan")), (float, "abc"), (float, WithStr()), (int, [1]), (int, None)]:
    try:
        print(f(x))
    except Exception as e:
        print(type(e).__name__, e)

# Other arities and keywords of builtin types take the general path.
print(repr(str()), int(), float(), bool(), str(b"ab", "ascii"), str(object=5), int("ff", 16), int("12", base=8))
print(int("0x1f", 0), str(b"\xc3\xa9", encoding="utf-8"), list("ab"), tuple([1, 2]), dict(a=1))
for call in [lambda: str(1, 2, 3, 4), lambda: int(1, 2, 3), lambda: float(1, 2), lambda: bool(1, 2),
             lambda: str(5, "ascii"), lambda: int(5, 10), lambda: int(y=1), lambda: float(x=1),
             lambda: bool(x=1), lambda: str(foo=1)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)

# Subclasses and user classes are not the builtin type: the generic call.
class MyStr(str):
    pass

class Point:
    def __init__(self, x):
        self.x = x
    def __str__(self):
        return f"Point({self.x})"

class Made:
    def __new__(cls, v):
        return v * 2

print(isinstance(MyStr("q"), str), MyStr("q") == "q", str(MyStr("q")))
print(str(Point(3)), Made(21), Made("ab"))
conv = [str, int, float, bool]
print([c("1") for c in conv], list(map(str, [1, 2.5, None])), sorted(["10", "9", "100"], key=int))

# Builtin functions with 0 to 5 positional arguments.
print(max(3, 9), min(4, 2, 8), max(1, 5, 2, 4), min(9, 8, 7, 6, 5), abs(-3), len("abcd"))
print(round(2.567, 2), divmod(17, 5), pow(2, 10), pow(2, 10, 1000), isinstance(1, int))
print(getattr(Point(1), "x"), getattr(Point(1), "y", "dflt"), hasattr(Point(1), "x"))
for call in [lambda: len(), lambda: len(1, 2), lambda: abs(), lambda: divmod(1), lambda: pow(1),
             lambda: len(5), lambda: abs("x"), lambda: max(), lambda: isinstance(1)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)

# Builtin methods: receiver plus 0 to 3 arguments, then more.
words = []
for i in range(5):
    words.append("w" + str(i % 3))
print(words, "a-b-c".split("-"), "a-b-c".split("-", 1), "xaxa".replace("a", "b"))
print("xaxa".replace("a", "b", 1), "hello".startswith("he"), "hello".startswith("l", 2), "hello".startswith(("x", "h"), 0, 3))
print("Abc".upper(), "Abc".lower(), "  x ".strip(), "abcabc".find("c", 3, 6), "abcabc".count("b", 0, 4))
d = {"a": 1}
print(d.get("a"), d.get("b"), d.get("b", 0), d.setdefault("c", 3), d.pop("c"), d.pop("z", "none"), d)
print(str.upper("unbound"), str.replace("aaa", "a", "b", 2), dict.get(d, "a"), list.append(words, "x"), words[-1])
for call in [lambda: "a".upper(1), lambda: "a".startswith(), lambda: "a".startswith("a", 1, 2, 3),
             lambda: d.get(), lambda: d.get(1, 2, 3), lambda: d.get(key="a"), lambda: [].append(),
             lambda: [].append(1, 2), lambda: "a".split(1), lambda: str.upper(5), lambda: dict.get([], 1),
             lambda: list.append("s", 1), lambda: "x".replace("a"),
             lambda: "x".startswith(5), lambda: "x".join([1]), lambda: {}.pop()]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)

# Keys with their own __eq__/__hash__ through dict.get and item assignment.
class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return hash(self.k)
    def __eq__(self, other):
        print("eq called")
        return self.k == (other.k if isinstance(other, Key) else other)

counts = {Key(1): "one", 5: "five", "s": "ess"}
print(counts.get(1), counts.get(Key(5)), counts.get("s"), counts.get(Key("s")), counts.get(2, "dflt"))
counts[Key(5)] = "FIVE"
print(counts[5], len(counts))

# An exception raised inside a native method called from the stack keeps the traceback line.
def fails():
    return {}.pop("missing")

try:
    fails()
except KeyError as e:
    print("KeyError", e)
print("abc".index("c"), [3, 1, 2].index(2))
print("abc".index("z"))
