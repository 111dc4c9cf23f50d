# Truth values of objects drive if/while/and/or/not.
values = [0, 1, -1, 0.0, 0.5, '', 'a', [], [0], (), (0,), {}, {0: 0}, set(), {0}, None, True, False, range(0), range(1), b'', b'x']
for v in values:
    print(repr(v), bool(v), 'T' if v else 'F', not v)
class AlwaysFalse:
    def __bool__(self):
        return False
class Empty:
    def __len__(self):
        return 0
class Plain:
    pass
print(bool(AlwaysFalse()), bool(Empty()), bool(Plain()))
print(AlwaysFalse() or 'fallback', type(Empty() and 'x').__name__)
x = AlwaysFalse()
if not x:
    print('not x works')
n = 3
while n:
    n -= 1
print('n', n)
print(1 and 2 and 3, 1 and 0 and 3, 0 or '' or None, None or 0)
