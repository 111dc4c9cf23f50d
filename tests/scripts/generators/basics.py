# Generators: next, StopIteration, return value, state, generator expressions.
def count_up(n):
    print('start')
    i = 0
    while i < n:
        yield i
        i += 1
    print('end')
g = count_up(3)
print(type(g).__name__)
print(next(g))
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.value)
print(next(g, 'default'))
print(list(count_up(4)), sum(count_up(5)))
def with_return():
    yield 1
    return 'the value'
g = with_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print('returned', repr(e.value), e.args)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
print(list(take(5, fib())))
squares = (x * x for x in range(6))
print(type(squares).__name__, next(squares), list(squares), list(squares))
print(sum(x for x in range(101)), max(len(w) for w in ['a', 'abc', 'ab']))
print(list(x for x in range(20) if x % 3 == 0 if x % 2 == 0))
print(list((a, b) for a in range(3) for b in range(a)))
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print('generator cleanup')
for x in gen_with_finally():
    print('got', x)
def empty():
    return
    yield
print(list(empty()))
def early_exit():
    yield 'a'
    yield 'b'
print([c for c in early_exit()])
gen = count_up(2)
print(iter(gen) is gen)
def lazy():
    print('lazy body runs on first next')
    yield 'x'
lz = lazy()
print('created')
print(next(lz))
def gen_exception():
    yield 1
    raise ValueError('inside generator')
try:
    for v in gen_exception():
        print('v', v)
except ValueError as e:
    print('ValueError:', e)
def closure_gen(mult):
    def inner():
        for i in range(3):
            yield i * mult
    return inner()
print(list(closure_gen(10)))
def stop_inside():
    yield 1
    raise StopIteration('bad')
try:
    list(stop_inside())
except RuntimeError as e:
    print('RuntimeError:', e)
x = 10
gx = (x + i for i in range(3))
x = 100
print(list(gx))
print(list(zip(count_up(3), 'ab')))
