# Class and instance attributes, property, staticmethod, classmethod, dynamic attributes.
class Temperature:
    scale = 'C'
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError('below absolute zero')
        self._c = value
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def convert(c):
        return c * 9 / 5 + 32
    @classmethod
    def freezing(cls):
        return cls(0)
    def __repr__(self):
        return 'Temperature(%r)' % self._c
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit, t)
try:
    t.celsius = -300
except ValueError as e:
    print('ValueError:', e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print('AttributeError')
print(Temperature.convert(10), t.convert(20), Temperature.freezing(), t.freezing())
print(type(Temperature.__dict__['celsius']).__name__, type(Temperature.__dict__['convert']).__name__, type(Temperature.__dict__['freezing']).__name__)
class Sub(Temperature):
    pass
print(type(Sub.freezing()).__name__)
class P:
    def get_x(self):
        return self._x * 2
    def set_x(self, v):
        self._x = v
    def del_x(self):
        print('deleting')
        del self._x
    x = property(get_x, set_x, del_x, 'the x')
p = P()
p.x = 21
print(p.x, P.x.__doc__)
del p.x
print(hasattr(p, '_x'))
class Dyn:
    pass
d = Dyn()
setattr(d, 'a', 1)
d.b = 2
print(getattr(d, 'a'), getattr(d, 'missing', 'default'), hasattr(d, 'b'), hasattr(d, 'c'))
delattr(d, 'a')
print(hasattr(d, 'a'), vars(d), sorted(d.__dict__))
try:
    d.nope
except AttributeError as e:
    print('AttributeError:', e)
try:
    getattr(d, 'nope')
except AttributeError as e:
    print('AttributeError:', e)
Dyn.shared = 'class attr'
print(d.shared, Dyn.shared)
class Methods:
    def m(self):
        return 'm'
obj = Methods()
bound = obj.m
print(bound(), Methods.m(obj), bound.__self__ is obj, bound.__func__ is Methods.m)
print(obj.m == obj.m, type(bound).__name__)
class WithSlotsLike:
    a = 1
    b = [1, 2]
w1, w2 = WithSlotsLike(), WithSlotsLike()
w1.b.append(3)
print(w2.b, WithSlotsLike.b)
class GetAttr:
    def __init__(self):
        self.real = 'real'
    def __getattr__(self, name):
        return 'virtual ' + name
g = GetAttr()
print(g.real, g.anything)
class Chain:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
        return self
print(Chain().add(1).add(2).add(3).items)
print(Temperature.scale, t.scale, Temperature.__name__)
class Outer:
    class Inner:
        value = 'inner'
print(Outer.Inner.value, Outer.Inner.__qualname__)
