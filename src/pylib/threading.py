"""Thread objects and synchronisation primitives, built on the native _thread.

Every blocking operation here ends in a native lock acquire (with or without
a timeout): that is where the GIL is released, so waiting threads cost nothing
and Ctrl-C can interrupt the main thread.
"""

import sys as _sys
import _thread
from time import monotonic as _time

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
# gilvm's GIL statistics and traces label threads with this (not in CPython).
_set_thread_name = getattr(_thread, '_set_thread_name', None)

__all__ = ['get_ident', 'get_native_id', 'active_count', 'Condition',
           'current_thread', 'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore',
           'Thread', 'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'ExceptHookArgs', 'excepthook', 'local', 'activeCount',
           'currentThread']

Lock = _allocate_lock
if hasattr(_thread, 'stack_size'):
    stack_size = _thread.stack_size


# ---------------------------------------------------------------- RLock

def _native_rlock_fits():
    # Condition.wait must release a re-entrant lock completely, whatever its
    # depth, and restore that depth afterwards. The native RLock can be used
    # only if it exposes the hooks for that.
    native = getattr(_thread, 'RLock', None)
    if native is None:
        return None
    for hook in ('_is_owned', '_release_save', '_acquire_restore'):
        if not hasattr(native, hook):
            return None
    return native


_CRLock = _native_rlock_fits()


def RLock(*args, **kwargs):
    """A re-entrant lock: the owning thread may acquire it again."""
    if _CRLock is None:
        return _PyRLock(*args, **kwargs)
    return _CRLock(*args, **kwargs)


class _PyRLock:
    """Re-entrant lock made of a plain lock, an owner and a depth."""

    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        state = 'locked' if self._block.locked() else 'unlocked'
        return '<%s %s.%s object owner=%r count=%d at %s>' % (
            state, self.__class__.__module__, self.__class__.__name__,
            self._owner, self._count, hex(id(self)))

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        got = self._block.acquire(blocking, timeout)
        if got:
            self._owner = me
            self._count = 1
        return got

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    # The three hooks Condition uses to wait while holding the lock at depth N.

    def _is_owned(self):
        return self._owner == get_ident()

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count = 0
        self._owner = None
        self._block.release()
        return state

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state


# ---------------------------------------------------------------- Condition

class Condition:
    """Wait until notified, each waiter parked on a lock of its own.

    CPython's protocol: a waiter takes a private lock, queues it in the
    list _waiters and releases the condition's lock; taking its private
    lock a second time then blocks natively until notify() releases it. The
    entry, exit, wait and notify methods are native (_thread._cond_*; a
    native function binds as a method): they read _lock and _waiters and
    drive a _thread lock directly, or any other lock through the hooks
    below, and run no Python frame of their own.
    """

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # A plain Lock lacks these hooks; the generic versions below fit it.
        if hasattr(lock, '_release_save'):
            self._release_save = lock._release_save
        if hasattr(lock, '_acquire_restore'):
            self._acquire_restore = lock._acquire_restore
        if hasattr(lock, '_is_owned'):
            self._is_owned = lock._is_owned
        self._waiters = []

    __enter__ = _thread._cond_enter
    __exit__ = _thread._cond_exit

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        # Without an owner record, a lock we cannot take is assumed ours.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    wait = _thread._cond_wait

    def wait_for(self, predicate, timeout=None):
        deadline = None
        remaining = timeout
        result = predicate()
        while not result:
            if remaining is not None:
                if deadline is None:
                    deadline = _time() + remaining
                else:
                    remaining = deadline - _time()
                    if remaining <= 0:
                        break
            self.wait(remaining)
            result = predicate()
        return result

    notify = _thread._cond_notify

    def notify_all(self):
        # One native notify per waiter, not one native loop: the eval
        # loop's checks between them hand the woken waiters the GIL in
        # batches (2000 waiters woken in one native loop convoy on the
        # lock: 1.1 s instead of 0.16). notify(0) checks the lock is held.
        if not self._waiters:
            self.notify(0)
        for _ in range(len(self._waiters)):
            self.notify()

    def notifyAll(self):
        self.notify_all()


# ---------------------------------------------------------------- Semaphores

