# with: __enter__/__exit__ order, exception info passed to __exit__, suppression, nesting.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print('exit', self.name, t.__name__ if t else None, repr(v), tb is not None)
        return self.suppress
with CM('a') as a, CM('b') as b:
    print('body', a, b)
with CM('outer'):
    with CM('inner', suppress=True):
        raise ValueError('inner error')
    print('after inner')
try:
    with CM('x'), CM('y'):
        raise KeyError('both see it')
except KeyError:
    print('propagated')
with CM('suppress-outer', suppress=True), CM('inner2'):
    raise TypeError('t')
print('continued')
class EnterFails:
    def __enter__(self):
        raise RuntimeError('enter failed')
    def __exit__(self, *a):
        print('never called')
try:
    with EnterFails():
        print('never')
except RuntimeError as e:
    print('RuntimeError:', e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise ValueError('from exit')
try:
    with ExitRaises():
        raise KeyError('original')
except ValueError as e:
    print('exit exception wins', e, repr(e.__context__))
def in_function():
    with CM('f'):
        return 'value'
print(in_function())
for i in range(3):
    with CM('loop'):
        if i == 1:
            break
with open(__file__) as f:
    first = f.readline()
print(first.strip(), f.closed)
class NoExit:
    def __enter__(self):
        return 1
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__)
with CM('t1') as (x):
    print(x)
class Tup:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        return False
with Tup() as (p, q):
    print(p, q)
