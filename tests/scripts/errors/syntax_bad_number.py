# SyntaxError: an invalid decimal literal.
x = 1
y = 12abc
