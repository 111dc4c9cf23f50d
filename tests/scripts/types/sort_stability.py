# Sorting: stability, keys, reverse stability, mixed int/float, tuples, large inputs.
seed = 7
def lcg():
    global seed
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed
data = [(lcg() % 10, i) for i in range(300)]
by_key = sorted(data, key=lambda p: p[0])
print(by_key[:20])
print(all(by_key[i][1] < by_key[i + 1][1] for i in range(len(by_key) - 1) if by_key[i][0] == by_key[i + 1][0]))
rev = sorted(data, key=lambda p: p[0], reverse=True)
print(rev[:20])
words = ['pear', 'Apple', 'fig', 'banana', 'Cherry', 'date', 'elderberry', 'grape', 'kiwi', 'lime']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
mixed = [3, 1.5, -2, 0.0, 7, -0.5, 2, 2.0, True, False]
print(sorted(mixed))
nums = [lcg() % 1000 - 500 for _ in range(2000)]
s = sorted(nums)
print(s[:10], s[-10:], s == sorted(nums, key=lambda x: x), len(s))
nums.sort(key=abs)
print(nums[:12])
nums.sort(reverse=True)
print(nums[:12])
pairs = [(lcg() % 5, lcg() % 5, i) for i in range(50)]
print(sorted(pairs)[:15])
print(sorted(pairs, key=lambda t: (t[1], -t[0]))[:10])
print(sorted('the quick brown fox jumps over the lazy dog'.split(), key=lambda w: (len(w), w)))
print(sorted([[3, 1], [1, 2, 3], [1, 2], [], [0]]), sorted([(1, 'b'), (1, 'a'), (0, 'z')]))
print(sorted({5: 'a', 1: 'b', 3: 'c'}.items(), key=lambda kv: kv[1]))
big = [lcg() for _ in range(20000)]
big.sort()
print(all(big[i] <= big[i + 1] for i in range(len(big) - 1)), big[0], big[-1])
class Item:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return 'I%d' % self.v
print(sorted([Item(3), Item(1), Item(2)]), max([Item(3), Item(9)]), min(Item(4), Item(0)))
try:
    sorted([Item(1), 2])
except TypeError as e:
    print('TypeError:', e)
