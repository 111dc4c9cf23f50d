# An uncaught RecursionError: exit status 1, the last line names the error.
def forever(n):
    return forever(n + 1)

forever(0)
