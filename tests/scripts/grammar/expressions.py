# Expression forms: conditional, boolean, comparisons, calls, attributes, subscripts, displays.
a, b = 3, 5
print(a if a > b else b, 'yes' if a else 'no', 1 if 0 else 2 if 0 else 3)
print(a or b, 0 or b, 0 or '', a and b, 0 and b, not a, not 0)
print([] or 'empty', None and 1, 'x' and 'y')
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 < 2 > 0)
x = 1
print(2 in [1, 2], 4 not in [1, 2], None is None, x is not None)
print('a' in 'cat', 'k' in {'k': 1}, 3 in range(5), 3 in {3})
x = [1, 2]
y = x
other = [1, 2]
print(x is y, x is not other, x == other)
def f(a, b=2, *args, c=3, **kw):
    return (a, b, args, c, kw)
print(f(1))
print(f(1, 5, 6, 7, c=8, d=9))
print(f(*[1, 2, 3]))
print(f(**{'a': 1, 'c': 4}))
print(f(1, *(2, 3), *[4], c=0, **{'z': 1}, **{'w': 2}))
print(f(a=10, b=20))
s = 'hello'
print(s.upper().lower().capitalize())
print(s[1], s[-1], s[1:3], s[:2], s[2:], s[::2], s[::-1], s[-3:-1], s[1:-1:2])
lst = list(range(10))
print(lst[2:8:3], lst[8:2:-2], lst[::-3], lst[100:], lst[-100:2])
m = [[1, 2], [3, 4]]
print(m[1][0], m[-1][-1])
print((1, 2, 3), (1,), (), [1, 2], [], {1: 'a', 2: 'b'}, {}, {1, 2, 3})
print({'a': 1, **{'b': 2}}, [*range(3), *'ab'], (*[1], 2), {*[1, 2], 3})
print(type(()), type({}), type(set()))
print(-a, +a, ~a, -(-a), not not a)
print(2 ** -1, -2 ** 2, (-2) ** 2, 2 ** 3 ** 2)
t = 1, 2
print(t)
print((lambda: 1)(), (lambda x, y=2: x + y)(1), (lambda *a, **k: (a, k))(1, k=2))
print([1, 2, 3][1:], 'abc'[0], {'k': 'v'}['k'], (1, 2)[0])
print(len, print is print, callable(len))
print(str(1) + str(2.5) + str(None) + str(True))
z = (1 +
     2 +
     3)
print(z)
w = 1 + \
    2
print(w)
print(f(1,
        2,
        ))
print([
    1,
    2,
])
