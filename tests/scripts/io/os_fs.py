# os: directories, rename, stat, environment and constants.
import os
import tempfile

top = os.path.join(tempfile.gettempdir(), 'gilvm_os_test_%d' % os.getpid())
nested = os.path.join(top, 'a', 'b', 'c')
os.makedirs(nested)
print(os.path.isdir(nested), os.path.isfile(nested), os.path.exists(os.path.join(top, 'zz')))
os.makedirs(nested, exist_ok=True)
try:
    os.makedirs(nested)
except FileExistsError as e:
    print('FileExistsError', e.errno)

src = os.path.join(top, 'a', 'file.txt')
with open(src, 'w') as f:
    f.write('x' * 123)
print(os.stat(src).st_size, os.path.getsize(src))
dst = os.path.join(top, 'a', 'renamed.txt')
os.rename(src, dst)
print(os.path.exists(src), os.path.exists(dst), sorted(os.listdir(os.path.join(top, 'a'))))
print(os.path.basename(dst), os.path.dirname(dst) == os.path.join(top, 'a'), os.path.splitext(dst)[1])
os.remove(dst)
for d in (nested, os.path.dirname(nested), os.path.join(top, 'a'), top):
    os.rmdir(d)
print(os.path.exists(top))
try:
    os.rmdir(top)
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno)
try:
    os.remove(top)
except OSError as e:
    print(type(e).__name__, e.errno)

print(os.sep, repr(os.linesep), os.getenv('GILVM_SURELY_UNSET'), os.getenv('GILVM_SURELY_UNSET', 'dflt'))
print(os.getenv('HOME') == os.environ.get('HOME'), isinstance(os.environ, dict) or hasattr(os.environ, 'get'))
print(os.cpu_count() >= 1, os.getpid() > 0, os.getppid() > 0, os.getcwd() == os.path.abspath('.'))
print(os.path.join('a', 'b', 'c'), os.path.join('/x', '/y'), os.path.basename('/p/q/'), os.path.dirname('/p/q/r'))
