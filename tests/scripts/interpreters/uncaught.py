# An ExecutionFailed nobody catches ends the script like any exception; its
# message names the exception raised in the other interpreter.
from concurrent import interpreters

interp = interpreters.create()
interp.exec("value = 1")
print("before")
interp.exec("""
def check(v):
    if v < 2:
        raise ValueError(f'value too small: {v}')
check(value)
""")
print("not reached")
