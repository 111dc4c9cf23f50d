# Builtins called from the loop with up to three positional arguments get them
# straight from the stack; more arguments, keywords and errors take the
# general path. Every path must behave the same.

print(abs(-3), abs(2.5), abs(True), abs(-(2 ** 70)))
print(abs(-9223372036854775807 - 1))
print(len("abc"), len([]), isinstance(3, int), isinstance("s", (int, float)))
print(max(1, 5, 3), min(4, 2, 8), max(1, 2, 3, 4), min(9, 8, 7, 6, 5))
print(divmod(17, 5), pow(2, 10), pow(2, 10, 7), round(2.675, 2))
print(sorted([3, 1, 2], reverse=True), max([1, 9, 2], key=lambda v: -v))
print(getattr(1, "real"), getattr(1, "nope", "default"))

class A:
    def __abs__(self):
        return "A.__abs__"

print(abs(A()))


def errors(f, *args):
    try:
        return f(*args)
    except Exception as e:
        return type(e).__name__ + ": " + str(e)

print(errors(abs, "x"))
print(errors(lambda: abs()))
print(errors(lambda: abs(1, 2)))
print(errors(lambda: len(5)))
print(errors(lambda: pow(1, 2, 3, 4)))
print(errors(lambda: isinstance(1, 2)))

class Boom:
    def __abs__(self):
        raise ValueError("inside __abs__")

print(errors(lambda: abs(Boom())))

# Called in a loop: the same native callable many times, results and errors.
total = 0
for i in range(-50, 50):
    total += abs(i) + len(str(i))
print(total)

fs = [abs, len, str]
print([f(-7) if f is not len else f("-7") for f in fs])
