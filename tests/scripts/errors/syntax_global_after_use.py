# SyntaxError: a name used before its global declaration.
counter = 0
def f():
    print(counter)
    global counter
