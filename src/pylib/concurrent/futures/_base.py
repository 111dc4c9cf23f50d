"""Futures, the waiting functions and the Executor interface.

A Future's state is guarded by its own re-entrant lock; the Condition over
it is made only when a thread has to wait for the result (most futures are
done before anyone asks, and a ThreadPoolExecutor makes one per submit).
wait() and as_completed() hang a _Waiter on every future they watch; a
future that finishes reports to its waiters, so nothing polls.
"""

import threading
import time

# The native RLock when threading has one (a class call, not a wrapper).
_new_rlock = getattr(threading, '_CRLock', None) or threading.RLock

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
# Cancelled by the user, but the executor has not yet seen it.
CANCELLED = 'CANCELLED'
# Cancelled, and the waiters were told.
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}

_CANCELLED_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED)
_DONE_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)


class Error(Exception):
    """Base class for all future-related exceptions."""


class CancelledError(Error):
    """The Future was cancelled."""


TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in this state."""


class BrokenExecutor(RuntimeError):
    """An executor can no longer run work (e.g. a worker failed to start)."""


def _log_exception(message, *args):
    # Imported late: most programs never get here and logging is big.
    import logging
    logging.getLogger("concurrent.futures").exception(message, *args)


def _remove_by_identity(items, item):
    for i in range(len(items)):
        if items[i] is item:
            del items[i]
            return


class _Waiter:
    """Collects the futures that finish, and wakes its owner when
    `return_when` is satisfied."""

    def __init__(self, return_when, total):
        self.return_when = return_when
        self.total = total
        self.lock = threading.Lock()
        self.event = threading.Event()
        self.finished_futures = []
        self._seen = 0

    def add(self, future):
        with self.lock:
            self.finished_futures.append(future)
            self._seen += 1
            if self._should_wake(future):
                self.event.set()

    def _should_wake(self, future):
        if self.return_when in (FIRST_COMPLETED, _AS_COMPLETED):
            return True
        if self.return_when == FIRST_EXCEPTION:
            if not future.cancelled() and future._exception is not None:
                return True
        return self._seen >= self.total

    def take(self):
        """For as_completed: the futures finished since the last take()."""
        with self.lock:
            finished = self.finished_futures
            self.finished_futures = []
            self.event.clear()
            return finished


class Future:
    """The result of a call that may not have happened yet."""

    def __init__(self):
        self._lock = _new_rlock()
        # Made by the first thread that has to wait (see _wait_done).
        self._condition = None
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def __repr__(self):
        where = hex(id(self))
        with self._lock:
            state = self._state
            if state == FINISHED:
                if self._exception is not None:
                    return '<%s at %s state=%s raised %s>' % (
                        self.__class__.__name__, where,
                        _STATE_TO_DESCRIPTION_MAP[state],
                        self._exception.__class__.__name__)
                return '<%s at %s state=%s returned %s>' % (
                    self.__class__.__name__, where,
                    _STATE_TO_DESCRIPTION_MAP[state],
                    self._result.__class__.__name__)
            return '<%s at %s state=%s>' % (
                self.__class__.__name__, where, _STATE_TO_DESCRIPTION_MAP[state])

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception:
                _log_exception('exception calling callback for %r', self)

    def cancel(self):
        """Cancel unless already running or done; True if it is cancelled."""
        with self._lock:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state in _CANCELLED_STATES:
                return True
            self._state = CANCELLED
            self._notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        with self._lock:
            return self._state in _CANCELLED_STATES

    def running(self):
        with self._lock:
            return self._state == RUNNING

    def done(self):
        with self._lock:
            return self._state in _DONE_STATES

    def _notify_all(self):
        # With the lock held: wake the threads waiting in result() or exception().
        if self._condition is not None:
            self._condition.notify_all()

    def _outcome(self):
        if self._state in _CANCELLED_STATES:
            raise CancelledError()
        if self._exception is not None:
            raise self._exception
        return self._result

    def _wait_done(self, timeout):
        # With the lock held: wait for a final state, or TimeoutError.
        if self._state not in _DONE_STATES:
            if self._condition is None:
                self._condition = threading.Condition(self._lock)
            self._condition.wait(timeout)
            if self._state not in _DONE_STATES:
                raise TimeoutError()

    def result(self, timeout=None):
        """The call's return value, waiting up to `timeout` seconds; raises
        what the call raised, CancelledError or TimeoutError."""
        with self._lock:
            self._wait_done(timeout)
            return self._outcome()

    def exception(self, timeout=None):
        """The exception the call raised (None if it returned)."""
        with self._lock:
            self._wait_done(timeout)
            if self._state in _CANCELLED_STATES:
                raise CancelledError()
            return self._exception

    def add_done_callback(self, fn):
        """Call fn(future) when done (at once if it already is)."""
        with self._lock:
            if self._state not in _DONE_STATES:
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception:
            _log_exception('exception calling callback for %r', self)

    # For executors and tests.

    def set_running_or_notify_cancel(self):
        """Mark running (True), or report a cancellation (False)."""
        with self._lock:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add(self)
                return False
            if self._state == PENDING:
                self._state = RUNNING
                return True
            raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        self._finish(result, None)

    def set_exception(self, exception):
        self._finish(None, exception)

    def _finish(self, result, exception):
        with self._lock:
            if self._state in _DONE_STATES:
                raise InvalidStateError('%s: %r' % (self._state, self))
            self._result = result
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add(self)
            self._notify_all()
        self._invoke_callbacks()

    def _install(self, waiter):
        with self._lock:
            if self._state in (CANCELLED_AND_NOTIFIED, FINISHED):
                waiter.add(self)
            else:
                self._waiters.append(waiter)

    def _uninstall(self, waiter):
        with self._lock:
            _remove_by_identity(self._waiters, waiter)


class DoneAndNotDoneFutures:
    """The pair wait() returns: (done, not_done), also as attributes."""

    def __init__(self, done, not_done):
        self.done = done
        self.not_done = not_done

    def __iter__(self):
        return iter((self.done, self.not_done))

    def __getitem__(self, index):
        return (self.done, self.not_done)[index]

    def __len__(self):
        return 2

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return 'DoneAndNotDoneFutures(done=%r, not_done=%r)' % (
            self.done, self.not_done)


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait until `return_when` holds for the futures fs, or the timeout."""
    fs = set(fs)
    waiter = _Waiter(return_when, len(fs))
    for f in fs:
        f._install(waiter)
    try:
        if fs and not waiter.event.is_set():
            waiter.event.wait(timeout)
    finally:
        for f in fs:
            f._uninstall(waiter)
    done = set(waiter.finished_futures)
    return DoneAndNotDoneFutures(done, fs - done)


