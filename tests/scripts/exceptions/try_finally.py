# try/except/else/finally ordering, return/break/continue through finally, re-raise.
log = []
def run(kind):
    log.clear()
    try:
        log.append('try')
        if kind == 'raise':
            raise ValueError(kind)
        if kind == 'return':
            return 'from try'
    except ValueError:
        log.append('except')
        return 'from except'
    else:
        log.append('else')
    finally:
        log.append('finally')
    log.append('after')
    return 'end'
for kind in ['normal', 'raise', 'return']:
    result = run(kind)
    print(kind, result, log)
def finally_overrides():
    try:
        return 'try'
    finally:
        return 'finally'
print(finally_overrides())
def finally_swallows():
    try:
        raise ValueError('lost')
    finally:
        return 'swallowed'
print(finally_swallows())
def reraise():
    try:
        raise KeyError('orig')
    except KeyError:
        print('handling, then re-raise')
        raise
try:
    reraise()
except KeyError as e:
    print('re-raised', repr(e))
def reraise_as():
    try:
        raise IndexError('idx')
    except IndexError as e:
        raise e
try:
    reraise_as()
except IndexError as e:
    print('raise e', repr(e))
try:
    try:
        raise ValueError('a')
    except TypeError:
        print('wrong handler')
    finally:
        print('inner finally')
except ValueError:
    print('outer handler')
def except_var_deleted():
    try:
        raise ValueError('x')
    except ValueError as err:
        pass
    try:
        err
    except NameError as e:
        print('NameError after except:', e)
    except UnboundLocalError as e:
        print('UnboundLocalError after except:', e)
except_var_deleted()
import sys
try:
    raise ValueError('info')
except ValueError:
    et, ev, tb = sys.exc_info()
    print(et.__name__, ev, tb is not None)
print(sys.exc_info())
def gen_finally():
    for i in range(3):
        try:
            if i == 1:
                continue
            print('body', i)
        finally:
            print('fin', i)
gen_finally()
count = 0
while True:
    try:
        count += 1
        if count == 3:
            break
    finally:
        print('while finally', count)
def nested_finally():
    try:
        try:
            return 'inner'
        finally:
            print('inner finally')
    finally:
        print('outer finally')
print(nested_finally())
try:
    raise
except RuntimeError as e:
    print('RuntimeError:', e)
def raise_in_except():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('in except')
    finally:
        print('finally after raise in except')
try:
    raise_in_except()
except ValueError as e:
    print('got', e, type(e.__context__).__name__)
try:
    raise Exception('base catch')
except BaseException as e:
    print('BaseException catches', e)
print('handled state', sys.exc_info()[0])
