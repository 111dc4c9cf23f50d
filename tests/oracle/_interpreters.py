"""Oracle shim of gilvm's native `_interpreters`, for CPython 3.11 (which has
no such module), so that python3 can still produce the expected output of
tests/scripts/interpreters/. Not a real implementation: every "interpreter"
runs in CPython's single interpreter, in the calling thread. What it models
is what the tests observe:

- each interpreter has its own __main__ namespace and its own builtins, and
  loads its own copy of any module found beside the main script (the main
  script itself as '__mp_main__'); standard modules are shared;
- values cross as copies, and only shareable ones (the same rules and
  messages as src/vm/shareable.rs);
- ids, running state, errors and excinfo are those of src/modules/interpreters.rs.
"""

import builtins
import os
import sys
import threading
import traceback
import types


class InterpreterError(Exception):
    """A cross-interpreter operation failed."""


class InterpreterNotFoundError(InterpreterError):
    """An interpreter was not found."""


class NotShareableError(TypeError):
    """An object cannot be sent to another interpreter."""


_QUEUES_MODULE = 'concurrent.interpreters._queues'


def copy_shareable(obj):
    """A copy of `obj` as another interpreter would receive it."""
    t = type(obj)
    if obj is None or t in (bool, int, float, str, bytes):
        return obj
    if t is tuple:
        return tuple(copy_shareable(x) for x in obj)
    if t is list:
        return [copy_shareable(x) for x in obj]
    if t is dict:
        return {copy_shareable(k): copy_shareable(v) for k, v in obj.items()}
    if t.__name__ == 'Queue' and t.__module__ == _QUEUES_MODULE:
        return obj
    raise NotShareableError(
        f'{t.__name__} objects are not shareable between interpreters')


class _Interp:
    def __init__(self, id):
        self.id = id
        self.running = False
        self.bootstrapping = False
        self.modules = {}
        own_builtins = types.ModuleType('builtins')
        own_builtins.__dict__.update(builtins.__dict__)
        own_builtins.__import__ = self._import
        self.modules['builtins'] = own_builtins
        self.builtins = own_builtins.__dict__
        self.main = self._module('__main__', None)

    def _module(self, name, path):
        module = types.ModuleType(name)
        module.__dict__['__builtins__'] = self.builtins
        if path is not None:
            module.__file__ = path
        self.modules[name] = module
        return module

    def load(self, name, path):
        module = self._module(name, path)
        with open(path) as f:
            source = f.read()
        try:
            builtins.exec(compile(source, path, 'exec'), module.__dict__)
        except BaseException:
            del self.modules[name]
            raise
        return module

    def load_main(self, path):
        """The main script, run in this __main__ under the name __mp_main__."""
        with open(path) as f:
            source = f.read()
        ns = self.main.__dict__
        ns['__name__'] = '__mp_main__'
        ns['__file__'] = path
        self.modules['__mp_main__'] = self.main
        self.bootstrapping = True
        try:
            builtins.exec(compile(source, path, 'exec'), ns)
        except BaseException:
            del self.modules['__mp_main__']
            raise
        finally:
            ns['__name__'] = '__main__'
            self.bootstrapping = False

    def _import(self, name, globals=None, locals=None, fromlist=(), level=0):
        if level == 0 and '.' not in name:
            if name in self.modules:
                return self.modules[name]
            path = os.path.join(sys.path[0], name + '.py')
            if os.path.isfile(path):
                return self.load(name, path)
        return builtins.__import__(name, globals, locals, fromlist, level)

    def resolve(self, module, qualname):
        parts = qualname.split('.')
        if module in ('__main__', '__mp_main__'):
            if parts[0] in self.main.__dict__:
                obj = self.main
            else:
                obj = self.main
                if '__mp_main__' not in self.modules:
                    self.load_main(sys.modules['__main__'].__file__)
        else:
            obj = self._import(module)
            for part in module.split('.')[1:]:
                obj = getattr(obj, part)
        for part in parts:
            obj = getattr(obj, part)
        return obj


