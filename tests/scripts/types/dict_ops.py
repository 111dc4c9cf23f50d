# dict: insertion order, every method in the subset, views, errors.
d = {'b': 1, 'a': 2}
d['c'] = 3
print(d, list(d), len(d), d['a'], 'a' in d, 'z' not in d)
print(d.get('a'), d.get('z'), d.get('z', 'dflt'))
print(d.setdefault('a', 100), d.setdefault('new', []), d)
d['new'].append(1)
print(d.pop('new'), d.pop('zz', 'none'), d)
try:
    d.pop('zz')
except KeyError as e:
    print('KeyError:', e)
d.update({'a': 20, 'e': 5}); print(d)
d.update([('f', 6)], g=7); print(d)
d.update(h=8); print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(type(d.keys()).__name__, type(d.values()).__name__, type(d.items()).__name__)
print(d.keys(), d.values(), d.items())
c = d.copy(); c['x'] = 0; print(len(d), len(c))
c.clear(); print(c)
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), dict.fromkeys([]))
print(dict(), dict(a=1, b=2), dict([('x', 1), ('y', 2)]), dict({'k': 'v'}, z=26), dict(zip('ab', range(2))))
d2 = {}
d2[1] = 'int'; d2[1.0] = 'float overwrites'; d2[True] = 'bool overwrites'
print(d2)
d3 = {'x': 1}
d3['x'] = 2
del d3['x']
d3['x'] = 3
d3['w'] = 4
print(d3)
try:
    d3['missing']
except KeyError as e:
    print('KeyError:', e, repr(e))
try:
    del d3['missing']
except KeyError as e:
    print('KeyError:', e)
try:
    d3[[1]] = 0
except TypeError as e:
    print('TypeError:', e)
print({1: 'a'} == {1: 'a'}, {1: 'a', 2: 'b'} == {2: 'b', 1: 'a'}, {1: 1} != {1: 2})
print({(1, 2): 'tuple', None: 'none', 3.5: 'float', 'k': 'str', False: 'bool'})
for k, v in {'one': 1, 'two': 2}.items():
    print(k, v)
for k in {'p': 0, 'q': 0}:
    print(k)
counts = {}
for ch in 'mississippi':
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(max(counts, key=counts.get), sum(counts.values()), sorted(counts))
try:
    for k in counts:
        counts['new' + k] = 1
except RuntimeError as e:
    print('RuntimeError:', e)
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), big[999], list(big)[:5])
print(repr({}), str({'a': [1, {'b': None}]}), {'q': "it's"})
r = {}
r['self'] = r
print(r)
print('a' in {'a': 1}.keys(), 1 in {'a': 1}.values(), ('a', 1) in {'a': 1}.items())
print({**{'a': 1}, **{'a': 2, 'b': 3}})
nested = {'outer': {'inner': [1, 2]}}
nested['outer']['inner'].append(3)
print(nested, nested['outer']['inner'][-1])
