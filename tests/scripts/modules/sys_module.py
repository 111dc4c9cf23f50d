# sys: argv, exit (caught), stdout/stderr, recursion limit, maxsize, version, exc_info, modules.
import sys
print(sys.argv, len(sys.argv), type(sys.argv).__name__)
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, type(sys.maxsize).__name__)
print(sys.version.startswith('3.'), type(sys.version).__name__, sys.version_info[0] if hasattr(sys, 'version_info') else 3)
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print('ValueError:', e)
try:
    sys.exit(5)
except SystemExit as e:
    print('SystemExit', e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print('SystemExit', e.code)
try:
    sys.exit('message')
except SystemExit as e:
    print('SystemExit', repr(e.code))
try:
    raise SystemExit(0)
except BaseException as e:
    print(type(e).__name__, e.code)
n = sys.stdout.write('stdout write\n')
print(n)
sys.stdout.flush()
sys.stderr.flush()
print('sys' in sys.modules, type(sys.modules).__name__, sys.modules['sys'] is sys)
print(sys.__name__, __name__)
import sys as system
print(system is sys)
print(sys.getswitchinterval() if hasattr(sys, 'getswitchinterval') else 0.005)
