"""Oracle shim of gilvm's native `_interpqueues`, for CPython 3.11 (see
_interpreters.py beside it): the same functions, ids, copies and errors as
src/modules/interp_queues.rs, on a deque and a Condition."""

import collections
import threading
import time

from _interpreters import copy_shareable


class QueueError(RuntimeError):
    """A cross-interpreter queue operation failed."""


class QueueNotFoundError(QueueError):
    """A queue id does not name a live queue."""


class _Queue:
    def __init__(self, maxsize):
        self.maxsize = max(maxsize, 0)
        self.items = collections.deque()
        self.changed = threading.Condition()

    def is_full(self):
        return self.maxsize > 0 and len(self.items) >= self.maxsize


_queues = {}
_next_id = 1
_lock = threading.Lock()


def _int(value, what):
    if type(value) not in (int, bool):
        raise TypeError(f'{what} must be an int')
    return int(value)


def _queue(id):
    id = _int(id, 'queue ID')
    try:
        return _queues[id]
    except KeyError:
        raise QueueNotFoundError(f'queue {id} not found') from None


def _deadline(timeout):
    if timeout is None:
        return None
    if type(timeout) not in (int, float):
        raise TypeError('timeout must be a number or None')
    if timeout != timeout or timeout < 0:
        raise ValueError('timeout value must be non-negative')
    return time.monotonic() + timeout


def _wait(q, blocked, block, deadline):
    """Waits on q's condition while blocked(); False if still blocked."""
    while blocked():
        if not block:
            return False
        if deadline is None:
            q.changed.wait()
        else:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            q.changed.wait(left)
    return True


def create(maxsize):
    global _next_id
    maxsize = _int(maxsize, 'maxsize')
    with _lock:
        id = _next_id
        _next_id += 1
        _queues[id] = _Queue(maxsize)
    return id


def destroy(id):
    _queue(id)
    del _queues[id]


def list_all():
    return list(_queues)


def put(id, obj, block=True, timeout=None):
    q = _queue(id)
    item = copy_shareable(obj)
    deadline = _deadline(timeout)
    with q.changed:
        if not _wait(q, q.is_full, block, deadline):
            return False
        q.items.append(item)
        q.changed.notify_all()
    return True


def get(id, block=True, timeout=None):
    q = _queue(id)
    deadline = _deadline(timeout)
    with q.changed:
        if not _wait(q, lambda: not q.items, block, deadline):
            return (False, None)
        item = q.items.popleft()
        q.changed.notify_all()
    return (True, copy_shareable(item))


def get_count(id):
    return len(_queue(id).items)


def get_maxsize(id):
    return _queue(id).maxsize


def is_full(id):
    return _queue(id).is_full()
