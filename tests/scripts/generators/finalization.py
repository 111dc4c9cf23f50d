# Generator lifetime: explicit close runs finally, re-entry is refused, exhausted generators stay empty.
# (A generator dropped while suspended is closed: see closed_when_dropped.py.)
def tracked(name):
    try:
        yield 1
        yield 2
    finally:
        print('finally of', name)
g = tracked('closed')
next(g)
g.close()
print('after close')
g.close()
print('second close is a no-op')
def self_ref():
    yield next(gen)
gen = self_ref()
try:
    next(gen)
except ValueError as e:
    print('ValueError:', e)
def exhausted():
    yield 1
e = exhausted()
print(list(e), list(e), next(e, 'empty'))
def catch_all():
    try:
        yield 'a'
    except BaseException as exc:
        print('caught', type(exc).__name__)
        raise
c = catch_all()
next(c)
c.close()
print('closed')
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
bad = ignores_exit()
next(bad)
try:
    bad.close()
except RuntimeError as err:
    print('RuntimeError:', err)
def infinite():
    n = 0
    try:
        while True:
            yield n
            n += 1
    finally:
        print('infinite generator finalized at', n)
it = infinite()
for v in it:
    if v == 3:
        break
it.close()
print('end')
