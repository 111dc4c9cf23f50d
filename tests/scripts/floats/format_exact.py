# Exact decimal expansions in float formatting, rounding half-even, parsing edge cases.
print('%.20f' % 0.1, '%.30f' % (1 / 3), '%.17g' % 0.1, '{:.25e}'.format(2 / 3))
print(format(1e300, 'f')[:40], len(format(1e300, 'f')), format(1e22, 'f'), format(2 ** 60 * 1.0, '.1f'))
print(format(5e-324, '.5e'), format(1.7976931348623157e308, '.3e'), format(0.1, '.55f'))
print([round(x / 8, 2) for x in range(-8, 9)])
print(round(0.125, 2), round(0.375, 2), round(2.675, 2), round(1.005, 2), round(-1.5), round(-2.5), round(1e16 + 1), round(123.456, -1), round(-123.456, -2))
print(round(5e-324, 400) if False else round(0.5 + 1e-16, 0), round(2.5, 0), round(3.5, 0), round(1234567.891, -3))
print('%.0f %.0f %.0f %.0f' % (0.5, 1.5, 2.5, -0.5), '{:.1f} {:.1f} {:.1f}'.format(0.25, 0.35, 0.45))
print('%.3g|%.10g|%g|%g|%g' % (1234567, 1 / 3, 1e-5, 123456789, 0.0001))
print('{:g} {:g} {:g} {:g} {:.0e} {:#g}'.format(100.0, 1e6, 1e-4, 1.5e-5, 15.0, 1.0))
for s in ['1_000', '1__0', '_1', '1_', ' 12 ', '+-1', '0x10', '1e3', '١٢٣', '  -0  ', '1 2']:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), 'ValueError:', e)
for s in ['1_0.5', '1__0.5', '.5', '5.', '-.5e-3', 'inf', '-Infinity', 'nan', 'NaN', '1e', 'e1', '0x1p3', ' 2.5\n']:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), 'ValueError:', e)
print(float('1' * 400), float('0.' + '0' * 400 + '1'), float('123456789012345678901234567890'))
print(1e-320, 2.2250738585072011e-308, 4.9e-324, 2.5e-324, 2.4e-324)
print(0.1 + 0.2 - 0.3, 1e16 + 2, 2 ** 53 + 1.0, 9007199254740993.0, -1e-300 * 1e-300)