def as_completed(fs, timeout=None):
    """Yield the futures fs as they finish (finished ones first)."""
    if timeout is not None:
        deadline = time.monotonic() + timeout
    fs = set(fs)
    total = len(fs)
    waiter = _Waiter(_AS_COMPLETED, total)
    for f in fs:
        f._install(waiter)
    pending = set(fs)
    try:
        while pending:
            for f in waiter.take():
                pending.discard(f)
                yield f
            if not pending:
                break
            if timeout is None:
                waiter.event.wait()
            else:
                remaining = deadline - time.monotonic()
                if remaining < 0:
                    raise TimeoutError('%d (of %d) futures unfinished'
                                       % (len(pending), total))
                waiter.event.wait(remaining)
    finally:
        for f in fs:
            f._uninstall(waiter)


def _result_or_cancel(future, timeout=None):
    try:
        return future.result(timeout)
    finally:
        future.cancel()


class Executor:
    """Runs calls asynchronously; subclasses provide submit()."""

    def submit(self, fn, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), the calls all submitted at once; the
        results come back in order (a call's exception is raised there)."""
        if timeout is not None:
            deadline = time.monotonic() + timeout
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def results():
            try:
                fs.reverse()
                while fs:
                    if timeout is None:
                        yield _result_or_cancel(fs.pop())
                    else:
                        yield _result_or_cancel(fs.pop(),
                                                deadline - time.monotonic())
            finally:
                for future in fs:
                    future.cancel()
        return results()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
