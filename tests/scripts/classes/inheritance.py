# Single and multiple inheritance, C3 MRO, super() with and without arguments.
class Animal:
    sound = '...'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + ' says ' + self.sound
    def kind(self):
        return 'animal'
class Dog(Animal):
    sound = 'woof'
    def kind(self):
        return 'dog < ' + super().kind()
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def kind(self):
        return 'puppy < ' + super(Puppy, self).kind()
p = Puppy('rex', 1)
print(p.speak(), p.age, p.kind())
print(Puppy.__mro__)
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.__bases__, Dog.__base__ if hasattr(Dog, '__base__') else None)
class A:
    def who(self):
        return ['A']
class B(A):
    def who(self):
        return ['B'] + super().who()
class C(A):
    def who(self):
        return ['C'] + super().who()
class D(B, C):
    def who(self):
        return ['D'] + super().who()
print(D().who())
print([k.__name__ for k in D.__mro__])
class O: pass
class X(O): pass
class Y(O): pass
class Z(O): pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print([k.__name__ for k in M.__mro__])
try:
    class Bad(X, K1):
        pass
except TypeError as e:
    print('TypeError:', e)
class Base:
    def __init__(self):
        self.log = ['Base']
class Left(Base):
    def __init__(self):
        super().__init__()
        self.log.append('Left')
class Right(Base):
    def __init__(self):
        super().__init__()
        self.log.append('Right')
class Both(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append('Both')
print(Both().log)
class Shape:
    def area(self):
        raise NotImplementedError('subclass must implement')
    def describe(self):
        return type(self).__name__ + ' area ' + str(self.area())
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
print(Square(3).describe())
try:
    Shape().describe()
except NotImplementedError as e:
    print('NotImplementedError:', e)
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
a, b, c = Counter(), Counter(), Counter()
print(Counter.count, a.id, c.id, a.count)
a.count = 'shadowed'
print(a.count, b.count, Counter.count)
class Explicit(Dog):
    def speak(self):
        return Dog.speak(self) + '!'
print(Explicit('fido').speak())
print(super(Dog, Puppy('x', 0)).kind())
class WithClassSuper(Dog):
    @classmethod
    def make(cls):
        return super().__name__ if False else cls.__name__
print(WithClassSuper.make())
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), isinstance(p, Dog), type(p) is Puppy)
print(Puppy.__name__, Puppy.__qualname__, p.__class__.__name__, p.__dict__)
