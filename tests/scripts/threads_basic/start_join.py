# Thread start/join with results collected in a list and sorted; names; is_alive; double start.
import threading
results = []
def work(n):
    results.append(n * n)
threads = [threading.Thread(target=work, args=(i,)) for i in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
print(all(not t.is_alive() for t in threads))
def with_kwargs(a, b=0, *, c=0):
    results.append((a, b, c))
results.clear()
t = threading.Thread(target=with_kwargs, args=(1,), kwargs={'b': 2, 'c': 3})
t.start()
t.join()
print(results)
t = threading.Thread(target=work, args=(3,), name='custom-name')
print(t.name, t.is_alive(), t.ident is None, t.daemon)
t.start()
t.join()
print(t.is_alive(), type(t.ident).__name__)
try:
    t.start()
except RuntimeError as e:
    print('RuntimeError:', e)
class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.result = None
    def run(self):
        self.result = sum(range(self.n))
workers = [Worker(n) for n in (10, 100, 1000)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print([w.result for w in workers])
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(threading.active_count(), len(threading.enumerate()))
def nothing():
    pass
t = threading.Thread(target=nothing)
t.start()
t.join(timeout=5)
t.join()
print('joined twice', t.is_alive())
try:
    threading.current_thread().join()
except RuntimeError as e:
    print('RuntimeError:', e)
unstarted = threading.Thread(target=nothing)
try:
    unstarted.join()
except RuntimeError as e:
    print('RuntimeError:', e)
