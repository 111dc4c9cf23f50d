# Dunder methods returning the wrong type, missing protocols, fallbacks and NotImplemented rules.
class BadBool:
    def __bool__(self):
        return 1
class BadLen:
    def __len__(self):
        return 'x'
class BadRepr:
    def __repr__(self):
        return 5
class BadStr:
    def __str__(self):
        return None
class BadIter:
    def __iter__(self):
        return 5
class BadHash:
    def __hash__(self):
        return 'h'
class BadIndex:
    pass
for label, fn in [('bool', lambda: bool(BadBool())), ('len', lambda: len(BadLen())), ('repr', lambda: repr(BadRepr())),
                  ('str', lambda: str(BadStr())), ('iter', lambda: iter(BadIter())), ('hash', lambda: hash(BadHash())),
                  ('index', lambda: [1, 2][BadIndex()]), ('call', lambda: BadIndex()()), ('neg', lambda: -BadIndex()),
                  ('add', lambda: BadIndex() + 1), ('lt', lambda: BadIndex() < BadIndex()), ('getitem', lambda: BadIndex()[0]),
                  ('setitem', lambda: BadIndex().__setitem__), ('contains', lambda: 1 in BadIndex()), ('for', lambda: [x for x in BadIndex()])]:
    try:
        print(label, 'ok', fn() is not None)
    except (TypeError, AttributeError) as e:
        print(label, type(e).__name__ + ':', e)
class ReprOnly:
    def __repr__(self):
        return 'ReprOnly!'
print(str(ReprOnly()), '%s' % ReprOnly(), f'{ReprOnly()}', [ReprOnly()])
class IterContains:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in IterContains(), 5 in IterContains())
class GetitemIter:
    def __getitem__(self, i):
        if i < 3:
            return i * i
        raise IndexError
print(list(GetitemIter()), 4 in GetitemIter(), 5 in GetitemIter())
class NoHash:
    __hash__ = None
try:
    hash(NoHash())
except TypeError as e:
    print('TypeError:', e)
class BothNotImpl:
    def __eq__(self, other):
        return NotImplemented
a = BothNotImpl()
print(a == a, a == BothNotImpl(), a != a, a != BothNotImpl())
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, EqOnly) and self.v == other.v
print(EqOnly(1) != EqOnly(1), EqOnly(1) != EqOnly(2), EqOnly.__hash__ is None)
class Ordered:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __gt__(self, other):
        return self.v > other.v
print(Ordered(1) > Ordered(0), Ordered(1) < Ordered(0), sorted([Ordered(2), Ordered(1)])[0].v)
class RichBool:
    def __len__(self):
        return 0
    def __bool__(self):
        return True
print(bool(RichBool()), len(RichBool()))
class Callable:
    def __call__(self, *a, **k):
        return a, k
c = Callable()
print(c(1, x=2), callable(c), list(map(c, [1, 2])))
class InitReturns:
    def __init__(self):
        return 5
try:
    InitReturns()
except TypeError as e:
    print('TypeError:', e)
class Meth:
    def m(self):
        return 'm'
try:
    Meth.m()
except TypeError as e:
    print('TypeError:', e)
try:
    Meth().m(1)
except TypeError as e:
    print('TypeError:', e)
try:
    object.nonexistent
except AttributeError as e:
    print('AttributeError:', e)
try:
    Meth.nonexistent
except AttributeError as e:
    print('AttributeError:', e)
try:
    None.foo
except AttributeError as e:
    print('AttributeError:', e)
try:
    (1).foo = 2
except AttributeError as e:
    print('AttributeError:', e)
