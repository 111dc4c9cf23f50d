# isinstance / issubclass with tuples, builtin types, type(), object.
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, B), isinstance(b, A), isinstance(b, C), isinstance(b, (C, A)), isinstance(b, (C,)))
print(isinstance(b, object), isinstance(A, type), isinstance(type, type), isinstance(object, type))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(B, B), issubclass(bool, int))
print(isinstance(True, int), isinstance(1, bool), isinstance(1, (str, float)), isinstance(1.0, float))
print(isinstance('s', str), isinstance(b'', bytes), isinstance([], list), isinstance((), tuple))
print(isinstance({}, dict), isinstance(set(), set), isinstance(range(1), range), isinstance(None, type(None)))
print(isinstance(len, object), isinstance(ValueError(), Exception), issubclass(KeyError, LookupError))
print(isinstance(b, ((C, (A,)),)))
print(type(1), type('a'), type(1.5), type(None), type(True), type([]), type(b), type(B), type(type))
print(type(1) is int, type(True) is bool, type(b) == B, type(b) is A)
print(int.__name__, str.__name__, B.__name__, type(b).__name__)
print(object.__name__, type(object()).__name__, A.__bases__, object.__bases__)
try:
    isinstance(1, 2)
except TypeError as e:
    print('TypeError:', e)
try:
    issubclass(1, int)
except TypeError as e:
    print('TypeError:', e)
print(isinstance(int, type), issubclass(type, object), issubclass(object, type))
def f(): pass
print(type(f).__name__, type(lambda: 0).__name__, type(print).__name__, type(A().f if False else b).__name__)
print(isinstance(ZeroDivisionError(), (ArithmeticError, KeyError)), issubclass(RecursionError, RuntimeError))
print(type(b).__mro__ == (B, A, object), B.__mro__[1] is A)
