# Assignment forms: chained, unpacking, starred, subscript/attribute targets, augmented, annotated.
a = b = c = 5
print(a, b, c)
x, y = 1, 2
print(x, y)
x, y = y, x
print(x, y)
(p, q), r = (3, 4), 5
print(p, q, r)
[m, n] = [6, 7]
print(m, n)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = 'abcd'
print(init, last)
h, *mid, t = range(6)
print(h, mid, t)
h, *mid, t = [1, 2]
print(h, mid, t)
a, (b, *c), d = 1, (2, 3, 4), 5
print(a, b, c, d)
lst = [0, 0, 0, 0]
lst[0] = 'zero'
lst[-1] = 'last'
lst[1:3] = ['x', 'y', 'z']
print(lst)
dct = {}
dct['k'] = 1
dct[1, 2] = 'tuple key'
print(dct)
class Box:
    pass
box = Box()
box.value = 10
box.other = box.value * 2
print(box.value, box.other)
lst2 = [1, 2, 3]
lst2[0], lst2[2] = lst2[2], lst2[0]
print(lst2)
i = 0
arr = [10, 20, 30]
i, arr[i] = 1, 99
print(i, arr)
n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 2; print(n)
n //= 5; print(n)
n **= 3; print(n)
n %= 7; print(n)
n /= 2; print(n)
k = 0b1100
k |= 1; print(k)
k &= 0b0111; print(k)
k ^= 0b1111; print(k)
k <<= 3; print(k)
k >>= 2; print(k)
s = 'ab'
s += 'cd'; s *= 2
print(s)
l = [1]
alias = l
l += [2, 3]
print(alias, l is alias)
t = (1,)
talias = t
t += (2,)
print(talias, t)
box.value += 1
dct['k'] += 100
lst2[1] *= 7
print(box.value, dct['k'], lst2)
count: int = 3
label: str
print(count)
def annotated(a: int, b: 'str' = 'x', *args: int, c: float = 1.0, **kw: dict) -> bool:
    return (a, b, args, c, kw)
print(annotated(1, 'y', 2, c=3.0, z=4))
box.attr: int = 7
print(box.attr)
del dct['k']
print(dct)
del lst[0], lst[-1]
print(lst)
del box.other
print(hasattr(box, 'other'))
zz = 1
del zz
print('zz' in globals())
xs = [0, 1, 2, 3, 4, 5]
del xs[::2]
print(xs)
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)
