# Output to sys.stderr goes to stderr, not stdout; the exit status stays 0.
import sys
print('to stdout')
sys.stderr.write('first stderr line\n')
print('again stdout', file=sys.stdout)
print('second stderr line', file=sys.stderr)
sys.stderr.flush()
print('done')
