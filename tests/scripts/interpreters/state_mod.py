# Module state that each interpreter has its own copy of.
counter = 0


def bump(by=1):
    global counter
    counter += by
    return counter


def describe(*args, **kwargs):
    return (args, sorted(kwargs.items()))


def fail(kind, message):
    if kind == "value":
        raise ValueError(message)
    if kind == "key":
        raise KeyError(message)
    raise RuntimeError(message)


def unshareable_result():
    return {1, 2, 3}


class Tools:
    @staticmethod
    def double(x):
        return 2 * x
