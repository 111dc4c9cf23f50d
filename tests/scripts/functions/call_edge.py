# Call edge cases: unpacking generators, keyword errors, defaults referencing globals, argument order.
def f(*args, **kwargs):
    return args, kwargs
print(f(*(i for i in range(3))), f(*range(2), *'ab'), f(**dict(a=1), **{'b': 2}))
def order(tag, value):
    print('eval', tag)
    return value
def g(a, b, c=0, *, d=0):
    return a, b, c, d
print(g(order('a', 1), order('b', 2), d=order('d', 4), c=order('c', 3)))
try:
    f(**{1: 'x'})
except TypeError as e:
    print('TypeError:', e)
try:
    g(1, 2, **{'c': 3}, c=4)
except TypeError as e:
    print('TypeError:', e)
try:
    g(1, 2, 3, 4)
except TypeError as e:
    print('TypeError:', e)
try:
    g(1)
except TypeError as e:
    print('TypeError:', e)
try:
    g()
except TypeError as e:
    print('TypeError:', e)
try:
    g(1, 2, e=5)
except TypeError as e:
    print('TypeError:', e)
try:
    f(*5)
except TypeError as e:
    print('TypeError:', e)
try:
    f(**[1])
except TypeError as e:
    print('TypeError:', e)
def h(a, b=[]):
    b.append(a)
    return len(b)
print(h(1), h(2), h(3, []), h(4))
def many(a, b, c, d, e, f, g, h, i, j, k=11, *rest, **kw):
    return a + b + c + d + e + f + g + h + i + j + k + sum(rest) + sum(kw.values())
print(many(*range(10)), many(*range(15), x=100))
def kwonly_defaults(*, a=1, b):
    return a, b
print(kwonly_defaults(b=2), kwonly_defaults(a=0, b=0))
lam = lambda a, *b, c=3, **d: (a, b, c, d)
print(lam(1), lam(1, 2, c=4, e=5))
def returns_tuple():
    return 1, 2
x, y = returns_tuple()
print(x, y, returns_tuple())
def nested_defaults(x=(1, 2), y={'k': [3]}):
    return x, y
print(nested_defaults(), nested_defaults.__defaults__)
def rec_kw(n, acc=0):
    return acc if n == 0 else rec_kw(n - 1, acc=acc + n)
print(rec_kw(100))
bound = 'abc'.upper
print(bound(), list(map(str.upper, ['a', 'b'])), sorted(['b', 'A'], key=str.lower))
def star_only(*, x):
    return x
try:
    star_only(1)
except TypeError as e:
    print('TypeError:', e)
