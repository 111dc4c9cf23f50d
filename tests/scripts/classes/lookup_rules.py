# Attribute lookup rules: data descriptors beat instance dicts, super() in classmethods, late-added methods.
class Base:
    kind = 'base'
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, value):
        self._v = value * 2
    @classmethod
    def create(cls):
        return cls.__name__ + ' via Base.create'
    @staticmethod
    def helper(x):
        return x + 1
    def __repr__(self):
        return 'Base()'
class Child(Base):
    kind = 'child'
    @classmethod
    def create(cls):
        return 'Child.create -> ' + super().create()
    @staticmethod
    def helper(x):
        return Base.helper(x) * 10
    def __repr__(self):
        return 'Child<' + super().__repr__() + '>'
    @property
    def v(self):
        return 'child sees ' + str(super().v)
c = Child()
print(c.create(), Child.create(), Base.create(), c.helper(1), Base.helper(1), repr(c))
print(c.v)
try:
    c.v = 5
except AttributeError as e:
    print('AttributeError: read-only property in subclass')
b = Base()
b.v = 5
print(b.v, b.__dict__)
b.__dict__['v'] = 'instance dict'
print(b.v)
class Plain:
    attr = 'class'
p = Plain()
p.__dict__['attr'] = 'instance'
print(p.attr, Plain.attr)
del p.attr
print(p.attr)
Plain.attr = 'changed class'
print(p.attr)
def late(self):
    return 'late method on ' + type(self).__name__
Plain.late = late
print(p.late(), Plain.late(p))
p.func = lambda: 'instance function, not bound'
print(p.func())
print(Child.kind, c.kind, super(Child, c).kind, Child.__mro__[1].kind)
class A:
    def who(self):
        return 'A'
class B(A):
    def who(self):
        return 'B>' + super().who()
class C(A):
    def who(self):
        return 'C>' + super().who()
class D(B, C):
    pass
print(D().who(), super(B, D()).who(), super(C, D()).who())
class Counter:
    instances = 0
    def __init__(self):
        type(self).instances += 1
class SubCounter(Counter):
    pass
Counter(); SubCounter(); SubCounter()
print(Counter.instances, SubCounter.instances)
class WithClassVarList:
    shared = []
    def add(self, x):
        self.shared.append(x)
w1, w2 = WithClassVarList(), WithClassVarList()
w1.add(1); w2.add(2)
print(WithClassVarList.shared, w1.shared is w2.shared)
class Outer:
    x = 1
    class Inner:
        try:
            y = x
        except NameError as e:
            y = 'NameError: ' + str(e)
print(Outer.Inner.y)
class Shadow:
    def method(self):
        return 'method'
s = Shadow()
s.method = lambda: 'shadowed by instance attribute'
print(s.method(), Shadow().method())
print(type(Base.__dict__['create']).__name__, type(Child.__dict__['helper']).__name__, isinstance(Base.v, property))
print(Base.v.fget(b), Base.v.__get__(b, Base), Base.__dict__['v'].fset is not None)
