# range and slice objects.
r = range(10)
print(r, range(1, 5), range(0, 10, 3), range(5, 0, -1), list(range(5, 0, -2)), list(range(0)))
print(len(range(10)), len(range(1, 10, 3)), len(range(10, 0)), len(range(10, 0, -3)), len(range(-5, 5)))
print(r[0], r[-1], r[2:5], r[::2], r[::-1], list(r[::-3]), r[3:1])
print(3 in r, 10 in r, -1 in r, 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print(r.start, r.stop, r.step, range(3).step, r.index(4), r.count(4))
print(range(3) == range(0, 3), range(0) == range(5, 5), range(0, 3, 2) == range(0, 4, 2))
print(list(range(-3, 3)), list(range(10, -10, -7)), sum(range(101)), max(range(7)))
try:
    range(0, 10, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    range(3)[5]
except IndexError as e:
    print('IndexError:', e)
try:
    range(1.5)
except TypeError as e:
    print('TypeError:', e)
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, 3), slice(1, None, -1))
data = list(range(20))
print(data[s], data[slice(3)], data[slice(-3, None)], 'abcdef'[slice(1, 5, 2)], data[slice(None, None, -5)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), repr(slice(None)))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-2, 100).indices(10))
it = iter(range(3))
print(next(it), next(it), next(it), next(it, 'stop'))
print(list(reversed(range(4))), list(enumerate(range(3, 6))), sorted(range(5), reverse=True))
print(range(0, 10, 2)[1:3], range(10)[-100:100])
