"""Cross-interpreter queues: FIFO queues of shareable values that every
interpreter can use. A Queue object sent to another interpreter (through
prepare_main, call or another queue) refers there to the same queue."""

import queue
import _interpqueues as _queues
from _interpqueues import QueueError, QueueNotFoundError

__all__ = [
    'create', 'list_all',
    'Queue',
    'QueueError', 'QueueNotFoundError', 'QueueEmpty', 'QueueFull',
]


class QueueEmpty(QueueError, queue.Empty):
    """Raised from get_nowait() when the queue is empty.

    It is also raised from get() if it times out.
    """


class QueueFull(QueueError, queue.Full):
    """Raised from put_nowait() when the queue is full.

    It is also raised from put() if it times out.
    """


def create(maxsize=0):
    """Return a new cross-interpreter queue (maxsize 0: unbounded)."""
    return Queue(_queues.create(maxsize))


def list_all():
    """Return a list of all open queues."""
    return [Queue(qid) for qid in _queues.list_all()]


# One Queue object per id in each interpreter.
_known_queues = {}


class Queue:
    """A cross-interpreter queue."""

    def __new__(cls, id, /):
        if not isinstance(id, int):
            raise TypeError(f'id must be an int, got {id!r}')
        try:
            return _known_queues[id]
        except KeyError:
            self = super().__new__(cls)
            self._id = id
            _known_queues[id] = self
            return self

    def __repr__(self):
        return f'{type(self).__name__}({self.id})'

    def __hash__(self):
        return hash(self._id)

    @property
    def id(self):
        return self._id

    @property
    def maxsize(self):
        return _queues.get_maxsize(self._id)

    def empty(self):
        return self.qsize() == 0

    def full(self):
        return _queues.is_full(self._id)

    def qsize(self):
        return _queues.get_count(self._id)

    def put(self, obj, timeout=None):
        """Add a copy of the object to the queue, waiting while it is full
        (at most `timeout` seconds, then QueueFull)."""
        if not _queues.put(self._id, obj, True, timeout):
            raise QueueFull(f'queue {self._id} is full')

    def put_nowait(self, obj):
        if not _queues.put(self._id, obj, False, None):
            raise QueueFull(f'queue {self._id} is full')

    def get(self, timeout=None):
        """Return the next object from the queue, waiting while it is
        empty (at most `timeout` seconds, then QueueEmpty)."""
        ok, obj = _queues.get(self._id, True, timeout)
        if not ok:
            raise QueueEmpty(f'queue {self._id} is empty')
        return obj

    def get_nowait(self):
        """Return the next object, or raise QueueEmpty at once."""
        ok, obj = _queues.get(self._id, False, None)
        if not ok:
            raise QueueEmpty(f'queue {self._id} is empty')
        return obj
