# Object builtins: repr str type isinstance hasattr getattr setattr delattr id hash callable chr ord format dir vars globals locals.
class P:
    cls_attr = 1
    def __init__(self):
        self.a = 1
        self.b = 'two'
    def method(self):
        pass
p = P()
print(repr('x'), repr(1), repr([1, 'a']), str('x'), str(1.0), repr(None), repr(P) , str(P))
print(hasattr(p, 'a'), hasattr(p, 'method'), hasattr(p, 'cls_attr'), hasattr(p, 'zz'))
print(getattr(p, 'b'), getattr(p, 'zz', None), getattr(P, 'cls_attr'), getattr('abc', 'upper')())
setattr(p, 'c', 3); print(p.c)
delattr(p, 'c'); print(hasattr(p, 'c'))
print(id(p) == id(p), id(p) != id(P()), type(id(p)).__name__)
print(hash(1) == hash(1.0), hash('a') == hash('a'), hash((1, 2)) == hash((1, 2)), hash(None) == hash(None), type(hash(p)).__name__)
print(callable(print), callable(P), callable(p.method), callable(p), callable(None), callable(lambda: 0))
print(chr(65), chr(8364), ord('a'), ord('€'), [chr(c) for c in range(97, 100)])
print(format(3.14159, '.2f'), format(42, '05d'), format('s', '>4'), format(1234567, ','), format(255, 'x'), format(1.0), format(7))
print('a' in dir(p), 'method' in dir(p), 'cls_attr' in dir(P), sorted(k for k in dir(p) if not k.startswith('_')))
print(vars(p), sorted(vars(P).keys() - {'__dict__', '__weakref__', '__module__', '__doc__', '__init__'}) if False else sorted(vars(p)))
g = globals()
print(type(g).__name__, g['P'] is P, '__name__' in g, g['__name__'])
def show_locals(x, y=2):
    z = x + y
    return sorted(locals().items())
print(show_locals(1))
GLOBAL_VAL = 5
def read_globals():
    return globals()['GLOBAL_VAL']
print(read_globals())
globals()['injected'] = 'via globals'
print(injected)
for bad in [lambda: chr(-1), lambda: ord('ab'), lambda: getattr(p, 'nope'), lambda: delattr(p, 'nope'), lambda: hash([])]:
    try:
        bad()
    except (ValueError, TypeError, AttributeError) as e:
        print(type(e).__name__ + ':', e)
print(type(p).__name__, type(p) is P, type(3)(4.5), type('')(), type([])('ab'))
print(object(), 'x') if False else print(type(object()).__name__)
o = object()
try:
    o.attr = 1
except AttributeError as e:
    print('AttributeError:', e)
print(str(p).startswith('<__main__.P object at 0x'), repr(p) == str(p))
print(repr(P.method).startswith('<function P.method at 0x'), repr(print), repr(len))
