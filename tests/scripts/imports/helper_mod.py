# A helper module imported by the scripts in this folder (not a test itself).
print('helper_mod executing, __name__ =', __name__)
CONSTANT = 42
_private = 'hidden from star import'
counter = 0
def greet(name):
    return 'hello ' + name
def bump():
    global counter
    counter += 1
    return counter
class Widget:
    def __init__(self, size):
        self.size = size
    def __repr__(self):
        return 'Widget(%d)' % self.size
if __name__ == '__main__':
    print('never printed when imported')
