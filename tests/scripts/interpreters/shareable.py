# What crosses between interpreters: copies of plain data, and nothing else.
from concurrent import interpreters

interp = interpreters.create()

values = [
    None, True, False, 0, -7, 2**63 - 1, 2**63, -(2**100), 3**200,
    0.5, -1e300, float("inf"), "", "text", "ünïcödé ✓", b"", b"\x00\xffbytes",
    (), (1,), (1, "two", (3.0, None)), [], [1, [2, [3]]],
    {}, {"a": 1, "b": [2, 3]}, {1: "one", (2, 3): {"nested": b"x"}},
    [{"k": (True, None, 2**70)}],
]

for v in values:
    interp.prepare_main(v=v)
    interp.exec("print(type(v).__name__, repr(v))")

# The copies are equal, of the same types, and independent of the original.
for v in values:
    ok = interpreters.is_shareable(v)
    print("shareable:", ok, end=" ")
print()

mutable = [1, 2]
interp.prepare_main(m=mutable)
mutable.append(3)
interp.exec("m.append('only here'); print('inside:', m)")
print("outside:", mutable)

# Dict order survives the copy.
interp.prepare_main(d={"z": 1, "a": 2, "m": 3})
interp.exec("print(list(d))")

# Not shareable: objects, functions, classes, sets, ranges, modules ...
class Point:
    pass

def fn():
    pass

import sys
not_shareable = [object(), Point(), fn, Point, {1, 2}, frozenset(), range(3),
                 sys, len, [1, object()], {"k": {2}}, (1, (2, Point()))]
for v in not_shareable:
    print("shareable:", interpreters.is_shareable(v), end=" ")
print()
for v in not_shareable:
    try:
        interp.prepare_main(v=v)
    except interpreters.NotShareableError as e:
        print("NotShareableError:", e)
print("subclass of TypeError:", issubclass(interpreters.NotShareableError, TypeError))

# A failed prepare_main binds nothing.
interp.prepare_main(fresh=1)
try:
    interp.prepare_main(fresh=2, bad=object())
except interpreters.NotShareableError:
    pass
interp.exec("print('fresh is still', fresh, 'bad' in globals())")

# Names must be strings.
try:
    interp.prepare_main({1: "x"})
except TypeError as e:
    print("TypeError:", e)

interp.close()
