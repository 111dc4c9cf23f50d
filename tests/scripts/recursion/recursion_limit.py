# RecursionError: raised at the limit, catchable, the interpreter keeps working afterwards.
import sys
def infinite(n):
    return infinite(n + 1)
try:
    infinite(0)
except RecursionError as e:
    print('RecursionError:', e)
def depth_reached():
    count = 0
    def down():
        nonlocal count
        count += 1
        down()
    try:
        down()
    except RecursionError:
        pass
    return count
d = depth_reached()
print(900 < d <= 1000)
def recurse_to(n):
    return 0 if n == 0 else 1 + recurse_to(n - 1)
print(recurse_to(950))
sys.setrecursionlimit(3000)
print(recurse_to(2900))
try:
    recurse_to(5000)
except RecursionError as e:
    print('RecursionError at 3000:', e)
sys.setrecursionlimit(1000)
try:
    recurse_to(1500)
except RecursionError:
    print('RecursionError again at 1000')
print(recurse_to(10))
class Node:
    def __init__(self, child=None):
        self.child = child
    def depth(self):
        return 1 + (self.child.depth() if self.child else 0)
n = None
for _ in range(500):
    n = Node(n)
print(n.depth())
def mutual_a(n):
    return mutual_b(n)
def mutual_b(n):
    return mutual_a(n)
try:
    mutual_a(0)
except RecursionError as e:
    print('mutual:', e)
def gen_recursive(n):
    yield n
    yield from gen_recursive(n + 1)
try:
    for _ in gen_recursive(0):
        pass
except RecursionError as e:
    print('generator recursion:', type(e).__name__)
def with_finally(n):
    try:
        return with_finally(n + 1)
    finally:
        pass
try:
    with_finally(0)
except RecursionError:
    print('recursion through finally caught')
print('still alive', recurse_to(100))
