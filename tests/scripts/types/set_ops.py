# set: methods, operators, comparison (integers only: string hashing is randomised).
s = {3, 1, 2}
s.add(4); s.add(1)
print(sorted(s), len(s), 2 in s, 9 not in s)
s.discard(9); s.discard(4); print(sorted(s))
s.remove(3); print(sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print('KeyError:', e)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b) == a | b, a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} < {1, 2}, {1, 4} <= {1, 2}, {1, 2, 3} >= {2}, {1, 2} > {1})
print({1, 2}.issubset({1, 2, 3}), {1, 2}.issuperset({2}), {1}.isdisjoint({2}))
print(set(), set([1, 1, 2]), set('aab') == {'a', 'b'}, set(range(5)), {0} == {False}, len({1, 1.0, True}))
p = {10, 20}
x = p.pop()
print(x in (10, 20), len(p))
try:
    set().pop()
except KeyError as e:
    print('KeyError:', e)
c = a.copy(); c.add(100); print(len(a), len(c))
c.clear(); print(c, len(c))
u = {1, 2}
u |= {3}; u &= {1, 3, 9}; u -= {9}; u ^= {7}; print(sorted(u))
u.update([8, 9], {10}); print(sorted(u))
try:
    {[1]}
except TypeError as e:
    print('TypeError:', e)
try:
    {1} + {2}
except TypeError as e:
    print('TypeError:', e)
print({(1, 2), (1, 2), (2, 1)} == {(2, 1), (1, 2)}, {None, None}, {-1, -2} == {-2, -1})
print(sorted({i % 7 for i in range(100)}), sorted({x * x for x in range(-3, 4)}))
print({1, 2, 3} == {3, 2, 1}, {1} != {1, 2}, repr({5}), str({-3}))
print(sorted(set([5, 3, 8]) | set([1])), sorted(set([1, 2]) & set([2, 3])))
big = set(range(10000))
for i in range(0, 10000, 3):
    big.discard(i)
print(len(big), 9998 in big, 9999 in big, min(big), max(big))
