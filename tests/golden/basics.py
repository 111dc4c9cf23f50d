"""Module docstring."""
import os.path
import a.b.c as d
from . import sibling
from .pkg.mod import x as y, z
x = 1
y = -2.5
a = b = [1, 2, *x]
a, *b, c = range(10)
t = (1, 2, 3)
d = {'k': 1, **x}
s = {1, 2}
x[1:2] = x[::2]
x.attr += 1
x[0] -= 1
del x[0], x.attr, t
print(x, sep='', *a, **d)
x.append(1)
print(f"{x!r:>{width}} and {y}")
assert x > 0, "positive"
r = 1 < x <= 3
q = a and b or not c
z = a if b else c
