# Thread names, current_thread in workers, daemon flag, threading.local, get_ident.
import threading
names = []
def who():
    names.append(threading.current_thread().name)
for n in ['alpha', 'beta', 'gamma']:
    t = threading.Thread(target=who, name=n)
    t.start()
    t.join()
print(names)
def target_fn():
    pass
t = threading.Thread(target=target_fn)
print(t.name.startswith('Thread-'), t.name.endswith(' (target_fn)'))
t2 = threading.Thread()
print(t2.name.startswith('Thread-'), '(' not in t2.name)
t.name = 'renamed'
print(t.name)
print(threading.current_thread().name, threading.main_thread().name)
d = threading.Thread(target=target_fn, daemon=True)
print(d.daemon, threading.Thread(target=target_fn).daemon)
d.daemon = False
print(d.daemon)
d.start()
d.join()
try:
    d.daemon = True
except RuntimeError as e:
    print('RuntimeError:', e)
inherit = []
def spawn_child():
    child = threading.Thread(target=target_fn)
    inherit.append(child.daemon)
p = threading.Thread(target=spawn_child, daemon=True)
p.start()
p.join()
print(inherit)
local = threading.local()
local.value = 'main'
seen = []
def use_local(i):
    print_ok = not hasattr(local, 'value')
    local.value = i
    seen.append((print_ok, local.value))
ts = [threading.Thread(target=use_local, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen), local.value)
idents = set()
def record_ident():
    idents.add(threading.get_ident())
ts = [threading.Thread(target=record_ident) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(threading.get_ident() not in idents or len(idents) <= 3, type(threading.get_ident()).__name__)
print(type(threading.get_native_id()).__name__, threading.main_thread().ident == threading.get_ident())
print(repr(threading.main_thread()).startswith('<_MainThread(MainThread, started '))
t = threading.Thread(target=target_fn, name='worker-x')
print(repr(t))
t.start()
t.join()
print(repr(t).startswith('<Thread(worker-x, stopped '))
t = threading.Thread(target=target_fn, name='dworker', daemon=True)
print(repr(t))
print(threading.TIMEOUT_MAX > 0)
