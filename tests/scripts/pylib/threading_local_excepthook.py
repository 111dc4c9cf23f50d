# threading.local (per-thread attributes, subclass __init__ per thread) and
# excepthook (a failing thread does not stop the program).
import sys
import threading

data = threading.local()
data.x = 'main'
seen = []


def worker(i):
    seen.append(('before', i, hasattr(data, 'x')))
    data.x = i
    seen.append(('after', i, data.x))


ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
    t.join()
print(seen)
print('main still sees', data.x)
del data.x
print(hasattr(data, 'x'))
try:
    data.x
except AttributeError as e:
    print('AttributeError:', e)


class Config(threading.local):
    greeting = 'class attribute'

    def __init__(self, value):
        self.value = value
        self.inits = getattr(self, 'inits', 0) + 1


cfg = Config(42)
cfg.value = 'changed in main'
out = []


def read():
    out.append((cfg.value, cfg.inits, cfg.greeting))


t = threading.Thread(target=read)
t.start()
t.join()
print(out, cfg.value)
try:
    threading.local(1)
except TypeError as e:
    print('TypeError:', e)


# excepthook: replace it, see the arguments, then restore the default
def hook(args):
    print('hook:', args.exc_type.__name__, args.exc_value, args.thread.name,
          args.exc_traceback is not None)


def fail():
    raise ValueError('boom')


threading.excepthook = hook
t = threading.Thread(target=fail, name='failing')
t.start()
t.join()
print('alive after failure:', t.is_alive())
threading.excepthook = threading.__excepthook__

# the default hook prints to stderr; SystemExit is silent; stdout goes on
t = threading.Thread(target=fail)
t.start()
t.join()
t = threading.Thread(target=sys.exit)
t.start()
t.join()
print('program continues')
