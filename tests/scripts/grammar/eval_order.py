# Evaluation order: operands, arguments, targets, subscripts in augmented assignment, dict displays.
def t(tag, value=None):
    print('eval', tag)
    return value if value is not None else tag
class Rec:
    def __setitem__(self, k, v):
        print('setitem', k, v)
    def __getitem__(self, k):
        print('getitem', k)
        return 10
    def __setattr__(self, name, v):
        print('setattr', name, v)
r = Rec()
print(t('left', 1) + t('right', 2) * t('mul', 3))
t('func', print)(t('arg1'), t('arg2'))
r[t('key')] = t('value')
r[t('k2')] += t('inc', 5)
a = b = t('chained', [])
print(a is b)
x, r.attr = t('tuple', (1, 2))
d = {t('k1'): t('v1'), t('k2b'): t('v2')}
print(d)
lst = [t('e1'), t('e2')]
print(t('cond', True) and t('and_rhs') or t('or_rhs'))
print(t('c') if t('test', False) else t('else'))
print([t('comp%d' % i) for i in range(2)])
print(t('a', 1) < t('b', 2) < t('c', 0) < t('d', 5))
def kw(**k):
    return sorted(k)
print(kw(z=t('z'), a=t('a')))
s = [0, 1, 2]
i = 0
i, s[i] = 1, 'x'
print(i, s)
arr = [[0, 0], [0, 0]]
arr[t('row', 1)][t('col', 0)] = t('val', 9)
print(arr)
class Obj:
    pass
o = Obj()
o.items = [1, 2, 3]
o.items[t('idx', 1)] *= t('factor', 10)
print(o.items)
print(t('x', 1) if t('first', 1) else t('never'))
print(f"{t('f1')}{t('f2')}")
def defaults(a=t('default evaluated at def')):
    return a
print(defaults())
@t('decorator expr', lambda f: f)
def decorated():
    return 'decorated'
print(decorated())
