# logging: levels, basicConfig, format attributes, the logger hierarchy,
# handlers and formatters, %-style arguments, records from threads.
import logging
import os
import sys
import tempfile
import threading

print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR,
      logging.CRITICAL, logging.NOTSET, logging.WARN, logging.FATAL)
print(logging.getLevelName(10), logging.getLevelName('ERROR'),
      logging.getLevelName(33))
print(logging.root, logging.getLogger() is logging.root,
      logging.getLogger('root') is logging.root)

# unconfigured: a named logger's warnings reach stderr bare; info is dropped
logging.getLogger('quiet').info('not shown')

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format='%(levelname)s|%(levelno)s|%(name)s|%(threadName)s|%(message)s')
logging.debug('debug %d', 1)
logging.info('info %s %s', 'a', 'b')
logging.warning('warning')
logging.error('error %r', 'x')
logging.critical('critical')
logging.log(25, 'custom level')
logging.info('mapping %(a)s and %(b)d', {'a': 'A', 'b': 2})
logging.info('percent %% kept when there are args: %s', 'yes')
logging.info('no args: 100%')


def inner():
    logging.info('from a function')


inner()
logging.basicConfig(format='ignored: already configured')
logging.info('still the first format')

log = logging.getLogger('app.db')
print(log, log.parent, log.getEffectiveLevel())
parent = logging.getLogger('app')
print(log.parent is parent, parent.parent is logging.root)
log.setLevel(logging.WARNING)
log.info('dropped')
log.warning('kept %s', log.name)
print(log.isEnabledFor(logging.INFO), log.isEnabledFor(logging.ERROR),
      log.getEffectiveLevel(), parent.getEffectiveLevel())
log.setLevel('INFO')
print(log.level)
try:
    log.setLevel('LOUD')
except ValueError as e:
    print('ValueError:', e)
print(logging.getLogger('app.db') is log, log.getChild('x').name)

# a handler with its own formatter and level; propagation to the root
out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter('[%(name)s] %(levelname)-8s %(message)s'))
out.setLevel(logging.ERROR)
parent.addHandler(out)
log.error('error goes to both')
log.warning('warning only to the root')
parent.propagate = False
log.error('error only to app')
parent.removeHandler(out)
parent.propagate = True
print(out)

# a Formatter with datefmt and a fixed time
fmt = logging.Formatter('%(asctime)s %(msecs)03d %(message)s', datefmt='%Y/%m')
rec = logging.makeLogRecord({'msg': 'fixed', 'created': 1000000000.25,
                             'msecs': 250.0})
print(fmt.format(rec))
plain = logging.Formatter()
stamp = plain.formatTime(rec)
print(len(stamp), stamp[4], stamp[10], stamp[19:])
print(logging.Formatter('{levelname}:{message}', style='{').format(
    logging.makeLogRecord({'msg': 'braces', 'levelname': 'INFO'})))

# extra fields
logging.getLogger('extra').addHandler(logging.NullHandler())
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter('%(user)s did %(message)s'))
ex = logging.getLogger('extra')
ex.addHandler(h)
ex.propagate = False
ex.warning('login', extra={'user': 'ann'})

# filters
class OnlyEven:
    def filter(self, record):
        return record.args[0] % 2 == 0


ex.addFilter(OnlyEven())
for i in range(4):
    ex.warning('n=%d', i, extra={'user': 'f'})

# a FileHandler
path = os.path.join(tempfile.gettempdir(), 'gilvm_logging_test_%d.log' % os.getpid())
fh = logging.FileHandler(path, mode='w')
fh.setFormatter(logging.Formatter('%(levelname)s:%(message)s'))
flog = logging.getLogger('file')
flog.propagate = False
flog.addHandler(fh)
flog.warning('line one')
flog.error('line two')
fh.close()
with open(path) as f:
    print(repr(f.read()))
os.remove(path)

# records from threads carry the thread's name; lines never interleave
tlog = logging.getLogger('threads')
tlog.propagate = False
th = logging.StreamHandler(sys.stdout)
th.setFormatter(logging.Formatter('%(threadName)s %(message)s'))
tlog.addHandler(th)
lines = []


class Collect(logging.Handler):
    def emit(self, record):
        lines.append(self.format(record))


c = Collect()
c.setFormatter(logging.Formatter('%(threadName)s:%(message)s'))
tlog.removeHandler(th)
tlog.addHandler(c)


def work(i):
    for j in range(20):
        tlog.warning('%d-%d', i, j)


ts = [threading.Thread(target=work, args=(i,), name='w%d' % i) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(lines), sorted(lines)[:3])
print(all(l.split(':')[0] == 'w' + l.split(':')[1].split('-')[0] for l in lines))

logging.disable(logging.ERROR)
logging.error('disabled')
logging.critical('critical passes')
logging.disable(logging.NOTSET)
print(logging.getLevelName(logging.getLogger('app').getEffectiveLevel()))
