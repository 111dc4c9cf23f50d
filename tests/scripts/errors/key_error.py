# An uncaught KeyError from a dict lookup in a method.
class Registry:
    def __init__(self):
        self.items = {'a': 1}

    def lookup(self, key):
        return self.items[key]

r = Registry()
print(r.lookup('a'))
r.lookup('missing')
