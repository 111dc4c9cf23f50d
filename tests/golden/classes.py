class Base:
    """A base."""
    count = 0

    def __init__(self, value):
        self.__value = value

    def get(self):
        return self.__value


class Child(Base, metaclass_free=True):
    def get(self):
        return super().get() + 1

    @property
    def twice(self):
        return [self.get() for _ in range(2)]


def factory():
    y = 1
    class Local:
        z = y
        def m(self):
            return y
    return Local
