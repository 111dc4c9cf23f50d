"""InterpreterPoolExecutor: a ThreadPoolExecutor whose worker threads each
own an interpreter (with its own GIL) and run the submitted calls in it, so
CPU-bound calls run in parallel.

The function is sent by reference (module and qualified name) and its
arguments and result as copies of shareable data (see concurrent.interpreters).
An exception raised by the call is re-raised in the caller as the same class
when the caller can find that class by name and the arguments were
shareable, chained from the ExecutionFailed that carried it; otherwise the
ExecutionFailed itself is raised.
"""

import sys
import threading
from concurrent import interpreters
from concurrent.futures import thread as _thread


class BrokenInterpreterPool(_thread.BrokenThreadPool):
    """Raised when a worker thread in an InterpreterPoolExecutor failed initializing."""


def _lookup(module, qualname):
    """The object `module.qualname` in this interpreter, or None."""
    if module == '__mp_main__':
        module = '__main__'
    obj = sys.modules.get(module)
    if obj is None:
        try:
            __import__(module)
        except ImportError:
            return None
        obj = sys.modules.get(module)
    for part in qualname.split('.'):
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def _rebuild(failed):
    """The exception `failed` (an ExecutionFailed) stands for, or `failed`."""
    info = failed.excinfo
    if info.args is None:
        return failed
    cls = _lookup(info.type.__module__, info.type.__qualname__)
    if not isinstance(cls, type) or not issubclass(cls, BaseException):
        return failed
    try:
        return cls(*info.args)
    except Exception:
        return failed


class InterpreterPoolExecutor(_thread.ThreadPoolExecutor):
    """Runs submitted calls in up to max_workers interpreters, one per
    worker thread."""

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=(), shared=None):
        """max_workers: how many interpreters (and threads) at most;
        initializer(*initargs) runs in each new interpreter; shared: a
        mapping of shareable values bound in each interpreter's __main__."""
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._interps = {}
        self._interps_lock = threading.Lock()
        self._shared = dict(shared) if shared else None
        self._task_initializer = initializer
        self._task_initargs = initargs
        super().__init__(max_workers, thread_name_prefix,
                         self._start_worker, ())

    def _start_worker(self):
        interp = interpreters.create()
        with self._interps_lock:
            self._interps[threading.get_ident()] = interp
        if self._shared:
            interp.prepare_main(self._shared)
        if self._task_initializer is not None:
            interp.call(self._task_initializer, *self._task_initargs)

    def _run(self, fn, args, kwargs):
        interp = self._interps[threading.get_ident()]
        try:
            return interp._call(fn, args, kwargs)
        except interpreters.ExecutionFailed as failed:
            exc = _rebuild(failed)
            if exc is failed:
                raise
            raise exc from failed

    def submit(self, fn, /, *args, **kwargs):
        return super().submit(self._run, fn, args, kwargs)

    def shutdown(self, wait=True, *, cancel_futures=False):
        super().shutdown(wait, cancel_futures=cancel_futures)
        if wait:
            with self._interps_lock:
                interps = list(self._interps.values())
                self._interps.clear()
            for interp in interps:
                interp.close()
