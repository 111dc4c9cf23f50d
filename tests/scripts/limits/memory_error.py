# Absurd allocations raise MemoryError (or OverflowError where CPython says so), caught and printed.
try:
    x = [0] * (10 ** 12)
except MemoryError as e:
    print('MemoryError for [0] * 10**12', repr(e))
try:
    s = 'ab' * (10 ** 12)
except MemoryError as e:
    print('MemoryError for str repeat')
try:
    b = b'x' * (10 ** 13)
except MemoryError as e:
    print('MemoryError for bytes repeat')
try:
    t = (1, 2) * (10 ** 12)
except MemoryError as e:
    print('MemoryError for tuple repeat')
try:
    x = [None] * (2 ** 62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__, 'for [None] * 2**62')
try:
    x = [0] * (2 ** 70)
except OverflowError as e:
    print('OverflowError:', e)
try:
    bytes(10 ** 13)
except MemoryError:
    print('MemoryError for bytes(10**13)')
print('still running', len([0] * 10 ** 6))
