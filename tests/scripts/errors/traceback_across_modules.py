# An uncaught exception raised in an imported module: frames from both files.
import raising_mod


def caller():
    return raising_mod.explode(21)


print('calling')
caller()