class Semaphore:
    """A counter that acquire() decrements, waiting while it is zero."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        return '<%s.%s at %s: value=%d>' % (
            self.__class__.__module__, self.__class__.__name__,
            hex(id(self)), self._value)

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        deadline = None
        # The condition's own lock, not the condition: `with` on the native
        # lock skips the native Condition.__enter__'s read of `_lock` (the
        # pool's idle check is one of these per submit; the same for
        # release below, which also notifies only when someone waits).
        with self._cond._lock:
            while self._value == 0:
                if not blocking:
                    return False
                if timeout is None:
                    self._cond.wait()
                    continue
                if deadline is None:
                    # A zero timeout (the pool's idle check) reads no clock.
                    if timeout <= 0:
                        return False
                    deadline = _time() + timeout
                    remaining = timeout
                else:
                    remaining = deadline - _time()
                    if remaining <= 0:
                        return False
                self._cond.wait(remaining)
            self._value -= 1
            return True

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        cond = self._cond
        with cond._lock:
            self._value += n
            if cond._waiters:
                cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to go above its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        return '<%s.%s at %s: value=%d/%d>' % (
            self.__class__.__module__, self.__class__.__name__,
            hex(id(self)), self._value, self._initial_value)

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        cond = self._cond
        with cond._lock:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            if cond._waiters:
                cond.notify(n)


# ---------------------------------------------------------------- Event

class Event:
    """A flag threads can wait for, made of CPython's parts (a Condition
    over a Lock, waiters parked on locks of their own in its list).

    clear is CPython's. set and wait drive the condition's lock and list
    directly, and a notified waiter does not take the lock back: with
    CPython's set (the native notify_all) and wait, 2000 threads waiting on
    one Event took 1.8 s to wake instead of 0.2 s (all wake-ups deferred in
    one native loop, then a convoy on the condition's lock; not diagnosed
    further). wait returns whether it was notified, which the flag's later
    changes do not alter.
    """

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        status = 'set' if self._flag else 'unset'
        return "<%s.%s at %s: %s>" % (
            self.__class__.__module__, self.__class__.__name__,
            hex(id(self)), status)

    def is_set(self):
        return self._flag

    def isSet(self):
        return self._flag

    def set(self):
        cond = self._cond
        with cond._lock:
            self._flag = True
            waiters = cond._waiters
            if waiters:
                # A waiter that times out meanwhile no longer finds itself
                # in the list, so it knows it was notified.
                cond._waiters = []
                for waiter in waiters:
                    waiter.release()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        if self._flag:
            return True
        if timeout is not None:
            # Compared before queueing, so a bad timeout leaves no waiter behind.
            blocking = timeout > 0
        cond = self._cond
        with cond._lock:
            if self._flag:
                return True
            waiter = _allocate_lock()
            waiter.acquire()
            cond._waiters.append(waiter)
        try:
            if timeout is None:
                waiter.acquire()
                return True
            if blocking:
                notified = waiter.acquire(True, timeout)
            else:
                notified = waiter.acquire(False)
        except BaseException:
            with cond._lock:
                _discard(cond._waiters, waiter)
            raise
        if notified:
            return True
        with cond._lock:
            # Not in the list: set() picked it just as the timeout expired.
            return not _discard(cond._waiters, waiter)


def _discard(items, item):
    """Remove `item` (by identity) from the list; False if it was not there."""
    for i in range(len(items)):
        if items[i] is item:
            del items[i]
            return True
    return False


# ---------------------------------------------------------------- Barrier

class BrokenBarrierError(RuntimeError):
    pass


# Barrier phases: threads arrive while FILLING; once all have, the barrier
# is DRAINING until every one has left wait(); RESETTING drains waiters
# that reset() kicked out; BROKEN lasts until reset().
_FILLING = 0
_DRAINING = 1
_RESETTING = -1
_BROKEN = -2


class Barrier:
    """Blocks `parties` threads until all of them have called wait()."""

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._phase = _FILLING
        self._count = 0

    def __repr__(self):
        if self.broken:
            return '<%s.%s at %s: broken>' % (
                self.__class__.__module__, self.__class__.__name__,
                hex(id(self)))
        return '<%s.%s at %s: waiters=%d/%d>' % (
            self.__class__.__module__, self.__class__.__name__,
            hex(id(self)), self.n_waiting, self.parties)

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._wait_previous_round()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._trip()
                else:
                    self._wait_trip(timeout)
                return index
            finally:
                self._count -= 1
                self._leave()

    def _wait_previous_round(self):
        # Threads from the last round may still be leaving.
        while self._phase in (_DRAINING, _RESETTING):
            self._cond.wait()
        if self._phase < 0:
            raise BrokenBarrierError

    def _trip(self):
        try:
            if self._action:
                self._action()
            self._phase = _DRAINING
            self._cond.notify_all()
        except BaseException:
            self._break()
            raise

    def _wait_trip(self, timeout):
        if not self._cond.wait_for(lambda: self._phase != _FILLING, timeout):
            self._break()
            raise BrokenBarrierError
        if self._phase < 0:
            raise BrokenBarrierError

    def _leave(self):
        # The last thread out opens the barrier for the next round.
        if self._count == 0 and self._phase in (_DRAINING, _RESETTING):
            self._phase = _FILLING
            self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._phase == _FILLING:
                    self._phase = _RESETTING
                elif self._phase == _BROKEN:
                    self._phase = _RESETTING
            else:
                self._phase = _FILLING
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._phase = _BROKEN
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._phase == _FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        return self._phase == _BROKEN


# ---------------------------------------------------------------- Threads

# Threads that have started, by ident; threads between start() and their
# first bytecode sit in _limbo (keyed by id) so enumerate() still lists them.
_active_lock = _allocate_lock()
_active = {}
_limbo = {}

_name_counter = 0


def _newname(template="Thread-%d"):
    global _name_counter
    _name_counter += 1
    return template % _name_counter


class ExceptHookArgs:
    """What excepthook receives: the exception of a thread and the thread.
    Built, as CPython's, from one sequence: (type, value, traceback, thread)."""

    def __init__(self, fields):
        self.exc_type, self.exc_value, self.exc_traceback, self.thread = fields

    def _fields(self):
        return (self.exc_type, self.exc_value, self.exc_traceback, self.thread)

    def __iter__(self):
        return iter(self._fields())

    def __getitem__(self, index):
        return self._fields()[index]

    def __len__(self):
        return 4

    def __repr__(self):
        return ('_thread._ExceptHookArgs(exc_type=%r, exc_value=%r, '
                'exc_traceback=%r, thread=%r)' % self._fields())


