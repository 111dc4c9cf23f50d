# The traceback module: print_exc, format_exc, format_exception (both forms,
# limit, chain), format_exception_only, and logging.exception built on it.
import traceback, sys

class Buffer:
    def __init__(self):
        self.parts = []
    def write(self, text):
        self.parts.append(text)
    def getvalue(self):
        return "".join(self.parts)


def clean(text):
    """The report with each file shown by its name only (no directory)."""
    lines = []
    for line in text.splitlines(True):
        if line.startswith('  File "'):
            path, rest = line[len('  File "'):].split('"', 1)
            line = '  File "' + path.rsplit("/", 1)[-1] + '"' + rest
        lines.append(line)
    return "".join(lines)


def inner():
    return {}["k"] + 1

def outer():
    return inner()

try:
    outer()
except KeyError:
    traceback.print_exc()
    text = traceback.format_exc()
    print(text.splitlines()[-1])
    print(len(traceback.format_exception(*sys.exc_info())))
    print(traceback.format_exception_only(sys.exc_info()[1]))
    buf = Buffer()
    traceback.print_exc(limit=1, file=buf)
    print(clean(buf.getvalue()))
    print(clean(traceback.format_exc(limit=-1)))
    print(clean(traceback.format_exc(limit=0)))

try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    print(clean("".join(traceback.format_exception(e))))
    print(clean("".join(traceback.format_exception(e, chain=False))))
    print(traceback.format_exception(type(e), e, e.__traceback__) == traceback.format_exception(e))
print(traceback.format_exc())
print(traceback.format_exception(None))
import logging
logging.basicConfig(stream=sys.stderr, format="%(levelname)s %(message)s")
try:
    outer()
except KeyError:
    logging.exception("failed")
