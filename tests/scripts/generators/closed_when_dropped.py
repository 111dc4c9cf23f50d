# A generator dropped while suspended is closed, as CPython does: GeneratorExit
# is thrown in at the yield, so `finally` blocks and `with` exits run; what
# escapes is reported as "Exception ignored in: ..." on stderr.
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, kind, value, tb):
        print("exit", self.name, kind.__name__ if kind else None)
        return False

def guarded(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally of", name)

g = guarded("del")
next(g)
del g
print("after del")

g = guarded("rebound")
next(g)
g = None
print("after rebinding")

def in_function():
    local = guarded("local")
    next(local)
    print("returning")

in_function()
print("after function")

def with_block():
    with Resource("file"):
        yield "inside"
        yield "never"

w = with_block()
print(next(w))
del w
print("after with")

for x in guarded("break"):
    print("loop item", x)
    break
print("after break")

def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("saw GeneratorExit")
        raise

c = catches_exit()
next(c)
del c
print("after catches_exit")

def not_started():
    try:
        yield 1
    finally:
        print("never printed: the frame never started")

n = not_started()
del n
print("after not started")

def finished():
    try:
        yield 1
    finally:
        print("finally while finishing")

f = finished()
print(list(f))
del f
print("after finished")

def inner():
    try:
        yield "inner"
    finally:
        print("inner finally")

def delegator():
    try:
        yield from inner()
    finally:
        print("delegator finally")

d = delegator()
print(next(d))
del d
print("after delegator")

def nested_gens():
    a = guarded("first")
    b = guarded("second")
    next(a)
    next(b)
    yield "both started"

ng = nested_gens()
print(next(ng))
del ng
print("after nested")

def returns_in_finally():
    try:
        yield 1
    finally:
        return "swallowed"

r = returns_in_finally()
next(r)
del r
print("after return in finally")

def raises_in_finally():
    try:
        yield 1
    finally:
        raise ValueError("from finally")

rf = raises_in_finally()
next(rf)
del rf
print("after raise in finally")

def yields_in_finally():
    try:
        yield 1
    finally:
        yield "again"

# The RuntimeError of `close` shows the frame that dropped the generator; gilvm
# closes it at the loop's next check and names the frame's last call, so the
# generator is dropped by a call here (its frame's end), and on one line.
def drop_started():
    y = yields_in_finally(); next(y)

drop_started(); print("after yield in finally")