def excepthook(args):
    """Report an exception that escaped a thread's run() on stderr."""
    if args.exc_type is SystemExit:
        return
    stderr = _sys.stderr
    if stderr is None:
        return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    print("Exception in thread %s:" % name, file=stderr, flush=True)
    _sys.excepthook(args.exc_type, args.exc_value, args.exc_traceback)
    stderr.flush()


__excepthook__ = excepthook


def _invoke_excepthook(thread):
    exc_type, exc_value, exc_tb = _sys.exc_info()
    hook = excepthook
    if hook is None:
        hook = __excepthook__
    try:
        hook(ExceptHookArgs((exc_type, exc_value, exc_tb, thread)))
    except BaseException:
        # A failing hook must not kill the thread machinery: say why once.
        _sys.excepthook(*_sys.exc_info())


class Thread:
    """A thread of control, started by start() and running run()."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        if group is not None:
            raise AssertionError("group argument must be None for now")
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                target_name = getattr(target, '__name__', None)
                if target_name is not None:
                    name += " (%s)" % target_name
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._started = False
        self._is_stopped = False
        # Held from start() until run() has returned: join() waits on it.
        self._running = None
        self._local_storage = {}
        self._initialized = True

    def __repr__(self):
        if not self._initialized:
            raise AssertionError("Thread.__init__() was not called")
        status = "initial"
        if self._started:
            status = "started"
        self.is_alive()
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started:
            raise RuntimeError("threads can only be started once")
        running = _allocate_lock()
        running.acquire()
        booted = _allocate_lock()
        booted.acquire()
        self._running = running
        self._booted = booted
        self._started = True
        key = id(self)
        with _active_lock:
            _limbo[key] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except BaseException:
            with _active_lock:
                _limbo.pop(key, None)
            self._started = False
            self._running = None
            raise
        # Wait until the new thread knows its ident (so .ident is set).
        booted.acquire()
        self._booted = None

    def _bootstrap(self):
        try:
            self._ident = get_ident()
            self._native_id = get_native_id()
            if _set_thread_name is not None:
                _set_thread_name(self._name)
            with _active_lock:
                _active[self._ident] = self
                _limbo.pop(id(self), None)
            self._booted.release()
            try:
                self.run()
            except BaseException:
                _invoke_excepthook(self)
        finally:
            with _active_lock:
                if _active.get(self._ident) is self:
                    del _active[self._ident]
            self._is_stopped = True
            self._running.release()

    def run(self):
        """What the thread does; by default, call target(*args, **kwargs)."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Break the cycles a target may hold through its arguments.
            self._target = None
            self._args = None
            self._kwargs = None

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if self._is_stopped:
            return
        running = self._running
        if timeout is None:
            done = running.acquire()
        elif timeout > 0:
            done = running.acquire(True, timeout)
        else:
            done = running.acquire(False)
        if done:
            # Give it back at once so that every other joiner gets through.
            running.release()
            self._is_stopped = True

    def is_alive(self):
        if not self._initialized:
            raise AssertionError("Thread.__init__() not called")
        return self._started and not self._is_stopped

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)
        if _set_thread_name is not None and self._ident == get_ident():
            _set_thread_name(self._name)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._native_id

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class _MainThread(Thread):
    """The thread that imported threading (the interpreter's first)."""

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started = True
        self._ident = get_ident()
        self._native_id = get_native_id()
        self._running = _allocate_lock()
        self._running.acquire()
        if _set_thread_name is not None:
            _set_thread_name(self._name)
        with _active_lock:
            _active[self._ident] = self

    def _stop(self):
        self._is_stopped = True
        if self._running.locked():
            self._running.release()


