# SyntaxError: an unterminated string literal.
print('ok')
s = 'no end
