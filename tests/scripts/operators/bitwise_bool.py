# Bitwise operators, shifts and bool arithmetic.
for a in (0, 1, 5, -5, 255, 2 ** 65, -(2 ** 65)):
    print(a, a & 3, a | 8, a ^ 6, ~a, a << 3, a >> 1)
print(True & False, True | False, True ^ True, ~False, True << 2)
print(type(True & True), type(True + 0), type(True | 2))
print(bool(0), bool(1), bool(-1), bool(0.0), bool(''), bool('a'), bool([]), bool([0]), bool(None))
print(True and 3, False or 'x', 0 or 0.0, '' or [] or {} or 'last')
print(int(True), float(False), str(True), repr(False))
print(True == 1, hash(True), hash(False))
print(sum([True, True, False]), max(True, 2), True * 3.5)
