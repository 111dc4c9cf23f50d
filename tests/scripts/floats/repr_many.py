# Many computed floats: repr, str, round, arithmetic results must all equal CPython's digits.
seed = 12345
def lcg():
    global seed
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed
out = []
for i in range(1, 60):
    out.append(repr(i / 7))
    out.append(repr(i * 0.1))
    out.append(repr(2.0 ** -i))
    out.append(repr(10.0 ** (i % 30 - 15) / 3))
print(' '.join(out))
vals = []
for _ in range(200):
    a = lcg() / (lcg() + 1)
    b = (lcg() - 2 ** 30) * 1e-3
    vals.append(a * b)
print(' '.join(repr(v) for v in vals))
print(' '.join(str(round(v, 3)) for v in vals[:50]))
print(' '.join(repr(round(v, 1)) for v in vals[50:100]))
print(' '.join('%.6g' % v for v in vals[100:150]))
print(' '.join('{:.4e}'.format(v) for v in vals[150:]))
print([float(str(v)) == v for v in vals].count(True))
print(sum(vals), max(vals), min(vals))
big = [1.5 ** k for k in range(0, 400, 7)]
print(big)
small = [0.7 ** k for k in range(0, 400, 9)]
print(small)
print([x / 3 for x in range(-10, 11)])
print([(x * 1.1) % 1 for x in range(20)])
print([x // 0.3 for x in range(10)])
print([int(x * 1e15) for x in (0.1, 0.2, 0.3)])
