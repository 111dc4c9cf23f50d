# stdin at end of file (the suite runs scripts with stdin closed): readline, iteration, input().
import sys
print(repr(sys.stdin.readline()), list(sys.stdin), sys.stdin.isatty())
try:
    input('prompt> ')
except EOFError as e:
    print('EOFError', repr(str(e)))
print('done')
