# math: every function in the subset.
import math
print(math.pi, math.e, math.inf, -math.inf, math.nan, math.tau if hasattr(math, 'tau') else 6.283185307179586)
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.0), math.sqrt(10 ** 20))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), type(math.floor(1.5)).__name__, math.floor(5), math.ceil(10 ** 20))
print(math.log(math.e), math.log(100, 10), math.log(8, 2), math.log(1), math.log2(1024), math.log2(3), math.log10(1000), math.log10(2))
print(math.log(2 ** 1000), math.log10(10 ** 50))
print(math.exp(0), math.exp(1), math.exp(-1), math.exp(10))
print(math.sin(0), math.sin(math.pi / 2), math.cos(0), math.cos(math.pi), math.tan(0), math.tan(math.pi / 4))
print(math.sin(1), math.cos(1), math.tan(1))
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1), math.atan2(1, 0))
print(math.fabs(-3), math.fabs(2.5), type(math.fabs(-3)).__name__)
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(2 ** 100, 2 ** 50 * 3), math.gcd(0, 0))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1), math.isclose(0.0, 1e-10, abs_tol=1e-9))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isfinite(math.nan))
print(math.isinf(math.inf) if hasattr(math, 'isinf') else True, math.isnan(math.nan) if hasattr(math, 'isnan') else True)
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.exp(1000)]:
    try:
        bad()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ':', e)
try:
    math.sqrt('x')
except TypeError as e:
    print('TypeError:', e)
try:
    math.floor(math.inf)
except OverflowError as e:
    print('OverflowError:', e)
print(round(math.sqrt(2) ** 2, 10), math.floor(-0.5), math.ceil(-0.5))
