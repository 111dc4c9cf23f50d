# Generator lifetime: dropping a suspended generator closes it (finally runs at once), re-entry is refused.
def tracked(name):
    try:
        yield 1
        yield 2
    finally:
        print('finally of', name)
g = tracked('deleted')
next(g)
del g
print('after del')
g = tracked('rebound')
next(g)
g = None
print('after rebinding')
def consume_partially():
    for x in tracked('loop'):
        return x
print('returned', consume_partially())
print([x for x, _ in zip(tracked('zip'), range(1))])
def first(it):
    for x in it:
        return x
print(first(tracked('first')))
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
del it
print('end')
