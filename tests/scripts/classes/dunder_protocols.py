# Container, iteration, call, context-manager, str/repr, bool/len dunders.
class Grid:
    def __init__(self):
        self.data = {}
    def __getitem__(self, key):
        print('get', key)
        return self.data.get(key, 0)
    def __setitem__(self, key, value):
        print('set', key, value)
        self.data[key] = value
    def __delitem__(self, key):
        print('del', key)
        del self.data[key]
    def __contains__(self, key):
        return key in self.data
    def __len__(self):
        return len(self.data)
g = Grid()
g[1, 2] = 'a'
g['k'] = 'b'
print(g[1, 2], g[0, 0], len(g), (1, 2) in g, 'zz' in g, 'zz' not in g)
del g['k']
print(len(g), bool(g))
class Sliced:
    def __getitem__(self, item):
        return repr(item)
s = Sliced()
print(s[1], s[1:2], s[::3], s[1:2, 3], s[...], s[:, None])
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), [x for x in Seq()])
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), sum(Countdown(5)), max(Countdown(4)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, 'done'))
class Coll:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        return iter(self.items)
print(sorted(Coll([3, 1, 2])), 2 in Coll([1, 2]), tuple(Coll('ab')))
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale
add = Adder(10)
print(add(1), add(1, 2, 3), add(1, scale=2), callable(add), callable(Adder), callable(5))
class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with Resource('r1') as r:
    print('inside', r.name)
with Resource('r2', suppress=True):
    raise ValueError('swallowed')
print('after suppression')
try:
    with Resource('r3'):
        raise KeyError('propagates')
except KeyError as e:
    print('caught', repr(e))
def early():
    with Resource('r4'):
        return 'returned'
print(early())
for i in range(2):
    with Resource('loop%d' % i):
        if i == 0:
            continue
        break
class Pretty:
    def __str__(self):
        return 'str form'
    def __repr__(self):
        return 'repr form'
p = Pretty()
print(p, str(p), repr(p), [p], (p,), {'k': p}, f'{p} {p!r}', '%s %r' % (p, p))
class OnlyRepr:
    def __repr__(self):
        return 'OnlyRepr()'
print(OnlyRepr(), str(OnlyRepr()), format(OnlyRepr()))
class Truthy:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print('bool called')
        return self.v
print(bool(Truthy(False)), 'yes' if Truthy(True) else 'no', not Truthy(True))
class Sized:
    def __len__(self):
        return 3
print(len(Sized()), bool(Sized()))
try:
    len(5)
except TypeError as e:
    print('TypeError:', e)
try:
    five = 5
    five()
except TypeError as e:
    print('TypeError:', e)
try:
    Countdown(1)[0]
except TypeError as e:
    print('TypeError:', e)
try:
    iter(5)
except TypeError as e:
    print('TypeError:', e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print('ValueError:', e)
