# Closing or re-entering an interpreter while it runs fails with a clear
# error, never a crash; a closed interpreter is gone for good.
from concurrent import interpreters


def hold(started, release):
    started.put("running")
    return release.get(timeout=30)


if __name__ == "__main__":
    a = interpreters.create()
    started, release = interpreters.create_queue(), interpreters.create_queue()
    t = a.call_in_thread(hold, started, release)
    print("started:", started.get(timeout=30))
    print("is_running:", a.is_running())
    for attempt in (a.close, lambda: a.exec("pass"), lambda: a.call(hold, started, release)):
        try:
            attempt()
        except interpreters.InterpreterError as e:
            print(type(e).__name__, e)
    # Binding names needs no exclusive use.
    a.prepare_main(later=1)
    release.put("go")
    t.join()
    print("is_running after:", a.is_running())
    a.exec("print('later =', later)")
    a.close()

    # Every operation on a closed interpreter says so.
    attempts = {
        "exec": lambda: a.exec("pass"),
        "call": lambda: a.call(hold, started, release),
        "prepare_main": lambda: a.prepare_main(x=1),
        "is_running": a.is_running,
        "close": a.close,
    }
    for name, attempt in attempts.items():
        try:
            attempt()
        except interpreters.InterpreterNotFoundError as e:
            print(name, "->", type(e).__name__)

    # Queues outlive the interpreters that used them.
    b = interpreters.create()
    b.prepare_main(q=release)
    b.exec("q.put('left behind')")
    b.close()
    print("queue still there:", release.get_nowait())

    # An interpreter closed from inside another one.
    c, d = interpreters.create(), interpreters.create()
    c.exec("""
from concurrent import interpreters
other = interpreters.Interpreter(%d)
other.close()
try:
    other.exec('pass')
except interpreters.InterpreterNotFoundError:
    print('closed from inside c')
""" % d.id)
    print("d listed:", d in interpreters.list_all())
    c.close()
    print("all closed:", interpreters.list_all() == [interpreters.get_main()])
