# An uncaught TypeError three calls deep: the traceback names every frame's line.
def parse(value):
    return value + 1


def convert(items):
    out = []
    for item in items:
        out.append(parse(item))
    return out


def main():
    print('converting')
    return convert([1, 2, 'three'])


main()
print('never reached')
