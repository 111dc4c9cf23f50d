# bytes: literals, decode, len, indexing, slicing, comparison, concatenation.
b = b'hello world'
print(b, len(b), b[0], b[-1], b[0:5], b[::-1], b[6:], type(b[0]).__name__, type(b[1:]).__name__)
print(b == b'hello world', b != b'x', b'a' < b'b', b'abc' + b'def', b'ab' * 3, b'lo' in b, 104 in b)
print(b.decode(), b.decode('utf-8'), b'caf\xc3\xa9'.decode(), b'caf\xe9'.decode('latin-1'))
try:
    b'\xff\xfe'.decode()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
except ValueError as e:
    print('ValueError subclass', type(e).__name__)
print(list(b'abc'), bytes([1, 2, 255]), bytes(4), bytes(), bytes('é', 'utf-8'), bytes(range(65, 70)))
print(repr(b''), repr(b'\x00\t\n\r'), repr(b"'"), repr(b'\x80\xff'), repr(bytes([34, 39])))
print(hash(b'abc') == hash(b'abc'), {b'k': 1}[b'k'], b'abc'.count(b'b'), b'abc'.index(b'c'))
try:
    b'abc'[5]
except IndexError as e:
    print('IndexError:', e)
try:
    b'abc' + 'str'
except TypeError as e:
    print('TypeError:', e)
try:
    bytes([256])
except ValueError as e:
    print('ValueError:', e)
print(b'abc' == 'abc', str(b'x'), 'x'.encode() == b'x', b'%d' % 5 if True else '')
for byte in b'AZ':
    print(byte)
