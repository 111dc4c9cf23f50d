# Interpreter.call and call_in_thread: functions sent by name, arguments and
# results copied; module state kept per interpreter; the main script loaded
# as __mp_main__ (its __main__ block does not run again).
import threading
from concurrent import interpreters
import state_mod

print("module level runs as", __name__)


def square(x):
    return x * x


def greet(name, punctuation="!"):
    return f"hello {name}{punctuation}"


def where():
    return __name__, interpreters.get_current().id != 0


def add_to_queue(q, item):
    q.put(item)


class Shapes:
    def area(w, h):
        return w * h


if __name__ == "__main__":
    a = interpreters.create()
    b = interpreters.create()
    print("square:", a.call(square, 12))
    print("kwargs:", a.call(greet, "world", punctuation="?"))
    print("where:", a.call(where))
    print("nested qualname:", a.call(Shapes.area, 3, 4))
    print("static method:", a.call(state_mod.Tools.double, 21))
    print("big int:", a.call(square, 2**40))

    # Module state: each interpreter imports state_mod for itself.
    print("main bump:", state_mod.bump(100))
    print("a bump:", a.call(state_mod.bump), a.call(state_mod.bump))
    print("b bump:", b.call(state_mod.bump, 5))
    print("main counter:", state_mod.counter)
    a.exec("import state_mod\nprint('a sees counter', state_mod.counter)")
    print("describe:", a.call(state_mod.describe, 1, (2, 3), z=[4], y=None))

    # Exceptions become ExecutionFailed, naming the exception raised inside.
    for kind in ("value", "key", "runtime"):
        try:
            a.call(state_mod.fail, kind, "boom")
        except interpreters.ExecutionFailed as e:
            info = e.excinfo
            print("failed:", str(e).splitlines()[0], "|", info.type.__name__,
                  info.type.__module__, repr(info.msg), info.formatted)
            print("  has traceback:", "Uncaught in the interpreter:" in str(e),
                  info.errdisplay.splitlines()[0])
    try:
        a.exec("raise ValueError('boom')")
    except interpreters.ExecutionFailed as e:
        print("exec failed:", e.args[0], "|", str(e).splitlines()[-1])
    try:
        a.exec("raise ValueError")
    except interpreters.ExecutionFailed as e:
        print("no message:", e.args[0], repr(e.excinfo.msg))

    # A class can be called there, but its instance cannot come back.
    try:
        a.call(state_mod.Tools)
    except interpreters.NotShareableError as e:
        print("class call:", e)

    # Arguments and results must be shareable.
    for bad in (lambda x: x, print, object()):
        try:
            a.call(square, bad)
        except interpreters.NotShareableError as e:
            print("bad argument:", type(e).__name__)
    try:
        a.call(state_mod.unshareable_result)
    except interpreters.NotShareableError as e:
        print("bad result:", e)

    # Only functions defined at the top level of a module can be sent.
    def local():
        return 1
    for f in (local, lambda: 1, Shapes().area):
        try:
            a.call(f)
        except interpreters.NotShareableError:
            print("not sendable:", getattr(f, "__qualname__", "?"))
        except interpreters.ExecutionFailed as e:
            print("failed inside:", e.excinfo.type.__name__)

    # call_in_thread returns a started thread.
    q = interpreters.create_queue()
    t = a.call_in_thread(add_to_queue, q, "from a thread")
    print("thread:", isinstance(t, threading.Thread))
    t.join()
    print("queued:", q.get(timeout=5))

    # Two threads, two interpreters at once.
    threads = [a.call_in_thread(add_to_queue, q, 1), b.call_in_thread(add_to_queue, q, 2)]
    for t in threads:
        t.join()
    print("both:", sorted([q.get(), q.get()]))

    # One interpreter runs one thing at a time.
    print("idle:", a.is_running(), b.is_running())
    a.close()
    b.close()
