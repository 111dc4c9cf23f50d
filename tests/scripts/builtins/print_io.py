# print with sep, end, file, flush; sys.stdout/sys.stderr write; input with closed stdin.
import sys
print('a', 'b', 'c')
print('a', 'b', sep='-')
print('x', end='|')
print('y', end='\n')
print('no', 'sep', sep='')
print(1, 2, 3, sep=', ', end='.\n')
print()
print('', end='')
print(None, True, 1.5, [1], (2,), {3: 4})
print('to stdout', file=sys.stdout)
print('flushed', flush=True)
print(*[1, 2, 3])
print(*'abc', sep='+')
n = sys.stdout.write('written directly\n')
print(n)
sys.stdout.write('no newline')
sys.stdout.write('\n')
sys.stdout.flush()
print('multi\nline')
print('sep None', sep=None)
print('end None', end=None)
print('tab\tseparated', 'unicode é ü 日本')
try:
    print('x', sep=5)
except TypeError as e:
    print('TypeError:', e)
try:
    input()
except EOFError as e:
    print('EOFError:', e)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print('captured', 1, file=w)
print(w.parts)
