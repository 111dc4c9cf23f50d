# Builtin methods of fixed arity (list.append, str.upper/lower/casefold) are
# called with their receiver and argument moved off the stack; a class called
# with one argument goes straight to the builtin conversions. Every other way
# of reaching the same functions must behave the same.

# The fast shapes: a method call from the stack.
words = []
for i in range(6):
    words.append("w" + str(i % 4))
print(words, [w.upper() for w in words], "MiXeD".lower(), "Straße".casefold(), "ΣΑΣ ﬁ İ ẞ ı".casefold(), "ÉtÉ".lower(), "été".upper())

# The same functions reached other ways: unbound, bound and stored, mapped, unpacked.
up = str.upper
bound = "abc".upper
add = words.append
add("x")
print(up("q"), bound(), words[-1], str.lower("ABC"), list(map(str.upper, ["a", "b"])), str.upper(*["z"]))
list.append(words, "y")
print(words[-2:], len(words))
methods = {"up": str.upper}
print(methods["up"]("dict-held"), getattr("Name", "lower")(), sorted(["b", "A", "c"], key=str.lower))

# Arity and receiver errors keep CPython's wording, from every shape of call.
for call in [lambda: "a".upper(1), lambda: "a".lower(1, 2), lambda: [].append(), lambda: [].append(1, 2),
             lambda: str.upper(), lambda: list.append([]), lambda: str.upper(5), lambda: list.append("s", 1),
             lambda: "a".upper(x=1), lambda: [].append(item=1), lambda: up(None), lambda: add(1, 2),
             lambda: str.casefold(b"x"), lambda: bound(1)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)

# startswith/endswith: one str argument from the stack; tuples, ranges and
# wrong types through the general method, from every shape of call.
print("hello".startswith("he"), "hello".endswith("lo"), "hello".startswith(""), "".endswith("x"), "héllo".startswith("hé"))
print("hello".startswith(("x", "h")), "hello".endswith(("l", "o")), "hello".startswith("l", 2), "hello".endswith("l", 0, 4))
print(str.startswith("abc", "a"), str.endswith("abc", "bc"), list(map("abc".startswith, ["a", "b"])), ("W" + "1").startswith("W1"))
for call in [lambda: "a".startswith(5), lambda: "a".endswith(None), lambda: "a".startswith(), lambda: "a".endswith("a", 1, 2, 3),
             lambda: "a".startswith(("a", 1)), lambda: str.startswith(5, "a"), lambda: str.endswith(), lambda: "a".startswith(prefix="a"),
             lambda: "a".startswith(["a"])]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)

# Appending to the list being iterated, and to itself.
grow = [1, 2]
for x in grow:
    if x < 5:
        grow.append(x + 2)
print(grow)
selfish = []
selfish.append(selfish)
print(selfish, len(selfish[0]))

# Receivers that are temporaries: the method gets the only reference.
print("abc".upper().lower().upper(), [1, 2][:].append(3), str(12).upper(), ("x" * 30).upper())

# A method stored as an instance or class attribute of a user class is just a value.
class Holder:
    shout = str.upper

    def __init__(self):
        self.keep = [].append

h = Holder()
print(h.keep("ignored"), Holder.shout("cls"))
try:
    print(h.shout())
except TypeError as e:
    print("TypeError", e)

# One-argument class calls: conversions, other builtin types, user classes.
class Plain:
    def __init__(self, v):
        self.v = v

class Varargs:
    def __init__(self, *args):
        self.args = args

class NewOnly:
    def __new__(cls, v):
        return ("made", v)

class Boom(Exception):
    pass

print(str(42), str(-7), str(1000), int("9"), float(2), bool([]), list("ab"), tuple("cd"), type(3.5).__name__)
print(Plain(4).v, Varargs(5).args, NewOnly(6), repr(ValueError("m")), repr(Boom("b")), range(3), set([1]) == {1})
for bad in [lambda: int("x"), lambda: float([1]), lambda: Plain(), lambda: list(5), lambda: object(1)]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# An error raised inside a fixed-arity method keeps the caller's traceback line.
def shout(v):
    return str.upper(v)

print(shout("ok"))
print(shout(3))
