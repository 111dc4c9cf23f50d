# logging: where a record comes from (funcName, lineno, filename, module,
# pathname) and exception tracebacks (exception(), exc_info).
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format='%(levelname)s %(funcName)s:%(lineno)d '
                           '%(filename)s %(module)s %(message)s')
logging.info('at module level')


def outer():
    logging.warning('in outer')
    inner()


def inner():
    logging.getLogger('named').error('in inner')


outer()


class Service:
    def run(self):
        logging.debug('in a method')


Service().run()
adapter = logging.LoggerAdapter(logging.getLogger('adapted'), {'k': 1})
adapter.info('through an adapter')
log = logging.getLogger('levels')
log.log(logging.INFO, 'through log()')
print(logging.getLogger().findCaller()[1:3])

# exception() appends the traceback (file paths differ between runs, so
# only parts of it are printed)
caught = []


class Keep(logging.Handler):
    def emit(self, record):
        caught.append(self.format(record))


keeper = logging.getLogger('keep')
keeper.propagate = False
keeper.addHandler(Keep())


def fail():
    raise KeyError('missing')


try:
    fail()
except KeyError:
    keeper.exception('caught %s', 'it')
text = caught[0].splitlines()
print(text[0], '|', text[1], '|', text[-2].strip(), '|', text[-1])
print(len(text), text[2].endswith('in <module>'), text[4].endswith('in fail'))
err = ValueError('given')
keeper.error('with instance', exc_info=err)
print(caught[1].splitlines())
try:
    try:
        fail()
    except KeyError as e:
        raise RuntimeError('wrapped') from e
except RuntimeError:
    keeper.exception('chained')
lines = caught[2].splitlines()
print(lines[0], '|', [l for l in lines if not l.startswith(' ')])
try:
    try:
        fail()
    except KeyError:
        raise TypeError('during')
except TypeError:
    keeper.error('implicit', exc_info=True)
print([l for l in caught[3].splitlines() if not l.startswith(' ')])
