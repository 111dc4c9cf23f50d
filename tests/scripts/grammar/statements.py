# Simple statements: pass, assert, global, del, semicolons, expression statements.
pass
x = 1; y = 2; print(x + y)
if x: pass
assert x == 1
assert True, 'never shown'
try:
    assert 1 > 2, 'one is not greater'
except AssertionError as e:
    print('AssertionError', e.args)
try:
    assert False
except AssertionError as e:
    print('bare', repr(e), e.args)
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def make_global():
    global created_here
    created_here = 'made'
make_global()
print(created_here)
class C:
    pass
while False: pass
for _ in (): pass
def f(): pass
print(f())
print(C.__name__)
if x == 1: print('one-line if')
else: print('no')
while x < 3: x += 1
print(x)
for i in range(2): print('loop', i)
with open(__file__) as fh: print(len(fh.readline()) > 0)
def g(): return 'g'
print(g())
class D: attr = 1
print(D.attr)
try: raise ValueError('v')
except ValueError: print('caught')
finally: print('finally')
(lambda: None)()
'docstring-like expression'
...
print(...)
print(Ellipsis)
a = [1, 2, 3]
a[1:2]
print(a)
