# A generator's "exception being handled" across resumes: the resume and
# suspend paths skip the exc_info swap only while neither side holds one.
import sys

def inner():
    try:
        raise KeyError("in gen")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]

g = inner()
print(next(g), sys.exc_info()[0])
try:
    raise ValueError("caller")
except ValueError:
    print(next(g), sys.exc_info()[0].__name__)
print(next(g), sys.exc_info()[0])

def plain():
    for i in range(3):
        yield sys.exc_info()[0]

for x in plain():
    print("plain", x)
try:
    raise TypeError("outer")
except TypeError:
    for x in plain():
        print("in except", x.__name__)
    print("after", sys.exc_info()[0].__name__)
for x in plain():
    print("again", x)
print(sum(1 for _ in plain()), sys.exc_info()[0])
