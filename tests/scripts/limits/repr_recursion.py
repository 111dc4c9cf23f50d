# A __repr__ that recurses forever ends in RecursionError, caught; the program continues.
class Loop:
    def __repr__(self):
        return 'Loop(%r)' % (self,)
try:
    repr(Loop())
except RecursionError as e:
    print('RecursionError caught:', e)
try:
    print([Loop()])
except RecursionError:
    print('RecursionError via list repr')
try:
    f'{Loop()!r}'
except RecursionError:
    print('RecursionError via f-string')
class Mutual:
    def __init__(self):
        self.other = None
    def __repr__(self):
        return 'M[' + repr(self.other) + ']'
a, b = Mutual(), Mutual()
a.other, b.other = b, a
try:
    str(a)
except RecursionError:
    print('RecursionError via mutual reprs')
l = [1]
l.append(l)
d = {'self': None}
d['self'] = d
print(l, d)
print('alive after', 1 + 1)
