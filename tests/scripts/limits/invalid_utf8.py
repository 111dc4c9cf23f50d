# A source file with invalid UTF-8.
print('ÿşÃ(')
