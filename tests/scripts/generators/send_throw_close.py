# Generator send, throw, close, GeneratorExit.
def echo():
    received = None
    while True:
        received = yield received
        print('received', received)
g = echo()
print(next(g))
print(g.send('hello'))
print(g.send(42))
g.close()
try:
    next(g)
except StopIteration:
    print('closed generator raises StopIteration')
def accumulate():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value
acc = accumulate()
next(acc)
for v in [1, 2, 3]:
    print('total', acc.send(v))
try:
    acc.send(None)
except StopIteration as e:
    print('final', e.value)
fresh = echo()
try:
    fresh.send('not none')
except TypeError as e:
    print('TypeError:', e)
print(fresh.send(None))
def catcher():
    while True:
        try:
            yield 'ready'
        except ValueError as e:
            print('caught inside', e)
            yield 'recovered'
c = catcher()
print(next(c))
print(c.throw(ValueError('boom')))
print(next(c))
try:
    c.throw(KeyError('not caught'))
except KeyError as e:
    print('propagated', repr(e))
print(next(c, 'exhausted'))
def closer():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('GeneratorExit seen')
        raise
    finally:
        print('finally on close')
cl = closer()
next(cl)
cl.close()
cl.close()
print('closed twice ok')
def bad_closer():
    try:
        yield 1
    except GeneratorExit:
        yield 'ignored exit'
bc = bad_closer()
next(bc)
try:
    bc.close()
except RuntimeError as e:
    print('RuntimeError:', e)
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return 'ignored'
r = returns_on_exit()
next(r)
print(r.close())
unstarted = closer()
unstarted.close()
print('closing unstarted runs nothing')
def thrower():
    yield 1
t = thrower()
try:
    t.throw(ValueError('before start'))
except ValueError as e:
    print('unstarted throw', e)
print(next(t, 'done after throw'))
def state():
    yield 1
s = state()
def gen_send_expr():
    x = yield 1
    y = yield x * 2
    return x + y
gs = gen_send_expr()
print(next(gs), gs.send(10))
try:
    gs.send(5)
except StopIteration as e:
    print('sum', e.value)
