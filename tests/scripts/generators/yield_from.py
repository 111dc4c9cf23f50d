# yield from: delegation, return values, send/throw passthrough.
def inner():
    x = yield 'inner 1'
    print('inner got', x)
    yield 'inner 2'
    return 'inner result'
def outer():
    result = yield from inner()
    print('outer got result', result)
    yield 'outer done'
g = outer()
print(next(g))
print(g.send('sent'))
print(next(g))
print(next(g, 'end'))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], 'ab', range(3), (x * 10 for x in range(2)))))
def tree(node):
    if isinstance(node, list):
        for child in node:
            yield from tree(child)
    else:
        yield node
print(list(tree([1, [2, [3, 4], [[5]]], 6])))
def catching_inner():
    try:
        yield 1
    except ValueError as e:
        print('inner caught', e)
        yield 'after throw'
def delegating():
    yield from catching_inner()
    yield 'delegator continues'
d = delegating()
print(next(d))
print(d.throw(ValueError('thrown in')))
print(next(d))
def closing_inner():
    try:
        yield 1
    finally:
        print('inner finally on close')
def closing_outer():
    yield from closing_inner()
co = closing_outer()
next(co)
co.close()
def returns_value():
    return 'immediate'
    yield
def get_value():
    v = yield from returns_value()
    yield v
print(list(get_value()))
def averager():
    total = count = 0
    while True:
        x = yield
        if x is None:
            return total / count
        total += x
        count += 1
def grouper(results, key):
    while True:
        results[key] = yield from averager()
results = {}
for key, values in [('a', [1, 2, 3]), ('b', [10, 20])]:
    grp = grouper(results, key)
    next(grp)
    for v in values:
        grp.send(v)
    grp.send(None)
print(results)
def flat(depth):
    if depth == 0:
        yield 'leaf'
        return
    yield from flat(depth - 1)
print(list(flat(50)))
def stop_value():
    yield from [1, 2]
    return 'list done'
sv = stop_value()
print(next(sv), next(sv))
try:
    next(sv)
except StopIteration as e:
    print(e.value)
