"""ThreadPoolExecutor: a pool of worker threads fed by one work queue."""

import os
import queue
import threading
from concurrent.futures import _base

# Set when the interpreter starts shutting down: no new work, workers leave.
_shutdown = False
_global_shutdown_lock = threading.Lock()
# Every live worker and its queue, so that shutdown can wake them all.
_threads_queues = {}


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
    items = list(_threads_queues.values())
    for thread, work_queue in items:
        work_queue.put(None)
    for thread, work_queue in items:
        thread.join()


# Runs before threading joins non-daemon threads at exit: an executor never
# shut down would otherwise keep its workers blocked in get() forever.
threading._register_atexit(_python_exit)


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


def _worker(executor, work_queue, initializer, initargs):
    key = id(threading.current_thread())
    try:
        if initializer is not None:
            try:
                initializer(*initargs)
            except BaseException:
                _base._log_exception('Exception in initializer:')
                executor._initializer_failed()
                return
        while True:
            work_item = work_queue.get(block=True)
            if work_item is not None:
                work_item.run()
                work_item = None
                executor._idle_semaphore.release()
                continue
            # None means shut down; pass it on to wake the next worker.
            if _shutdown or executor._shutdown:
                executor._shutdown = True
                work_queue.put(None)
                return
    finally:
        _threads_queues.pop(key, None)


class BrokenThreadPool(_base.BrokenExecutor):
    """A worker's initializer failed."""


_executor_counter = 0


def _next_executor_number():
    global _executor_counter
    number = _executor_counter
    _executor_counter += 1
    return number


def _default_workers():
    cpu_count = getattr(os, 'cpu_count', None)
    cpus = cpu_count() if cpu_count is not None else None
    return min(32, (cpus or 1) + 4)


class ThreadPoolExecutor(_base.Executor):
    """Runs submitted calls on up to max_workers threads, started on demand
    (only when no worker is idle)."""

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        if max_workers is None:
            max_workers = _default_workers()
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = []
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % _next_executor_number()))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, *args, **kwargs):
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            future = _base.Future()
            self._work_queue.put(_WorkItem(future, fn, args, kwargs))
            self._adjust_thread_count()
            return future

    def _adjust_thread_count(self):
        count = len(self._threads)
        # At full size there is nothing to decide: skip the idle count (a
        # lock round trip per submit, contended by every worker).
        if count >= self._max_workers:
            return
        # An idle worker will take the new item: no new thread then.
        if self._idle_semaphore.acquire(timeout=0):
            return
        thread = threading.Thread(
            name='%s_%d' % (self._thread_name_prefix, count),
            target=_worker,
            args=(self, self._work_queue, self._initializer, self._initargs))
        _threads_queues[id(thread)] = (thread, self._work_queue)
        thread.start()
        self._threads.append(thread)

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for thread in self._threads:
                thread.join()
