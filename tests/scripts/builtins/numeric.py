# Numeric builtins: abs round divmod pow int float bool hex oct bin min max sum.
print(abs(-3), abs(3.5), abs(-0.0), abs(True), abs(-10 ** 20))
print(round(3.14159, 2), round(2.5), round(-1.5), round(1234, -2), round(1250, -2), round(1.5e300, 2) == 1.5e300)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(10 ** 20, 3))
print(pow(2, 10), pow(2, 0.5), pow(2, 10, 1000), pow(-3, 3), pow(0, 0))
print(int(), int(7.9), int('  -12 '), int('1010', 2), int('ZZ', 36), int(True), int('0b101', 0), int(10 ** 20))
print(float(), float(2), float('3.5'), float(' -1e-3 '), float(True))
print(bool(), bool(3), bool(''), bool([0]))
print(hex(0), hex(255), hex(-255), hex(2 ** 70), oct(64), oct(-8), bin(10), bin(-3), bin(0))
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max('abc'), min([], default='empty'), max([1, 3], key=lambda x: -x))
print(min((1, 'b'), (1, 'a')), max([[1, 2], [1, 3]]), min(1, 2.5), max(-1, -1.0))
print(sum([]), sum([1, 2, 3]), sum([0.5, 0.25]), sum([1, 2], 10), sum([[1], [2]], []), sum(range(10 ** 6)))
for bad in [lambda: int('12x'), lambda: int('', 10), lambda: int('5', 1), lambda: float('1.2.3'), lambda: min([]), lambda: max()]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
try:
    abs('x')
except TypeError as e:
    print('TypeError:', e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print('TypeError:', e)
print(int('-0'), int('+0'), int('007'), int(-0.5), int(0.99999), round(-0.4), round(0.6))
print(max(range(5), key=lambda x: (x % 3, x)), min('hello', key=ord), sorted([-3, 2, -1], key=abs))
