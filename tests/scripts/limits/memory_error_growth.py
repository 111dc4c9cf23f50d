# list(range(10**12)): MemoryError at once (CPython sizes the list from the range's length), caught.
try:
    list(range(10 ** 12))
except MemoryError:
    print('MemoryError for list(range(10**12))')
print('still running')
