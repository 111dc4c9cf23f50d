# An uncaught exception raised while handling another: both tracebacks printed, last line is the second.
def load(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError('cannot load ' + repr(text)) from e

print(load('12'))
load('x')
