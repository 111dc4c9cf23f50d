# Decorators: plain, with arguments, stacked, on methods, preserving state.
def trace(fn):
    def wrapper(*args, **kwargs):
        print('call', fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print('ret', result)
        return result
    return wrapper
@trace
def add(a, b=0):
    return a + b
add(1, b=2)
add(3)
def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return 'hi ' + name
print(hello('bob'))
def bold(fn):
    return lambda: '<b>' + fn() + '</b>'
def italic(fn):
    return lambda: '<i>' + fn() + '</i>'
@bold
@italic
def text():
    return 'txt'
print(text())
registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn
@register
def a(): pass
@register
def b(): pass
print(registry, a is not None)
def count_calls(fn):
    def wrapper(*args):
        wrapper.calls += 1
        return fn(*args)
    wrapper.calls = 0
    return wrapper
@count_calls
def square(x):
    return x * x
print(square(3), square(4), square.calls)
class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
def method_deco(fn):
    def wrapper(self, *args):
        return 'decorated ' + fn(self, *args)
    return wrapper
class Greeter:
    @method_deco
    def greet(self, who):
        return 'hello ' + who
print(Greeter().greet('you'))
@(lambda fn: fn)
def identity_deco():
    return 'id'
print(identity_deco())
decos = [trace]
@decos[0]
def indexed():
    return 'indexed'
indexed()
