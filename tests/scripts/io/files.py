# Files: open modes, reading forms, writing, seek/tell, context managers, errors with errno.
import os
import tempfile

base = os.path.join(tempfile.gettempdir(), 'gilvm_files_test_%d' % os.getpid())
os.makedirs(base, exist_ok=True)
path = os.path.join(base, 'data.txt')

with open(path, 'w', encoding='utf-8') as f:
    print(f.name == path, f.closed, f.mode)
    print(f.write('first line\n'), f.write('second línea\n'))
    f.writelines(['third\n', 'fourth'])
print(f.closed)

with open(path) as f:
    print(repr(f.read(5)), f.tell())
    print(repr(f.readline()))
    print(f.readlines())
with open(path, 'r') as f:
    print([line.rstrip('\n') for line in f])
with open(path, 'a') as f:
    f.write('\nappended')
with open(path) as f:
    print(f.read().splitlines()[-1])

with open(path, 'r+') as f:
    f.seek(0)
    f.write('FIRST')
    f.seek(0)
    print(repr(f.readline()))

bpath = os.path.join(base, 'data.bin')
with open(bpath, 'wb') as f:
    print(f.write(bytes(range(10))), f.mode)
with open(bpath, 'ab') as f:
    f.write(b'\xff\xfe')
with open(bpath, 'rb') as f:
    data = f.read()
    print(data, len(data), f.tell())
    f.seek(2)
    print(f.read(3), f.tell())
    f.seek(-2, 2)
    print(f.read())

try:
    open(bpath, 'x')
except FileExistsError as e:
    print('FileExistsError', e.errno, e.strerror)
xpath = os.path.join(base, 'new.txt')
with open(xpath, 'x') as f:
    f.write('made')
print(open(xpath).read())

try:
    open(os.path.join(base, 'missing.txt'))
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.strerror, e.filename == os.path.join(base, 'missing.txt'))
try:
    open(base)
except IsADirectoryError as e:
    print('IsADirectoryError', e.errno, e.strerror)
try:
    with open(path) as f:
        f.write('x')
except Exception as e:
    print(type(e).__name__, e)
f = open(path)
f.close()
try:
    f.read()
except ValueError as e:
    print('ValueError', e)

for name in sorted(os.listdir(base)):
    os.remove(os.path.join(base, name))
os.rmdir(base)
print(os.path.exists(base))
