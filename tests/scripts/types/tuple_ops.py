# tuple: creation, indexing, slicing, methods, comparison, hashing, unpacking.
t = (1, 'two', 3.0, None, (4, 5))
print(t, len(t), t[1], t[-1][0], t[1:3], t[::-2], t.index(3.0), t.count(None))
print((), (1,), tuple(), tuple([1, 2]), tuple('ab'), tuple(range(3)), tuple(x * 2 for x in range(3)))
print((1, 2) + (3,), (0,) * 3, (1, 2) == (1, 2), (1, 2) < (1, 3), (1,) < (1, 0), 2 in (1, 2))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): 'x'}[(1, 2)], (1, 2) != [1, 2])
a, b, c = (1, 2, 3)
print(a, b, c)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print('ValueError:', e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print('ValueError:', e)
try:
    t[0] = 5
except TypeError as e:
    print('TypeError:', e)
try:
    hash((1, [2]))
except TypeError as e:
    print('TypeError:', e)
try:
    (1, 2).index(9)
except ValueError as e:
    print('ValueError:', e)
print(max((3, 1, 2)), sorted((3, 1, 2)), sum((1, 2)), repr((1,)), str(('a', "b'c")))
nested = ((1, 2), (3, 4))
print([x for pair in nested for x in pair], dict(nested))
print(tuple([1, [2, 3]])[1][0], (1, 2)[5:], ((),), type((1)), type((1,)))
print(tuple(reversed((1, 2, 3))), (1, 2, 3)[-5:5], divmod(9, 4))
