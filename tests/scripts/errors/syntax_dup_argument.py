# SyntaxError: duplicate argument in a function definition.
def f(a, a):
    return a
