# Freeing structures nested far deeper than the native stack allows frames:
# each kind is built 200,000 levels deep in a thread (whose stack is small)
# and freed by dropping its root; freeing must be iterative (a trashcan).
import threading

DEPTH = 200_000


class Node:
    def __init__(self, nxt):
        self.nxt = nxt


def lists():
    x = []
    for _ in range(DEPTH):
        x = [x]
    return x


def tuples():
    x = ()
    for _ in range(DEPTH):
        x = (x,)
    return x


def dicts():
    x = {}
    for _ in range(DEPTH):
        x = {"next": x}
    return x


def instances():
    x = None
    for _ in range(DEPTH):
        x = Node(x)
    return x


def instance_dicts():
    x = None
    for _ in range(DEPTH):
        x = Node(x)
        x.__dict__["extra"] = 1
    return x


def frozensets():
    x = frozenset()
    for _ in range(DEPTH):
        x = frozenset([x])
    return x


def closures():
    f = None
    for _ in range(DEPTH):
        f = (lambda g: lambda: g)(f)
    return f


def iterators():
    x = iter([1])
    for _ in range(DEPTH):
        x = map(abs, x)
    return x


def generators():
    x = iter([1])
    for _ in range(DEPTH):
        x = (v for v in x)
    return x


def exceptions():
    e = None
    for i in range(DEPTH):
        try:
            raise ValueError(i)
        except ValueError as err:
            err.__context__ = e
            e = err
    return e


def mixed():
    x = None
    for i in range(DEPTH):
        x = [(x, {i: Node(None)})]
    return x


results = []


def build_and_free(kind):
    root = kind()
    del root
    results.append(kind.__name__)


for kind in (lists, tuples, dicts, instances, instance_dicts, frozensets,
             closures, iterators, generators, exceptions, mixed):
    t = threading.Thread(target=build_and_free, args=(kind,))
    t.start()
    t.join()
print(results)

# The main thread frees deep chains too.
chain = None
for _ in range(DEPTH):
    chain = [Node(chain)]
del chain
print("freed")
