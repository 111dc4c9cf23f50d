# Chained comparisons evaluate each operand once and short-circuit.
def val(name, v):
    print('eval', name)
    return v
print(val('a', 1) < val('b', 2) < val('c', 3))
print(val('a', 1) < val('b', 0) < val('c', 3))
print(val('a', 5) > val('b', 4) >= val('c', 4) == val('d', 4) != val('e', 5))
x = 5
print(1 < x < 10, 1 < x > 10, 10 > x > 1, x == 5 == 5.0)
print(1 <= 1 < 2 <= 2, 1 == 1 != 2, 'a' < 'b' < 'c', [1] < [1, 0] < [2])
print(1 < 2 in [2, 3], 2 in [2] in [[2]], None is None is not x)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9, 9))
print('abc' < 'abd', 'Z' < 'a', '' < 'a', 'a' < 'aa')
print(1 == 1.0, 1 < 1.5, 2 ** 64 > 1e19, 2 ** 64 == 18446744073709551616.0)
print(True == 1, False == 0, True < 2, 0.5 < True)
print([1, 2] == [1, 2], [1, 2] != [2, 1], (1,) == [1], {} == {}, {1: 2} == {1: 2.0})
print(None == None, None != 0, 'x' != 1)
