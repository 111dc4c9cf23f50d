# float repr: shortest round-trip digits, exponent switch points, inf and nan.
values = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 9999999999999998.0,
          1e17, 1.5e16, 1e-4, 1e-5, 0.00012, 1.2e-5, 123456789.0, 1234567890123456.7, 1e22, 1e23,
          5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 3.141592653589793, 2.5, 100.0,
          1e100, 1.1e-100, 0.5, 0.25, 0.125, 1 / 7, 22 / 7, 1e300 * 10, 123.456, 0.3, 0.7, 1.1 + 2.2]
for v in values:
    print(repr(v), str(v), v)
inf = float('inf')
nan = float('nan')
print(inf, -inf, nan, -nan, repr(inf), str(nan), [inf, nan], (-inf,))
print(inf * 2, inf / inf, -inf + inf, 1e308 * 10, -1e308 * 10)
print(float('nan') == float('nan'), inf == float('inf'), inf > 10 ** 400, nan < 1, nan > 1)
print(1e16 == 10 ** 16, float(10 ** 16), float(2 ** 53 + 1), 2 ** 53 + 1.0)
print(round(1e16), int(1e16), int(-1e16), int(1.5e300) == 15 * 10 ** 299)
print(repr(1.0 * 10 ** 15), repr(1.0 * 10 ** 16), 12345678901234567.0, 0.1 * 0.1)
print([0.1 * i for i in range(10)])
print([1.0 / 10 ** i for i in range(0, 8)])
print([10.0 ** i for i in range(13, 19)])
print(-1.5e-7, 4.35, 4.349999999999999, 0.1 + 0.7, 1 - 1e-16, 1 + 2 ** -52)
try:
    float('abc')
except ValueError as e:
    print('ValueError:', e)
try:
    int(float('inf'))
except OverflowError as e:
    print('OverflowError:', e)
try:
    int(float('nan'))
except ValueError as e:
    print('ValueError:', e)
try:
    2.0 ** 10000
except OverflowError as e:
    print('OverflowError:', e)
try:
    float(10 ** 400)
except OverflowError as e:
    print('OverflowError:', e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    5 % 0.0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
print(hash(1.0) == hash(1), hash(0.5) == hash(0.5), hash(-0.0) == hash(0.0))
