# str: indexing, slicing and every method in the subset.
s = 'Hello, World'
print(s[0], s[-1], s[7:], s[:5], s[::-1], s[1:10:3], len(s))
print('a,b,,c'.split(','), 'a b  c '.split(), '  lead'.split(' '), 'a,b,c'.split(',', 1))
print('a,b,c'.rsplit(',', 1), 'a b c'.rsplit(), 'x'.split('x'), ''.split(), ''.split(','))
print('-'.join(['a', 'b', 'c']), ''.join([]), ', '.join('xyz'), '/'.join(map(str, [1, 2])))
print(repr('  pad  '.strip()), repr('  pad  '.lstrip()), repr('  pad  '.rstrip()), 'xxhixx'.strip('x'), '\t\n ws \r'.strip())
print('abcab'.lstrip('ab'), 'abcab'.rstrip('ab'), 'www.example.com'.strip('cmowz.'))
print('banana'.replace('a', 'o'), 'banana'.replace('a', 'o', 2), 'aaa'.replace('', '-'), 'x'.replace('y', 'z'))
print('banana'.find('an'), 'banana'.find('an', 2), 'banana'.find('x'), 'banana'.rfind('an'), 'banana'.rfind('x'))
print('banana'.index('n'), 'banana'.count('a'), 'banana'.count('an'), 'aaaa'.count('aa'), 'abc'.count(''))
try:
    'abc'.index('z')
except ValueError as e:
    print('ValueError:', e)
print('hello'.startswith('he'), 'hello'.startswith(('x', 'h')), 'hello'.endswith('lo'), 'hello'.endswith('l', 0, 4))
print('MiXeD 1'.upper(), 'MiXeD 1'.lower(), 'hello world foo'.title(), "it's a test".title(), 'hELLO wORLD'.capitalize())
print('123'.isdigit(), '12a'.isdigit(), ''.isdigit(), 'abc'.isalpha(), 'ab1'.isalpha(), 'ab1'.isalnum(), 'a b'.isalnum())
print(' \t\n'.isspace(), ''.isspace(), 'a '.isspace(), 'é'.isalpha(), '٣'.isdigit())
print('abc'.center(9), '|' + 'abc'.center(8, '*') + '|', 'abc'.ljust(6, '.'), 'abc'.rjust(6), 'abcdef'.center(2))
print('42'.zfill(5), '-42'.zfill(5), '+7'.zfill(4), 'abc'.zfill(2))
print('a=b=c'.partition('='), 'abc'.partition('x'), 'a=b=c'.rpartition('='), 'abc'.rpartition('x'))
print('l1\nl2\r\nl3\rl4'.splitlines(), 'a\n\nb\n'.splitlines(), 'x\ny'.splitlines(True) if True else '')
print('héllo'.encode(), 'abc'.encode('utf-8'), 'é'.encode('latin-1'), type('x'.encode()).__name__)
print('{} and {}'.format('a', 'b'), '{1}{0}'.format('x', 'y'), '{name}!'.format(name='hi'), '{0:>5}|{1:.2f}'.format('r', 3.14159))
print('{:,}'.format(1234567), '{!r}'.format('q'), '{{}}'.format(), '{0[1]}'.format([5, 6]), '{0.real}'.format(3))
print('abc' * 3, 'ab' + 'cd', 'b' in 'abc', 'abc' < 'abd', 'B' < 'a', min('hello'), max('hello'))
print(list('abc'), sorted('banana'), str(123), str(-1.5), str([1, 'a']), repr('quote\'s'))
print('x'.join(['1', '2', '3']), 'Python'[1:4].upper())
print(ord('A'), chr(97), ord('€'), chr(0x1F600), '\u00e9'.upper())
print('one two three'.split(' ', -1), 'a  b'.split(' '), 'abc'.split('abc'))
print('Hello'.lower().upper().lower(), 'x'.isupper(), 'X'.isupper(), 'x'.islower())
print('TITLE Case'.istitle(), 'abc'.startswith(''), ''.startswith(''))
s2 = 'immutable'
try:
    s2[0] = 'X'
except TypeError as e:
    print('TypeError:', e)
try:
    'a' + 1
except TypeError as e:
    print('TypeError:', e)
try:
    'abc'[10]
except IndexError as e:
    print('IndexError:', e)
print('abc'[10:], 'abc'[-10:2], 'abc'[1:1], repr('abc'[3:]))
for ch in 'hé':
    print(ch, ord(ch))
print(hash('abc') == hash('ab' + 'c'), 'abc' == 'ab' + 'c', 'abc' != None)
print(str(b'bytes'), str(None), str(), repr(str()))
print('x=%d y=%s z=%r' % (1, 'two', 'three'), '%5.2f|%-5d|%05d' % (3.14159, 42, 7), '%x %o %X %e' % (255, 8, 255, 12345.678))
print('%s' % 'single', '%s' % (1,), '%%' % (), '%(a)s-%(b)d' % {'a': 'x', 'b': 2}, '%c%c' % (72, 'i'), '%+d %+d' % (5, -5))
print('%10s|%-10s|' % ('right', 'left'), '%.3s' % 'truncate', '%i' % 3.9, '%r' % [1])
try:
    '%d' % 'x'
except TypeError as e:
    print('TypeError:', e)
try:
    '%s %s' % ('only one',)
except TypeError as e:
    print('TypeError:', e)
print('Hello World'.swapcase(), 'straße'.upper())
