# A suspended generator a thread lets go of as it ends (its callable's result,
# its arguments, a local of a frame an exception left) is closed in that
# thread, as CPython closes it: its `finally` and `with` exits run. Every wait
# has a timeout, so a generator left unclosed fails the checks instead of
# hanging the run.
import _thread
import threading

done = _thread.allocate_lock()
done.acquire()  # each finally releases it; each wait takes it back
log = []


def wait(label):
    print(label, done.acquire(timeout=5), log)
    log.clear()


def releasing(tag):
    try:
        yield 1
        yield 2
    finally:
        log.append("finally " + tag)
        done.release()


def returns_suspended(tag):
    g = releasing(tag)
    next(g)
    return g


# 1. The result of the thread's callable.
_thread.start_new_thread(returns_suspended, ("result",))
wait("result closed")

# 2. The callable's arguments, once the main thread drops its own reference.
g = releasing("argument")
next(g)
_thread.start_new_thread(lambda gen: None, (g,))
del g
wait("argument closed")

# 3. Keyword arguments too.
g = releasing("keyword")
next(g)
_thread.start_new_thread(lambda gen=None: None, (), {"gen": g})
del g
wait("keyword closed")


# 4. A local of the callable's frame when an exception ends the thread.
def raises_with_local():
    g = releasing("local")
    next(g)
    raise SystemExit


_thread.start_new_thread(raises_with_local, ())
wait("local closed")


# 5. `yield from`: the inner generator closes first, then the outer.
def inner():
    try:
        yield "in"
    finally:
        log.append("inner finally")


def outer():
    try:
        yield from inner()
    finally:
        log.append("outer finally")
        done.release()


def returns_delegating():
    g = outer()
    print("delegating yields", next(g))
    return g


_thread.start_new_thread(returns_delegating, ())
wait("delegating closed")


# 6. A `with` block suspended inside the generator: its exit runs.
class Releaser:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        log.append("exit " + (exc[0].__name__ if exc[0] else "None"))
        done.release()
        return False


def with_block():
    with Releaser():
        yield "with"


def returns_with():
    g = with_block()
    next(g)
    return g


_thread.start_new_thread(returns_with, ())
wait("with closed")


# 7. GeneratorExit caught and a value returned: close succeeds silently.
def swallows():
    try:
        yield 1
    except GeneratorExit:
        log.append("caught GeneratorExit")
        done.release()
        return "ignored value"


def returns_swallowing():
    g = swallows()
    next(g)
    return g


_thread.start_new_thread(returns_swallowing, ())
wait("swallowing closed")


# 8. An exception escaping the close is reported on stderr ("Exception ignored
# in"), and the thread still ends normally.
def fails_on_close():
    try:
        yield 1
    finally:
        log.append("failing finally")
        done.release()
        raise ValueError("raised while closing")


def returns_failing():
    g = fails_on_close()
    next(g)
    return g


_thread.start_new_thread(returns_failing, ())
wait("failing closed")

# 9. A generator that was never started, or already finished, has nothing to run.
def never_started():
    log.append("never runs")
    yield 1


def finished():
    yield 1


def returns_idle():
    a = never_started()
    b = finished()
    for _ in b:
        pass
    done.release()
    return a, b


_thread.start_new_thread(returns_idle, ())
wait("idle dropped")

# 10. threading.Thread: a target's result and a run() override's result.
t = threading.Thread(target=returns_suspended, args=("target",))
t.start()
wait("target closed")
t.join()


class Worker(threading.Thread):
    def run(self):
        g = releasing("run")
        next(g)
        return g


w = Worker()
w.start()
wait("run closed")
w.join()

# 11. A generator the main thread still holds is not closed when the thread ends.
kept = []
_thread.start_new_thread(lambda: kept.append(returns_suspended("kept")), ())
print("kept open", done.acquire(timeout=0.2), log)
print("kept next", next(kept[0]), log)
kept.clear()
wait("kept closed by main")
print("end")
