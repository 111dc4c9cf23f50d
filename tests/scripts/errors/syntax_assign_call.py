# SyntaxError: assignment to a function call.
def f():
    pass
f() = 3
