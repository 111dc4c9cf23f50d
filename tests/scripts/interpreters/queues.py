# Cross-interpreter queues: copies of shareable values, FIFO, bounded or not,
# with timeouts; a Queue sent to another interpreter is the same queue.
import queue
from concurrent import interpreters


def consume(q, n):
    """Takes n items (waiting for each) and returns them."""
    return [q.get(timeout=10) for _ in range(n)]


def echo(inbox, outbox):
    """Forwards items until it receives None."""
    while True:
        item = inbox.get(timeout=10)
        if item is None:
            return "done"
        outbox.put(("echo", item))


def wait_empty(q, timeout):
    try:
        q.get(timeout=timeout)
    except interpreters.QueueEmpty as e:
        return "QueueEmpty: " + str(e).split(" is ")[1]
    return "got something"


if __name__ == "__main__":
    q = interpreters.create_queue()
    print("queue:", type(q).__name__, q.maxsize, q.qsize(), q.empty(), q.full())
    print("same object for the id:", interpreters.Queue(q.id) is q)
    for v in (None, 1, 2**80, 1.5, "s", b"b", (1, [2]), {"k": "v"}):
        q.put(v)
    print("qsize:", q.qsize(), q.empty())
    print("fifo:", [q.get() for _ in range(8)])

    # A copy goes in: mutating the original afterwards changes nothing.
    items = [1, 2]
    q.put(items)
    items.append(3)
    print("copied:", q.get(), q.get_nowait() if not q.empty() else "empty")

    # Empty queues.
    try:
        q.get_nowait()
    except interpreters.QueueEmpty as e:
        print("get_nowait:", type(e).__name__, e)
    try:
        q.get(timeout=0.05)
    except interpreters.QueueEmpty as e:
        print("get timeout:", e)
    print("QueueEmpty is queue.Empty:", issubclass(interpreters.QueueEmpty, queue.Empty))

    # Bounded queues.
    small = interpreters.create_queue(maxsize=2)
    small.put("a")
    small.put_nowait("b")
    print("full:", small.full(), small.qsize(), small.maxsize)
    try:
        small.put_nowait("c")
    except interpreters.QueueFull as e:
        print("put_nowait:", type(e).__name__, str(e).endswith("is full"))
    try:
        small.put("c", timeout=0.05)
    except interpreters.QueueFull:
        print("put timeout: QueueFull")
    print("QueueFull is queue.Full:", issubclass(interpreters.QueueFull, queue.Full))
    print("drained:", small.get(), small.get(), small.empty())

    # Timeouts are checked.
    for bad in (-1, "soon"):
        try:
            q.get(timeout=bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)

    # Not shareable values are refused and nothing is queued.
    try:
        q.put(object())
    except interpreters.NotShareableError as e:
        print("put:", type(e).__name__, q.qsize())

    # Across interpreters: the queue object itself crosses by id.
    a = interpreters.create()
    a.prepare_main(q=q)
    a.exec("print('inside: same id', q.id == %d, type(q).__name__)\nq.put('from a')" % q.id)
    print("main got:", q.get(timeout=5))
    for i in range(3):
        q.put(i * 10)
    print("a consumed:", a.call(consume, q, 3))
    print("after:", q.qsize())

    # An interpreter blocked in get() (its GIL released) is woken by a put
    # from the main interpreter.
    inbox, outbox = interpreters.create_queue(), interpreters.create_queue()
    t = a.call_in_thread(echo, inbox, outbox)
    for word in ("one", "two", "three"):
        inbox.put(word)
        print("reply:", outbox.get(timeout=10))
    inbox.put(None)
    t.join()
    print("thread done:", not t.is_alive())

    # Queues travel inside queues and inside containers.
    carrier = interpreters.create_queue()
    carrier.put({"reply_to": outbox})
    print("through a queue:", carrier.get()["reply_to"] is outbox)
    print("a timed out:", a.call(wait_empty, inbox, 0.05))

    # Two interpreters feed one queue at the same time.
    b = interpreters.create()
    src_a, src_b = interpreters.create_queue(), interpreters.create_queue()
    for i in range(5):
        src_a.put(i)
        src_b.put(100 + i)
    ta = a.call_in_thread(echo, src_a, outbox)
    tb = b.call_in_thread(echo, src_b, outbox)
    src_a.put(None)
    src_b.put(None)
    ta.join()
    tb.join()
    got = []
    while not outbox.empty():
        got.append(outbox.get_nowait()[1])
    print("merged:", sorted(got))
    print("list_all has them:", all(x in interpreters._queues.list_all() for x in (q, inbox, outbox)))
    a.close()
    b.close()
