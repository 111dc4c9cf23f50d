# Recursion through native code (key functions, __repr__, __eq__, __init__) is bounded too.
class Deep:
    def __init__(self, n):
        self.inner = Deep(n + 1) if n < 10 ** 6 else None
try:
    Deep(0)
except RecursionError as e:
    print('__init__ recursion:', type(e).__name__)
class SelfRepr:
    def __repr__(self):
        return 'SelfRepr(' + repr(self) + ')'
try:
    repr(SelfRepr())
except RecursionError as e:
    print('__repr__ recursion:', type(e).__name__)
class SelfStr:
    def __str__(self):
        return str(self)
try:
    print(SelfStr())
except RecursionError as e:
    print('__str__ recursion:', type(e).__name__)
class EqLoop:
    def __eq__(self, other):
        return self == other
try:
    EqLoop() == EqLoop()
except RecursionError as e:
    print('__eq__ recursion:', type(e).__name__)
def key(x):
    return sorted([x], key=key)
try:
    sorted([1], key=key)
except RecursionError as e:
    print('key function recursion:', type(e).__name__)
class Hashy:
    def __hash__(self):
        return hash(self)
try:
    {Hashy()}
except RecursionError as e:
    print('__hash__ recursion:', type(e).__name__)
def via_map(n):
    return list(map(via_map, [n + 1]))
try:
    via_map(0)
except RecursionError as e:
    print('map recursion:', type(e).__name__)
class GetItem:
    def __getitem__(self, i):
        return self[i + 1]
try:
    GetItem()[0]
except RecursionError as e:
    print('__getitem__ recursion:', type(e).__name__)
class Attr:
    def __getattr__(self, name):
        return getattr(self, name + 'x')
try:
    Attr().a
except RecursionError as e:
    print('__getattr__ recursion:', type(e).__name__)
nested = []
for _ in range(100000):
    nested = [nested]
try:
    repr(nested)
    print('repr of deeply nested list done')
except RecursionError as e:
    print('nested list repr:', type(e).__name__)
d = {}
for _ in range(100000):
    d = {'k': d}
try:
    d == d
    s = str(d)
    print('nested dict str done')
except RecursionError as e:
    print('nested dict str:', type(e).__name__)
print('alive')
