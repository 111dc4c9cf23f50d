# bytes methods beyond the core subset (upper, split, join, find, strip, replace, hex).
print(b'hello'.upper() if hasattr(b'', 'upper') else '', b'a,b'.split(b','), b'-'.join([b'a', b'b']))
print(b'hello'.find(b'l'), b'hello'.startswith(b'he'), b'hello'.endswith(b'lo'), b'  x '.strip(), b'aXb'.replace(b'X', b'-'))
print(bytes(b'copy'), b'x'.hex(), bytes.fromhex('41 42'), b'ABC'.lower())
