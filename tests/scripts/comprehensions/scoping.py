# Comprehension scoping: own scope, first iterable evaluated outside, closures over loop variables.
def outer():
    xs = [1, 2, 3]
    return [x * k for x in xs for k in (10,)]
print(outer())
class K:
    base = [1, 2]
    first_iter_ok = [b for b in base]
    try:
        uses_class_var = [b + len(base) for b in range(2)]
    except NameError as e:
        error = str(e)
print(K.first_iter_ok, K.error)
def evaluated_once():
    calls = []
    def source():
        calls.append(1)
        return range(3)
    result = [i for i in source()]
    return result, len(calls)
print(evaluated_once())
gens = [(lambda: n) for n in range(3)]
print([g() for g in gens])
def make_adders():
    return {n: (lambda x, n=n: x + n) for n in range(3)}
adders = make_adders()
print([adders[n](10) for n in range(3)])
print([[j for j in range(i)] for i in range(4)])
print({i: {j: i * j for j in range(2)} for i in range(2)})
print(sum(sum(row) for row in [[1, 2], [3, 4]]))
gen = (i for i in range(3))
print(list(gen), list(gen))
def lazy_error():
    g = (1 / x for x in [1, 0])
    print('generator created')
    try:
        print(list(g))
    except ZeroDivisionError as e:
        print('ZeroDivisionError on iteration:', e)
lazy_error()
def first_iter_error():
    try:
        g = (x for x in 5)
    except TypeError as e:
        print('TypeError at creation:', e)
first_iter_error()
total = 0
for v in [n * n for n in range(5)]:
    total += v
print(total)
print(max((len(w), w) for w in ['aa', 'b', 'cc']))
print(sorted((v, k) for k, v in {'a': 3, 'b': 1}.items()))
print([(i, c) for i, c in enumerate('abc') if i != 1])
print(any(c.isdigit() for c in 'ab3'), all(c.islower() for c in 'abC'))
data = {'x': [1, 2], 'y': [3]}
print([(k, v) for k, vs in data.items() for v in vs])
n = 100
print([n for n in range(3)], n)
print(list(map(lambda t: t[0] + t[1], zip([1, 2], [3, 4]))))
