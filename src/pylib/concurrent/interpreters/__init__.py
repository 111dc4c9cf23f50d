"""Multiple interpreters in the same process, each with its own GIL (PEP 734,
Python 3.14's concurrent.interpreters).

Interpreters share no objects: values cross as copies of plain data (None,
bool, int, float, str, bytes, and tuples, lists and dicts of those) or through
queues. A function is sent by reference (its module and qualified name) and
looked up in the other interpreter, which imports its module; functions of
the main script are found there by loading the script as '__mp_main__', so
an `if __name__ == '__main__':` block does not run again.
"""

import threading
import _interpreters
from _interpreters import (
    InterpreterError, InterpreterNotFoundError, NotShareableError,
    is_shareable,
)
from concurrent.interpreters._queues import (
    create as create_queue,
    Queue, QueueEmpty, QueueFull,
)

__all__ = [
    'get_current', 'get_main', 'create', 'list_all', 'is_shareable',
    'Interpreter',
    'InterpreterError', 'InterpreterNotFoundError', 'ExecutionFailed',
    'NotShareableError',
    'create_queue', 'Queue', 'QueueEmpty', 'QueueFull',
]


_EXEC_FAILURE_STR = """{superstr}

Uncaught in the interpreter:

{formatted}"""


class ExceptionType:
    """The class of an exception raised in another interpreter, by name
    (the class itself stayed there)."""

    def __init__(self, name, qualname, module):
        self.__name__ = name
        self.__qualname__ = qualname
        self.__module__ = module

    def __repr__(self):
        if self.__module__ == 'builtins':
            return f"<class '{self.__qualname__}'>"
        return f"<class '{self.__module__}.{self.__qualname__}'>"


class ExceptionInfo:
    """A summary of an exception that escaped in another interpreter: its
    type (by name), message, 'Type: message' and the traceback as text."""

    def __init__(self, name, qualname, module, msg, formatted, errdisplay,
                 args):
        self.type = ExceptionType(name, qualname, module)
        self.msg = msg
        self.formatted = formatted
        self.errdisplay = errdisplay
        # The exception's arguments if they were shareable, else None.
        self.args = args

    def __repr__(self):
        return f'ExceptionInfo(type={self.type!r}, msg={self.msg!r})'


class ExecutionFailed(InterpreterError):
    """An unhandled exception happened during execution.

    This is raised from Interpreter.exec() and Interpreter.call().
    """

    def __init__(self, excinfo):
        msg = excinfo.formatted
        if not msg:
            if excinfo.type and excinfo.msg:
                msg = f'{excinfo.type.__name__}: {excinfo.msg}'
            else:
                msg = excinfo.type.__name__ or excinfo.msg
        super().__init__(msg)
        self.excinfo = excinfo

    def __str__(self):
        try:
            formatted = self.excinfo.errdisplay
        except Exception:
            return super().__str__()
        else:
            return _EXEC_FAILURE_STR.format(
                superstr=super().__str__(),
                formatted=formatted,
            )


def _failed(raw):
    return ExecutionFailed(ExceptionInfo(*raw))


def create():
    """Return a new (idle) Python interpreter."""
    return Interpreter(_interpreters.create())


def list_all():
    """Return all existing interpreters."""
    return [Interpreter(id) for id in _interpreters.list_all()]


def get_current():
    """Return the currently running interpreter."""
    return Interpreter(_interpreters.get_current())


def get_main():
    """Return the main interpreter."""
    return Interpreter(_interpreters.get_main())


def _reference(callable):
    """(module, qualified name) by which another interpreter finds `callable`."""
    module = getattr(callable, '__module__', None)
    qualname = getattr(callable, '__qualname__', None)
    if (not isinstance(module, str) or not isinstance(qualname, str)
            or '<' in qualname or type(callable).__name__ == 'method'):
        raise NotShareableError(
            f'{callable!r} cannot be called in another interpreter: only '
            f'functions and classes defined at the top level of a module can')
    return module, qualname


# One Interpreter object per id in each interpreter.
_known = {}


class Interpreter:
    """A single Python interpreter, with its own GIL, modules and objects."""

    def __new__(cls, id, /):
        if not isinstance(id, int):
            raise TypeError(f'id must be an int, got {id!r}')
        try:
            return _known[id]
        except KeyError:
            self = super().__new__(cls)
            self._id = id
            _known[id] = self
            return self

    def __repr__(self):
        return f'{type(self).__name__}({self.id})'

    def __hash__(self):
        return hash(self._id)

    @property
    def id(self):
        return self._id

    def is_running(self):
        """Return whether or not the identified interpreter is running."""
        return _interpreters.is_running(self._id)

    def close(self):
        """Finalize and destroy the interpreter.

        Attempting to destroy the current interpreter results
        in an InterpreterError.
        """
        return _interpreters.destroy(self._id)

    def prepare_main(self, ns=None, /, **kwargs):
        """Bind the given values into the interpreter's __main__.

        The values must be shareable.
        """
        ns = dict(ns, **kwargs) if ns is not None else kwargs
        _interpreters.set___main___attrs(self._id, ns)

    def exec(self, code, /):
        """Run the given source code in the interpreter's __main__.

        Blocks the current thread until done; meanwhile the calling
        interpreter's GIL is free for its other threads. An unhandled
        exception raises ExecutionFailed, which summarizes it.
        """
        if not isinstance(code, str):
            raise TypeError(f'expected a string of source code, got {code!r}')
        excinfo = _interpreters.exec(self._id, code)
        if excinfo is not None:
            raise _failed(excinfo)

    def _call(self, callable, args, kwargs):
        module, qualname = _reference(callable)
        res, excinfo = _interpreters.call(self._id, module, qualname,
                                          args, kwargs)
        if excinfo is not None:
            raise _failed(excinfo)
        return res

    def call(self, callable, /, *args, **kwargs):
        """Call the object in the interpreter with given args/kwargs and
        return a copy of its result.

        The callable must be defined at the top level of a module (it is
        looked up by name there); the arguments and the result must be
        shareable. An exception raises ExecutionFailed.
        """
        return self._call(callable, args, kwargs)

    def call_in_thread(self, callable, /, *args, **kwargs):
        """Return a new thread that calls the object in the interpreter.

        The return value and any raised exception are discarded.
        """
        t = threading.Thread(target=self._call, args=(callable, args, kwargs))
        t.start()
        return t
