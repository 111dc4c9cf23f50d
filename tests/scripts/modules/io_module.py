# io.StringIO and io.BytesIO: writing, reading back, seeking, truncating,
# iteration, closing, errors; print(file=...) into a StringIO; io.open.
import io

s = io.StringIO()
print("hello", 42, file=s)
print("second line", file=s)
n = s.write("tail")
print(n, repr(s.getvalue()))
print(s.tell(), s.read())
print(s.seek(0), repr(s.readline()), repr(s.readline(3)), repr(s.readline()))
print(repr(s.read()), repr(s.read()))
s.seek(0)
print(s.readlines())
s.seek(0)
print([line for line in s])
s.seek(6)
s.write("HELLO")
print(repr(s.getvalue()))
s.seek(0, io.SEEK_END)
print(s.tell())
print(s.truncate(5), repr(s.getvalue()), s.tell())
s.seek(8)
s.write("x")
print(repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.isatty())

pieces = io.StringIO()
for i in range(2000):
    pieces.write(str(i % 10))
value = pieces.getvalue()
print(len(value), value[:12], value[-5:])

with io.StringIO("a\nb\nc") as f:
    print(f.read(2), f.readlines(), f.closed)
print(f.closed)

t = io.StringIO("initial")
print(t.getvalue(), t.tell(), t.read(3))
t.writelines(["-", "w"])
print(t.getvalue())
print(io.StringIO(None).getvalue() == "")

b = io.BytesIO(b"abcdef")
print(b.read(2), b.seek(-2, io.SEEK_END), b.read(), b.seek(-3, io.SEEK_CUR), b.read(1))
print(b.seek(-100, io.SEEK_CUR), b.write(b"XY"), b.getvalue())
b.seek(10)
b.write(b"!")
print(b.getvalue())
print(b.readline(), io.BytesIO(b"1\n2\n").readlines())

errors = [
    lambda: io.StringIO(5),
    lambda: io.StringIO().write(5),
    lambda: io.BytesIO("x"),
    lambda: io.BytesIO().write("x"),
    lambda: io.StringIO().seek(-1),
    lambda: io.StringIO().seek(1, io.SEEK_CUR),
    lambda: io.StringIO().seek(0, 3),
    lambda: io.BytesIO().seek(-1),
    lambda: io.BytesIO().seek(0, 3),
    lambda: io.StringIO().truncate(-1),
]
for make in errors:
    try:
        make()
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)

closed = io.StringIO("x")
closed.close()
for op in (closed.read, closed.getvalue, closed.tell, lambda: closed.write("y")):
    try:
        op()
    except ValueError as e:
        print("closed:", e)
bclosed = io.BytesIO()
bclosed.close()
try:
    bclosed.read()
except ValueError as e:
    print("closed:", e)

print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(io.open is open, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
