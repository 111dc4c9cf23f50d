# A main script without the `if __name__ == '__main__':` guard: calling one of
# its functions in another interpreter runs it again there as '__mp_main__',
# where it would create an interpreter and call again, without end. As
# multiprocessing's spawn does, that second start is refused with a
# RuntimeError, and the outer call fails with ExecutionFailed naming it.
from concurrent import interpreters


def square(x):
    return x * x


print("loading as", __name__)
interp = interpreters.create()
print(interp.call(square, 7))
print("not reached")
