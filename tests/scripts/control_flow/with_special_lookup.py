# `with` looks __enter__ and __exit__ up on the type, every time, and says
# which one is missing.
import threading


class NoExit:
    def __enter__(self):
        return self


class NoEnter:
    def __exit__(self, *exc):
        return False


for ctx in (NoExit(), NoEnter(), 5, None):
    try:
        with ctx:
            print("body ran")
    except TypeError as e:
        print(e)


class Ctx:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, ty, value, tb):
        print("exit", self.name, ty.__name__ if ty else None)
        return ty is KeyError


# Attributes of the instance are not special methods.
plain = Ctx("plain")
plain.__enter__ = lambda: "instance enter"
with plain as got:
    print("got", got)

# Replacing the class's methods takes effect at the next with.
with Ctx("a") as got:
    print("got", got)
Ctx.__enter__ = lambda self: "replaced " + self.name
with Ctx("b") as got:
    print("got", got)
del Ctx.__exit__
try:
    with Ctx("c"):
        print("body ran")
except TypeError as e:
    print(e)


class Suppress:
    def __enter__(self):
        return self

    def __exit__(self, ty, value, tb):
        print("exit saw", ty.__name__ if ty else None, value)
        return True


with Suppress(), Suppress():
    raise ValueError("inner")
print("suppressed")

# Locks as context managers, many times over.
lock = threading.Lock()
total = 0
for i in range(1000):
    with lock:
        total += i
        if i == 999:
            print("locked inside", lock.locked())
print(total, lock.locked())

rlock = threading.RLock()
with rlock:
    with rlock:
        print("reentrant")
try:
    with lock:
        raise RuntimeError("released on error")
except RuntimeError as e:
    print(e, lock.locked())
