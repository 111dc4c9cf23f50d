# TypeError messages of builtin operators between incompatible types.
text, one_f, lst, nothing, tup = 'abc', 1.0, [1], None, (1, 2)
cases = [
    lambda: [] + (), lambda: 'a' * 'b', lambda: None + 1, lambda: {} < {}, lambda: 1 - 'x',
    lambda: [1] * 2.0, lambda: 'x' / 2, lambda: 2 ** 'x', lambda: -'x', lambda: ~1.5, lambda: +[],
    lambda: 1 << 1.0, lambda: 1.0 & 1, lambda: {1} + {2}, lambda: (1,) - (1,), lambda: {} | 1,
    lambda: text[one_f], lambda: lst[nothing], lambda: tup[text], lambda: {}[[]], lambda: 1 in 5,
    lambda: len(1), lambda: 'a' < 1, lambda: [1] < (1,), lambda: None < None, lambda: 3 % 'x',
    lambda: divmod('a', 1), lambda: abs(None), lambda: 'x' + None, lambda: b'a' + 'a', lambda: 1 // [],
    lambda: sum([1, 'a']), lambda: max(1, 'a'), lambda: sorted([None, 1]), lambda: int([]), lambda: float({}),
    lambda: 'a'.join([1, 2]), lambda: ''.join(5), lambda: list(5), lambda: tuple(None), lambda: dict(5),
    lambda: set(1), lambda: range('a'), lambda: chr('a'), lambda: ord(1), lambda: 'x'.split(1),
    lambda: [].append(), lambda: {}.get(), lambda: 'x'.startswith(1), lambda: round('x'), lambda: hash({}),
]
for i, case in enumerate(cases):
    try:
        print(i, 'no error', case())
    except TypeError as e:
        print(i, 'TypeError:', e)
    except ValueError as e:
        print(i, 'ValueError:', e)
    except ZeroDivisionError as e:
        print(i, 'ZeroDivisionError:', e)
print(1 == 'a', [] == (), None == 0, {} != [], 1 != None)
print([1] * 0, 'x' * -1, (1,) * 2, 2 * [0], True * 'ab', 'ab' * False)
