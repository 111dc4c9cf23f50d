# threading.Thread: names, reprs, start/join rules, daemon inheritance,
# subclassing, current_thread/enumerate/active_count.
import threading


def strip_ident(r):
    # The ident at the end of a started thread's repr differs between runs.
    head, _, last = r.rpartition(' ')
    return head + ')>' if last[:-2].isdigit() else r


def work(a, b=0, *, c=0):
    results.append((threading.current_thread().name, a + b + c))


results = []
t1 = threading.Thread(target=work, args=(1,), kwargs={'b': 2, 'c': 3})
t2 = threading.Thread(target=work, args=(10,))
t3 = threading.Thread(name='custom', target=work, args=(100,))
t4 = threading.Thread()
print(t1.name, '|', t2.name, '|', t3.name, '|', t4.name)
print(repr(t1))
print(t1.is_alive(), t1.ident, t1.native_id, t1.daemon)
for t in (t1, t2, t3):
    t.start()
for t in (t1, t2, t3):
    t.join()
print(sorted(results))
print(strip_ident(repr(t1)))
print(t1.is_alive(), isinstance(t1.ident, int), isinstance(t1.native_id, int))

try:
    t1.start()
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    t4.join()
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print('RuntimeError:', e)


class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.out = None

    def run(self):
        self.out = self.n * self.n
        self.me = threading.current_thread() is self


w = Worker(7)
print(w.name)
w.start()
w.join()
print(w.out, w.me)

# daemon comes from the creating thread unless given
inherit = []


def make_child():
    inherit.append(threading.Thread(target=print).daemon)


d = threading.Thread(target=make_child, daemon=True)
print(strip_ident(repr(d)))
d.start()
d.join()
print('child of daemon is daemon:', inherit)
print('child of main is daemon:', threading.Thread().daemon)
try:
    d.daemon = False
except RuntimeError as e:
    print('RuntimeError:', e)

n = threading.Thread(target=print)
n.daemon = True
n.name = 'renamed'
print(n.daemon, n.name)

main = threading.main_thread()
print(main.name, main is threading.current_thread(), main.daemon)
print(strip_ident(repr(main)))
print(threading.get_ident() == main.ident, threading.get_native_id() == main.native_id)
print(threading.active_count(), [t.name for t in threading.enumerate()])

# a thread blocked on an event is listed while it runs
gate = threading.Event()
b = threading.Thread(target=gate.wait, name='blocked')
b.start()
print(threading.active_count(), sorted(t.name for t in threading.enumerate()))
print(strip_ident(repr(b)))
print(b.join(timeout=0.01), b.is_alive())
gate.set()
b.join()
print(b.is_alive(), threading.active_count())
print(threading.TIMEOUT_MAX > 1000)
