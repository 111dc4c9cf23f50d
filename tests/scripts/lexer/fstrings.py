# f-strings: nested expressions, conversions, format specs, escaped braces.
x = 3.14159
n = 7
v = 1234567
name = 'gil'
items = [1, 2, 3]
d = {'k': 'v'}
print(f'{x}')
print(f'{x:>8.2f}|')
print(f'{x:<8.2f}|')
print(f'{x:^9.3f}|')
print(f'{n:03d}', f'{n:5d}|', f'{n:<5d}|', f'{-n:05d}')
print(f'{v:,}', f'{v:_}', f'{1234567.891:,.2f}')
print(f'{{', f'}}', f'{{{n}}}', f'{{x}}')
print(f'{name!r}', f'{name!s}', f'{name}')
print(f'{name!r:>10}|')
print(f'{items}', f'{items[0] + items[-1]}', f'{len(items)}')
print(f'{d["k"]}', f"{d['k']}")
print(f'{n * 2 + 1}', f'{n if n > 5 else 0}', f'{(lambda y: y * 2)(n)}')
print(f'{[i * i for i in range(4)]}')
print(f'{x:.{n - 5}f}', f'{x:{"^"}{10}.1f}|')
print(f'{n:x}', f'{n:X}', f'{255:#x}', f'{255:#o}', f'{5:b}', f'{5:08b}')
print(f'{0.5:%}', f'{0.25:.1%}', f'{12345.678:e}', f'{12345.678:.2E}')
print(f'{12345.678:g}', f'{0.00001234:g}', f'{1e20:g}')
print(f'{n:+d}', f'{-n:+d}', f'{n: d}', f'{x:+.1f}')
print(f'{"abc":*^9}', f'{"abc":>5}', f'{"abc":.2}')
print(f'{True}', f'{None}', f'{None!r}')
print(f'{name.upper()}', f'{name[1:]}', f'{"-".join(["a", "b"])}')
print(f'multi {n} and {x:.1f} and {name}')
print(f'''triple {n}
line''')
print(f'{n=}', f'{x=:.2f}', f'{name=!r}' if True else '')
print(rf'\n{n}', fr'{n}\t')
w = 10
print(f'{"right":>{w}}|', f'{n:{w}}|')
print(f'{1_000:,}', f'{-1234567:,}', f'{10**20:,}')
print(f'{123:>+8}|', f'{-0.0}', f'{float("inf")}', f'{float("nan")}')
print(format(x, '.3f'), format(n, '04'), format('s', '<3') + '|')
