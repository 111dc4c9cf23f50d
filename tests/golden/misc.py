def params(a, /, b, *, c=3, **rest):
    return a, b, c, rest

def call_forms(f, args, kw):
    f(1, *args, x=2, **kw)
    f(*args)
    f(**kw)
    obj.method(1, key=2)
    return f(a=1)(b=2)

class Point(*bases, **options):
    __slots__ = ('x', 'y')
    def __repr__(self):
        return f'{type(self).__name__}({self.x}, {self.y:.2f})'

def scopes():
    x = 1
    def reader():
        return x
    def writer():
        nonlocal x
        x = 2
        del x
    return reader, writer

def finally_overrides():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i == 1:
                break
            continue

def slices(a):
    a[1:2], a[::3] = a[-1:], a[:]
    del a[0], a.b, a[1:]
    a.b.c += a[0][1]
    x: int = 5
    y: list
    return x if x else -x
