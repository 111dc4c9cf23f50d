# Suspended generators that globals of the main module still hold when the
# script ends are closed at exit, in the order of the globals, with the
# globals still bound (CPython's last collection finalizes them); an error
# escaping a close is reported on stderr and does not change the exit status.
def gen(tag):
    try:
        yield 1
    finally:
        print("closing", tag, "sees", type(b).__name__, type(_a).__name__)


def with_handler(tag):
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit in", tag)
        raise


def fails():
    try:
        yield 1
    finally:
        print("closing fails")
        raise KeyError("at exit")


def no_handler():
    yield 1
    print("never printed")


b = gen("b")
next(b)
_a = gen("_a")
next(_a)
unstarted = gen("unstarted")
finished = gen("finished")
next(finished)
try:
    next(finished)
except StopIteration:
    print("finished before exit")
c = with_handler("c")
next(c)
f = fails()
next(f)
plain = no_handler()
next(plain)
closed = gen("closed early")
next(closed)
closed.close()
print("end of script")
