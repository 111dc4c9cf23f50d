# `a + b` where an operand is a temporary: the result may be built in the
# temporary's own box. Nothing observable may change: values, lengths,
# indexing of non-ASCII text, hashes (reset, not kept from the operand),
# aliases left alone.

words = []
for i in range(300):
    words.append("w" + str(i % 97))
print(len(words), words[:3], words[-1], sum(len(w) for w in words), words[98] == "w1", hash(words[98]) == hash("w1"))

print(str(1) + str(2), str(3) + "x", "x" + str(4) + "y" + str(5) + "z", ("a" + str(1)) + ("b" + str(2)))
print("é" + str(7), len("é" + str(7)), ("é" + str(77))[1:], str(8) + "ü", (str(8) + "ü")[-1], len(str(-9) + "日本"))
print(len("x" * 20 + str(12345)), ("x" * 20 + str(12345)) + "y" * 10, len(("x" * 20 + str(12345)) + "y" * 10))
print((str(10**30) + "é") + "!", len((str(10**30) + "é") + "!"), (str(10**30) + "é" + "!")[30:])

x = str(5)
y = "a" + x
z = x + "b"
print(x, y, z, x + x, (x + x) + x)
s = ""
for i in range(12):
    s += str(i)
print(s, len(s))
t = s
s += "!"
print(t, s)
u = "p"
u = u + str(1)
print(u)

def hashed(v):
    hash(v)
    return v

k = hashed("a" + str(1)) + "b"
d = {k: 1}
print(k, d["a1b"], "a1b" in d, hash(k) == hash("a1b"), hash(hashed(str(3) + "c") + "d") == hash("3cd"))
k2 = "q" + hashed(str(7) + "r")
print(k2, hash(k2) == hash("q7r"), {k2: 2}.get("q7r"))

parts = [str(i) + "," for i in range(5)]
print(parts, "".join(str(i) + "-" for i in range(4)))
print([p.upper() + "!" for p in "a b c".split(" ")], ("ab".upper() + "cd".upper()).lower())
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    str(1) + None
except TypeError as e:
    print("TypeError:", e)
try:
    x = str(2)
    x += 3
except TypeError as e:
    print("TypeError:", e)
def aug(v, w, kind):
    try:
        if kind == "+":
            v += w
        else:
            v *= w
        return v
    except TypeError as e:
        return "TypeError: " + str(e)
for v, w in (("s", 1), ("s", None), ((1,), 2), (b"b", 1), (b"b", "s"), (1, "s"), ([1], 1), (None, "s")):
    print(aug(v, w, "+"))
for v, w in (("s", 1.5), ((1,), "x"), ([1], 2.0), (2.0, "s"), (b"b", b"b"), ("ab", 2)):
    print(aug(v, w, "*"))
