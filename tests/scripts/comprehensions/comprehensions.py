# List, dict, set comprehensions and generator expressions with nested for/if.
print([x * 2 for x in range(5)])
print([x for x in range(20) if x % 2 if x % 3])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
print([c.upper() for c in 'hello' if c != 'l'])
print({x: x * x for x in range(5)})
print({k: v for k, v in zip('abc', [1, 2, 3]) if v != 2})
print({v: k for k, v in {'a': 1, 'b': 2}.items()})
print(sorted({x % 4 for x in range(20)}))
print(sorted({len(w) for w in ['a', 'bb', 'cc', 'ddd']}))
print(list(x + 1 for x in [10, 20]))
print(sum(x * x for x in range(10)), any(x > 8 for x in range(10)), all(x < 5 for x in range(10)))
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2 == 0])
x = 'outer'
print([x for x in 'ab'], x)
print([i for i in range(3)], 'i' in dir())
n = 3
print([n * i for i in range(n)])
def scoped():
    k = 10
    return [k + j for j in range(3)]
print(scoped())
class C:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
print(C.doubled)
print([(lambda y: y * i)(2) for i in range(3)])
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
print({(a, b): a * b for a in range(2) for b in range(2)})
print([x if x % 2 else -x for x in range(6)])
print([y for x in [[1, [2]], [3, [4]]] for y in x[1]])
words = ['apple', 'banana', 'cherry']
print({w[0]: len(w) for w in words})
print([len(s) for s in (w.upper() for w in words)])
nested = [[[i, j, k] for k in range(2)] for j in range(2) for i in range(2)]
print(len(nested), nested[3])
print([i for i in range(10)][::3])
print(sorted({c for c in 'mississippi'}))
print(dict((k, v) for k, v in [('x', 1), ('y', 2)]))
print(list(map(lambda p: p[0] * p[1], [(i, j) for i in range(3) for j in range(2)])))
print([*[x for x in range(3)], *{x for x in range(3, 5)}])
try:
    [undefined_name for _ in range(1)]
except NameError as e:
    print('NameError:', e)
print([a for a, *b in [(1, 2, 3), (4, 5)]], [b for a, *b in [(1, 2, 3), (4, 5)]])
