# A traceback through generators resumed fast (by `sum` from native code, by
# `for` in the eval loop): the resumed frame reports the line it raised on,
# right after a skipped `yield` statement, and every frame between shows.


def inner(n):
    for i in range(n):
        yield i
        if i == 3:
            print("raising after", i)
            1 / 0


def middle(source):
    for x in source:
        yield x + 1


def outer(source):
    total = 0
    for x in middle(source):
        total += x
        yield total


print(sum(middle(inner(3))), list(outer(inner(3))))
try:
    sum(middle(inner(10)))
except ZeroDivisionError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print("caught", e, lines)
print(sum(outer(inner(10))))
