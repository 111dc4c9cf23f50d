# list: methods, slicing, slice assignment, sorting, comparison, errors.
l = [3, 1, 2]
l.append(5); print(l)
l.extend([7, 8]); print(l)
l.extend('ab'); print(l)
l.insert(0, 'first'); l.insert(100, 'end'); l.insert(-1, 'before end'); print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove('a'); print(l)
print(l.index(2), l.count(1), len(l), 7 in l, 'zz' not in l)
l.reverse(); print(l)
nums = [5, 2, 9, 1, 5, 6]
nums.sort(); print(nums)
nums.sort(reverse=True); print(nums)
words = ['banana', 'Apple', 'cherry', 'date']
words.sort(key=str.lower); print(words)
words.sort(key=len); print(words)
words.sort(key=lambda w: (-len(w), w)); print(words)
print(sorted([(2, 'b'), (1, 'z'), (2, 'a')]), sorted([3, 1, 2], reverse=True))
pairs = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')]
print(sorted(pairs, key=lambda p: p[0]))
c = nums.copy(); c.append(0); print(nums, c)
c.clear(); print(c)
m = list(range(10))
m[2:5] = ['x']; print(m)
m[::2] = 'ABCD'; print(m)
m[:] = [1, 2]; print(m)
m[1:1] = [9, 9]; print(m)
del m[0:2]; print(m)
m += [3]; m *= 2; print(m)
print([1, 2] + [3], [0] * 4, [[]] * 2, [1, 2] * 0)
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9])
print(list(), list('abc'), list(range(3)), list((1, 2)), list({'k': 1}), list(x for x in 'xy'))
print(max([3, 7, 2]), min([3, 7, 2]), sum([1, 2, 3]), [1, [2, [3]]][1][1][0])
nested = [[0] * 3 for _ in range(2)]
nested[0][0] = 1; print(nested)
alias = [[0] * 2] * 2
alias[0][0] = 1; print(alias)
for bad in [lambda: [].pop(), lambda: [1].index(5), lambda: [1].remove(5), lambda: [1, 2][5], lambda: [1][1:2].pop(3)]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__ + ':', e)
try:
    [1, 'a'].sort()
except TypeError as e:
    print('TypeError:', e)
x = [1, 2, 3]
x[-1] = 30; x[0] += 10; print(x, x[-3], x[::-1], x[5:], x[-1:-4:-1])
recursive = [1]
recursive.append(recursive); print(recursive)
stable = sorted(['bb', 'a', 'cc', 'b', 'aa'], key=len); print(stable)
print(list(reversed([1, 2, 3])), [1, 2, 3].index(3, 1), [1, 2, 1, 2].index(2, 2))
e = []
e.append(e is e); print(e, len([None] * 1000))
try:
    [1, 2, 3][1:2] = 5
except TypeError as e:
    print('TypeError:', e)
try:
    m2 = [1, 2, 3, 4]
    m2[::2] = [1]
except ValueError as e:
    print('ValueError:', e)
print(hash(tuple([1, 2])) == hash((1, 2)))
try:
    hash([])
except TypeError as e:
    print('TypeError:', e)
