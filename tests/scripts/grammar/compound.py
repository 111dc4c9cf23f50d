# Compound statements: if/elif/else, while/else, for/else, try forms, with, def, class.
def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'large'
for n in (-5, 0, 3, 42):
    print(n, classify(n))
i = 0
while i < 3:
    i += 1
else:
    print('while finished', i)
i = 0
while True:
    i += 1
    if i == 4:
        break
else:
    print('not printed')
print('broke at', i)
for x in range(3):
    pass
else:
    print('for finished', x)
for x in range(10):
    if x == 2:
        break
else:
    print('not printed')
print('for broke at', x)
for x in []:
    print('never')
else:
    print('empty loop else')
total = 0
for x in range(10):
    if x % 2:
        continue
    total += x
print('even total', total)
for a in range(3):
    for b in range(3):
        if b == a:
            break
        print('pair', a, b)
try:
    v = 1
except ValueError:
    print('no')
else:
    print('else ran', v)
finally:
    print('finally ran')
try:
    int('x')
except (TypeError, ValueError) as e:
    print('tuple caught', type(e).__name__)
try:
    {}['missing']
except Exception:
    print('bare Exception caught')
try:
    [][0]
except:
    print('bare except caught')
class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None)
        return False
with Ctx('a') as A, Ctx('b') as B:
    print('body', A, B)
with Ctx('c'):
    print('no as')
def deco(fn):
    fn.tag = 'decorated'
    return fn
@deco
def tagged():
    return 1
print(tagged.tag, tagged())
def outer():
    def inner():
        return 'inner'
    return inner()
print(outer())
class Base:
    kind = 'base'
class Derived(Base):
    def who(self):
        return self.kind + '/derived'
print(Derived().who())
if True:
    if False:
        pass
    else:
        if 1:
            print('nested ok')
