# Every escape sequence in string literals.
print(repr('a\nb'), repr('a\tb'), repr('a\\b'))
print(repr('\''), repr("\""), repr('"'), repr("'"))
print(repr('\x41\x42\x7e'), repr('\x00'), repr('\x7f'))
print(repr('\u00e9'), repr('\u20ac'), repr('\U0001F600'))
print(repr('\N{LATIN SMALL LETTER E WITH ACUTE}'), '\N{EURO SIGN}')
print(repr('\N{GREEK SMALL LETTER ALPHA}'), len('\N{SNOWMAN}'))
print(repr('\r'), repr('\a'), repr('\b'), repr('\f'), repr('\v'))
print(repr('\0'), repr('\101'), repr('\7'), repr('\12'))
print(repr('a\
b'))
print(len('\n'), len('\\n'), len('\x41'), len('\u1234'))
print('tab\there')
print("double 'single' inside", 'single "double" inside')
print("""triple "double" with 'single'""")
print('''triple 'single'
spanning
lines''')
print("""a\
b""")
print(repr("""x
y"""))
print('\u00e9' == 'é', ord('\u00e9'), ord('é'))
print('日本語', len('日本語'), repr('日本語'))
print(repr('\x1b[0m'), repr('\u200b'), repr('\xa0'))
print(repr(''), repr(""), repr(''''''))
print(repr('it\'s'), repr("say \"hi\""), repr('both \' and "'))
