# Rich comparison dunders, __hash__/__eq__ in dicts and sets, reflected comparisons.
class V:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return 'V(%d)' % self.v
    def __eq__(self, other):
        print('eq', self.v, other.v if isinstance(other, V) else other)
        return isinstance(other, V) and self.v == other.v
    def __ne__(self, other):
        return not self == other
    def __lt__(self, other):
        return self.v < other.v
    def __le__(self, other):
        return self.v <= other.v
    def __gt__(self, other):
        return self.v > other.v
    def __ge__(self, other):
        return self.v >= other.v
    def __hash__(self):
        return hash(self.v)
a, b, c = V(1), V(2), V(1)
print(a == c, a != b, a < b, a <= c, b > a, b >= c)
print(sorted([V(3), V(1), V(2)]), max(V(5), V(9)), min([V(4), V(0)]))
d = {a: 'a'}
print(d[c])
s = {a, b, c}
print(len(s))
print(a in [b, c])
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
print(OnlyLt(1) < OnlyLt(2), OnlyLt(3) > OnlyLt(2))
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError as e:
    print('TypeError:', e)
class NoEq:
    pass
x = NoEq()
print(x == x, x == NoEq(), x != NoEq(), hash(x) == hash(x))
class EqNoHash:
    def __eq__(self, other):
        return True
try:
    hash(EqNoHash())
except TypeError as e:
    print('TypeError:', e)
try:
    {EqNoHash()}
except TypeError as e:
    print('TypeError:', e)
print(EqNoHash.__hash__)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
pts = {Point(1, 2): 'a', Point(3, 4): 'b'}
print(pts[Point(1, 2)], Point(3, 4) in pts, Point(5, 6) in pts)
uniq = set([Point(0, 0), Point(0, 0), Point(1, 1)])
print(len(uniq), sorted(uniq, key=lambda p: p.x))
class Rev:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        print('Rev.__gt__ called')
        return self.v > other
print(5 < Rev(10))
class NotImpl:
    def __eq__(self, other):
        return NotImplemented
print(NotImpl() == 1, NotImpl() != 1)
try:
    V(1) < 3
except AttributeError as e:
    print('AttributeError')
try:
    NoEq() < NoEq()
except TypeError as e:
    print('TypeError:', e)
try:
    1 < 'a'
except TypeError as e:
    print('TypeError:', e)