_lock = threading.Lock()
_owned = {}
_next_id = 1
_current = threading.local()


def _stack():
    if not hasattr(_current, 'ids'):
        _current.ids = []
    return _current.ids


def _lookup(id):
    if not isinstance(id, int):
        raise TypeError(f'interpreter ID must be an int, got {type(id).__name__}')
    interp = _owned.get(id)
    if interp is None:
        if id == 0:
            raise InterpreterError('op not supported for this interpreter')
        raise InterpreterNotFoundError(f'unrecognized interpreter ID {id}')
    return interp


_BOOTSTRAPPING = (
    "An attempt has been made to start a new interpreter before the "
    "current interpreter has finished its bootstrapping phase: the main script, run again as "
    "'__mp_main__' to find a function sent to this interpreter, creates or calls into interpreters "
    "at module level. Use the `if __name__ == '__main__':` idiom in the main script")


def _check_bootstrapped():
    stack = _stack()
    if stack and _owned[stack[-1]].bootstrapping:
        raise RuntimeError(_BOOTSTRAPPING)


def _start_running(id):
    _check_bootstrapped()
    with _lock:
        interp = _lookup(id)
        if interp.running:
            raise InterpreterError('interpreter already running')
        interp.running = True
        return interp


def _excinfo(exc):
    # Drop the shim's own frame: gilvm's traceback starts in the interpreter.
    tb = exc.__traceback__.tb_next if exc.__traceback__ else None
    errdisplay = ''.join(traceback.format_exception(type(exc), exc, tb)).rstrip()
    msg = str(exc)
    name = type(exc).__name__
    formatted = f'{name}: {msg}' if msg else name
    try:
        args = copy_shareable(exc.args)
    except NotShareableError:
        args = None
    return (name, type(exc).__qualname__, type(exc).__module__, msg,
            formatted, errdisplay, args)


def create():
    global _next_id
    _check_bootstrapped()
    with _lock:
        id = _next_id
        _next_id += 1
        _owned[id] = _Interp(id)
    return id


def destroy(id):
    with _lock:
        interp = _lookup(id)
        if id in _stack():
            raise InterpreterError('cannot destroy the current interpreter')
        if interp.running:
            raise InterpreterError('interpreter running')
        del _owned[id]


def list_all():
    return [0] + sorted(_owned)


def get_current():
    stack = _stack()
    return stack[-1] if stack else 0


def get_main():
    return 0


def is_running(id):
    if id == 0:
        return True
    with _lock:
        return _lookup(id).running


def is_shareable(obj):
    try:
        copy_shareable(obj)
    except NotShareableError:
        return False
    return True


def exec(id, source):
    if not isinstance(source, str):
        raise TypeError('exec() expects the code to run as a string')
    interp = _start_running(id)
    _stack().append(id)
    try:
        builtins.exec(compile(source, '<string>', 'exec'), interp.main.__dict__)
    except BaseException as exc:
        return _excinfo(exc)
    finally:
        _stack().pop()
        interp.running = False
    return None


def set___main___attrs(id, ns):
    for name in ns:
        if not isinstance(name, str):
            raise TypeError('names to bind must be strings')
    copied = {name: copy_shareable(value) for name, value in ns.items()}
    with _lock:
        interp = _lookup(id)
    interp.main.__dict__.update(copied)


def call(id, module, qualname, args, kwargs):
    args = copy_shareable(args)
    kwargs = copy_shareable(kwargs)
    interp = _start_running(id)
    _stack().append(id)
    try:
        func = interp.resolve(module, qualname)
        result = func(*args, **kwargs)
    except BaseException as exc:
        return None, _excinfo(exc)
    finally:
        _stack().pop()
        interp.running = False
    return copy_shareable(result), None
