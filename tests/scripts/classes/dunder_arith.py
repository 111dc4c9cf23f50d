# Arithmetic dunders and their reflected forms, unary negation, NotImplemented fallbacks.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f'Vec({self.x}, {self.y})'
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __radd__(self, o):
        if o == 0:
            return self
        return NotImplemented
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
v, w = Vec(1, 2), Vec(10, 20)
print(v + w, w - v, v * 3, 3 * v, w / 4, w // 3, w % 7, -v)
print(sum([v, w, Vec(100, 100)]))
print(v == Vec(1, 2), v != Vec(1, 2), v == 5)
try:
    v + 1
except TypeError as e:
    print('TypeError:', e)
try:
    'a' - v
except TypeError as e:
    print('TypeError:', e)
class R:
    def __init__(self, name):
        self.name = name
    def __rsub__(self, o):
        return f'rsub({o}, {self.name})'
    def __rtruediv__(self, o):
        return f'rtruediv({o}, {self.name})'
    def __rfloordiv__(self, o):
        return f'rfloordiv({o}, {self.name})'
    def __rmod__(self, o):
        return f'rmod({o}, {self.name})'
    def __radd__(self, o):
        return f'radd({o}, {self.name})'
    def __rmul__(self, o):
        return f'rmul({o}, {self.name})'
r = R('r')
print(1 - r, 2 / r, 3 // r, 4 % r, 5 + r, 6 * r, 'str' + r, [1] * r)
class Num:
    def __init__(self, n):
        self.n = n
    def __add__(self, o):
        print('Num.__add__')
        return NotImplemented
class Other:
    def __radd__(self, o):
        print('Other.__radd__')
        return 'radd result'
print(Num(1) + Other())
class Base:
    def __add__(self, o):
        return 'Base.__add__'
    def __radd__(self, o):
        return 'Base.__radd__'
class Derived(Base):
    def __radd__(self, o):
        return 'Derived.__radd__ wins'
print(Base() + Derived())
class Acc:
    def __init__(self):
        self.items = []
    def __add__(self, o):
        print('__add__ used for +=')
        new = Acc()
        new.items = self.items + [o]
        return new
a = Acc()
b = a
a += 1
print(a.items, b.items, a is b)
class InPlace:
    def __init__(self):
        self.total = 0
    def __iadd__(self, o):
        self.total += o
        return self
i = InPlace()
j = i
i += 5
i += 6
print(i.total, i is j)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __mul__(self, k):
        return Money(self.cents * k)
    __rmul__ = __mul__
    def __str__(self):
        return '$%d.%02d' % divmod(self.cents, 100)
print(Money(250) * 3, 2 * Money(199))
