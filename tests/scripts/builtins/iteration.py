# Iteration builtins: len range enumerate zip map filter sorted reversed any all iter next.
print(len('abc'), len([1, 2]), len({}), len(range(5)), len((1,)), len(b'xy'), len({1, 2}))
print(list(enumerate('abc')), list(enumerate('ab', 1)), list(enumerate([], 5)))
print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip([1], [2], [3])), list(zip(*[(1, 'a'), (2, 'b')])))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(abs, [-1, -2])))
print(list(filter(None, [0, 1, '', 'a', None, []])), list(filter(lambda x: x > 1, [1, 2, 3])))
print(sorted([3, 1, 2]), sorted('cba'), sorted({3: 'x', 1: 'y'}), sorted([1, -2, 3], key=abs, reverse=True))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(3))), list(reversed((1, 2))))
print(any([]), any([0, 0, 1]), all([]), all([1, 0]), any(x > 2 for x in [1, 3]), all('abc'))
it = iter([1, 2])
print(next(it), next(it), next(it, None))
try:
    next(it)
except StopIteration:
    print('StopIteration')
it2 = iter('xy')
print(list(it2), list(it2))
m = map(lambda x: x * 10, range(3))
print(type(m).__name__, next(m), list(m))
z = zip('ab', 'cd')
print(type(z).__name__, next(z), list(z))
f = filter(None, [1, 0, 2])
print(type(f).__name__, list(f))
e = enumerate('q')
print(type(e).__name__, next(e))
calls = []
def sentinel():
    calls.append(1)
    return len(calls)
print(list(iter(sentinel, 4)))
print(sorted([('b', 2), ('a', 2), ('c', 1)], key=lambda kv: kv[1]))
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print('TypeError:', e)
try:
    reversed(5)
except TypeError as e:
    print('TypeError:', e)
try:
    next([1])
except TypeError as e:
    print('TypeError:', e)
d = {'a': 1, 'b': 2}
print(list(zip(d, d.values())), dict(enumerate('ab')), list(map(len, ['', 'ab'])))
print([x for x, _ in zip(range(100), range(3))], sum(map(int, '12345')))
