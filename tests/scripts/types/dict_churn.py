# Dict and set churn: many inserts and deletes keep insertion order and exact contents.
seed = 42
def lcg():
    global seed
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed
d = {}
log = []
for step in range(5000):
    k = lcg() % 300
    if lcg() % 3 == 0 and k in d:
        del d[k]
    else:
        d[k] = step
    if step % 500 == 0:
        log.append((len(d), list(d)[:5]))
print(log)
print(len(d), list(d.items())[:10], sum(d.values()))
keys = list(d)
for k in keys[::2]:
    d.pop(k)
print(len(d), list(d)[:10])
d.update({k: -k for k in range(1000, 1010)})
print(list(d)[-12:])
s = set()
for step in range(5000):
    v = lcg() % 500
    if v in s and lcg() % 2:
        s.remove(v)
    else:
        s.add(v)
print(len(s), sorted(s)[:15], sum(s))
strs = {}
for i in range(2000):
    strs['key%d' % (i % 700)] = i
    if i % 7 == 0:
        strs.pop('key%d' % ((i * 3) % 700), None)
print(len(strs), list(strs)[:8], list(strs.values())[-5:])
tuples = {(i % 10, i % 7): i for i in range(200)}
print(len(tuples), list(tuples.items())[:6])
floats = {i / 4: i for i in range(40)}
print(floats[2.5], floats[2], 2 in floats, len(floats))
nested = {i: {j: i * j for j in range(i % 4)} for i in range(12)}
print(nested)