class _DummyThread(Thread):
    """Stands for a thread that _thread started behind threading's back."""

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started = True
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _active_lock:
            _active[self._ident] = self

    def is_alive(self):
        return True

    def join(self, timeout=None):
        raise AssertionError("cannot join a dummy thread")


def current_thread():
    """The Thread object of the calling thread."""
    thread = _active.get(get_ident())
    if thread is None:
        thread = _DummyThread()
    return thread


def currentThread():
    return current_thread()


def main_thread():
    return _main_thread


def enumerate():
    """Every thread alive: started and not yet finished."""
    with _active_lock:
        return list(_active.values()) + list(_limbo.values())


def active_count():
    with _active_lock:
        return len(_active) + len(_limbo)


def activeCount():
    return active_count()


class Timer(Thread):
    """Call a function after `interval` seconds, unless cancel()led first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


# ---------------------------------------------------------------- local

_local_counter = 0


class local:
    """Attributes whose values are private to each thread.

    The values live in the current Thread object (so they die with it),
    filed under a number unique to this `local` object (an ident or an id
    could be reused by a later thread or object). A subclass's __init__
    runs again, with the original arguments, in every other thread that
    touches the object.
    """

    def __new__(cls, *args, **kwargs):
        global _local_counter
        if (args or kwargs) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        _local_counter += 1
        object.__setattr__(self, '_local__key', _local_counter)
        object.__setattr__(self, '_local__args', (args, kwargs))
        # The creating thread runs __init__ through the class call itself.
        current_thread()._local_storage[_local_counter] = {}
        return self

    def _local__dict(self):
        key = object.__getattribute__(self, '_local__key')
        storage = current_thread()._local_storage
        values = storage.get(key)
        if values is None:
            values = {}
            storage[key] = values
            init = type(self).__init__
            if init is not object.__init__:
                args, kwargs = object.__getattribute__(self, '_local__args')
                init(self, *args, **kwargs)
        return values

    def __getattr__(self, name):
        values = self._local__dict()
        if name in values:
            return values[name]
        cls = type(self)
        # CPython's local is the C type _thread._local; say so as it does.
        shown = '_thread._local' if cls is local else cls.__name__
        raise AttributeError("'%s' object has no attribute '%s'" % (shown, name))

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError("%r object attribute '__dict__' is read-only"
                                 % type(self).__name__)
        self._local__dict()[name] = value

    def __delattr__(self, name):
        values = self._local__dict()
        if name not in values:
            raise AttributeError(name)
        del values[name]


# ---------------------------------------------------------------- shutdown

_atexit_calls = []
_shutting_down = False


def _register_atexit(func, *args, **kwargs):
    """Run func before _shutdown() joins the threads (executors use it)."""
    if _shutting_down:
        raise RuntimeError("can't register atexit after shutdown")
    _atexit_calls.append((func, args, kwargs))


def _shutdown():
    """Called by the interpreter when the main script ends: wait for every
    non-daemon thread, in the order they were started."""
    global _shutting_down
    if _main_thread._is_stopped:
        return
    _shutting_down = True
    for func, args, kwargs in reversed(_atexit_calls):
        func(*args, **kwargs)
    _main_thread._stop()
    me = get_ident()
    while True:
        with _active_lock:
            pending = [t for t in list(_active.values()) + list(_limbo.values())
                       if t._ident != me and not t.daemon and t.is_alive()]
        if not pending:
            return
        for t in pending:
            t.join()


_main_thread = _MainThread()
