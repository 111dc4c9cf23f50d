# Deep Python recursion with a raised limit: RecursionError caught, no native stack overflow.
import sys
sys.setrecursionlimit(100000)
def down(n):
    return 0 if n == 0 else 1 + down(n - 1)
print(down(20000))
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print('RecursionError:', e)
def gen(n):
    if n:
        yield from gen(n - 1)
    yield n
try:
    print(sum(gen(5000)))
except RecursionError:
    print('RecursionError in yield from chain')
print('done')
