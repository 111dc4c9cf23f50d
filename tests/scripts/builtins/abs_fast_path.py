# abs(x) answers one int or float before any argument parsing; every other
# shape (bool, big ints, the int that overflows, __abs__, bad calls) takes the
# general path with CPython's results and messages.
import sys

print(abs(5), abs(-5), abs(0), abs(-0))
print(abs(2.5), abs(-2.5), abs(-0.0), abs(float("-inf")), abs(float("nan")))
print(abs(True), abs(False), type(abs(True)).__name__)
print(abs(-sys.maxsize - 1), type(abs(-sys.maxsize - 1)).__name__)
print(abs(-(2 ** 63)), abs(-(2 ** 64)), abs(2 ** 70))
print(abs(-sys.maxsize), abs(sys.maxsize))

# The fast path inside a hot loop, crossing from small to big ints.
total = 0
for i in range(-50, 50):
    total += abs(i) + abs(i * 0.5)
print(total)
big = -(2 ** 62)
print([abs(big * k) for k in (1, 2, 3)])


class Neg:
    def __abs__(self):
        return "abs of Neg"


print(abs(Neg()), [abs(o) for o in (Neg(), -1, Neg(), -1.5)])

for call in (lambda: abs(), lambda: abs(1, 2), lambda: abs(x=1), lambda: abs("s"), lambda: abs([1]), lambda: abs(None)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


class Raises:
    def __abs__(self):
        raise ValueError("from __abs__")


try:
    abs(Raises())
except ValueError as e:
    print("ValueError:", e)

# abs rebound in the globals, then restored.
def use_abs(x):
    return abs(x)


print(use_abs(-4))
abs = lambda x: "shadowed"
print(use_abs(-4))
del abs
print(use_abs(-4))
