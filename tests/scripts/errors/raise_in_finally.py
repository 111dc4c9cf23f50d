# An uncaught custom exception from a generator, through a finally block.
class BadData(Exception):
    pass

def produce():
    yield 1
    raise BadData('item 2 is bad')

def consume():
    try:
        for item in produce():
            print('item', item)
    finally:
        print('cleanup')

consume()
