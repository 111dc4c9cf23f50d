# An exception in a thread goes to threading.excepthook; the program goes on and exits 0.
import threading
def boom():
    raise ValueError('from the worker thread')
t = threading.Thread(target=boom, name='failing')
t.start()
t.join()
print('main continues', t.is_alive())
captured = []
def hook(args):
    captured.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
old = threading.excepthook
threading.excepthook = hook
t = threading.Thread(target=boom, name='hooked')
t.start()
t.join()
print(captured)
threading.excepthook = old
def last_failure():
    raise KeyError('last one')
t = threading.Thread(target=last_failure, name='final')
t.start()
t.join()
print('end of main')
