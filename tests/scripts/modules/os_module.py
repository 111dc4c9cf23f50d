# os and os.path: deterministic parts of the subset; tempfile.gettempdir.
import os
import os.path
import tempfile
print(type(os.getpid()).__name__, os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid())
print(type(os.environ['PATH']).__name__, 'PATH' in os.environ, os.environ.get('GILVM_SURELY_UNSET_VAR'), os.environ.get('NOPE', 'dflt'))
cwd = os.getcwd()
print(os.path.basename(cwd), os.path.isdir(cwd), os.path.exists(cwd))
print(os.path.join('a', 'b', 'c'), os.path.join('/root', 'x'), os.path.join('a', '/abs', 'b'), os.path.join('a/', 'b'), os.path.join('a', ''))
print(os.path.basename('/x/y/z.txt'), os.path.basename('/x/y/'), os.path.dirname('/x/y/z.txt'), os.path.dirname('z.txt'), os.path.dirname('/'))
print(os.path.exists('os_module.py'), os.path.isfile('os_module.py'), os.path.isdir('os_module.py'), os.path.exists('no_such_file.xyz'), os.path.isfile('.'), os.path.isdir('.'))
print('os_module.py' in os.listdir('.'), 'os_module.py' in os.listdir(), sorted(n for n in os.listdir('.') if n.startswith('os_module') and n.endswith('.py')))
tmp = tempfile.gettempdir()
print(type(tmp).__name__, os.path.isdir(tmp))
path = os.path.join(tmp, 'gilvm_os_test_%d.txt' % os.getpid())
with open(path, 'w') as f:
    f.write('hello\n')
print(os.path.exists(path), os.path.isfile(path), os.path.basename(path).startswith('gilvm_os_test_'))
with open(path) as f:
    print(repr(f.read()))
os.remove(path)
print(os.path.exists(path))
try:
    os.remove(path)
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno)
try:
    os.listdir('/no/such/dir')
except FileNotFoundError as e:
    print('FileNotFoundError:', e)
print(os.path.join(*['p', 'q']), os.sep if hasattr(os, 'sep') else '/')
print(os.path.dirname(os.path.join(cwd, 'x')) == cwd)
