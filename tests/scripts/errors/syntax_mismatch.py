# SyntaxError: a closing bracket that does not match the opening one.
x = [1, 2)
