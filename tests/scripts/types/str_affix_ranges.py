# startswith/endswith/find/count with and without a range (a start past the
# end matches nothing, not even ""), and str concatenation.
print("abc".startswith("ab"), "abc".endswith("bc"), "abc".startswith(""), "".endswith(""), "é€".startswith("é"), "abc".startswith("abcd"))
print("abc".startswith(("x", "a")), "abc".startswith("b", 1), "abc".endswith("a", 0, 1), "abc".startswith("", 5))
try:
    "abc".startswith(1)
except TypeError as e:
    print(e)
print("a" + "b", "" + "", "é" + "x" * 30, len("é" + "x" * 30))
try:
    "a" + 1
except TypeError as e:
    print(e)
x = "ab"
x += "cd"
print(x)
s = "abc"
print(s.find("", 5), s.count("", 5), s.find("", 3), s.count("", 3), s.index("", 3), s.endswith("", 5), s.rfind("", 4), s.find("", 2, 1))
print(s.startswith("", 3), s.endswith("c", 0, 10), s.find("c", 1, 99), s.count("b", -10, 10), "é€x".find("x", 2), "é€x".startswith("€", 1))
