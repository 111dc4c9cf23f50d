# Parameters: defaults, *args, keyword-only, **kwargs, call forms.
def f(a, b=2, c=3):
    return (a, b, c)
print(f(1), f(1, 5), f(1, c=9), f(c=0, b=1, a=2), f(*(7, 8)), f(**{'a': 1, 'c': 2}))
def g(*args):
    return args
print(g(), g(1), g(1, 2, 3), g(*'ab'), g(*[], *[1]))
def h(a, *args, key='k', **kw):
    return a, args, key, kw
print(h(1))
print(h(1, 2, 3, key='x', extra=True, more=None))
print(h(a=5, z=1))
def kwonly(*, x, y=10):
    return x, y
print(kwonly(x=1), kwonly(y=2, x=3))
def kw(**kwargs):
    return sorted(kwargs.items())
print(kw(), kw(b=2, a=1), kw(**{'x': 1}, y=2))
def defaults_evaluated_once(item, acc=[]):
    acc.append(item)
    return acc
print(defaults_evaluated_once(1), defaults_evaluated_once(2))
counter = 10
def default_snapshot(v=counter):
    return v
counter = 20
print(default_snapshot())
print(f.__name__, f.__defaults__, kwonly.__kwdefaults__)
def no_return():
    pass
print(no_return())
def multiple_returns(x):
    if x:
        return 1, 2
    return
print(multiple_returns(True), multiple_returns(False))
for bad in [lambda: f(), lambda: f(1, 2, 3, 4), lambda: f(1, a=1), lambda: kwonly(1), lambda: kwonly(), lambda: f(1, d=4), lambda: g(x=1)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
def doc():
    "The docstring."
    return doc.__doc__
print(doc())
def args_and_kwargs_passthrough(*a, **k):
    return h(*a, **k)
print(args_and_kwargs_passthrough(1, 2, key=3, q=4))
def unpack_in_params(first, second):
    return first * second
pairs = [(2, 3), (4, 5)]
print([unpack_in_params(*p) for p in pairs])
print(f(1, *[2], **{'c': 3}))
def order(a, b, *args, c, d=4, **kw):
    return [a, b, args, c, d, kw]
print(order(1, 2, 3, 4, c=5, e=6))
print(order(*range(5), c=0))
