# SyntaxError: an unclosed bracket.
values = [1, 2,
          3, 4
print(values)
