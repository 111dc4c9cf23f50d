# Class statements with bases, decorators and keyword arguments.
def register(cls):
    cls.registered = True
    return cls
@register
class A:
    pass
print(A.registered)
class B(A, object):
    pass
print(B.__bases__ == (A, object), B.registered)
class C():
    x = 1
print(C.x, C.__bases__)
def add_method(cls):
    def hello(self):
        return 'hello from ' + type(self).__name__
    cls.hello = hello
    return cls
@register
@add_method
class D:
    pass
print(D().hello(), D.registered)
print(type(A).__name__, type(A()) is A)
