# An exception raised inside an except block: "During handling of the above exception" chain.
try:
    [1, 2][5]
except IndexError:
    print('handling IndexError')
    None.attribute
