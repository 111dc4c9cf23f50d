# InterpreterPoolExecutor: submit and map as for threads, results in order,
# exceptions re-raised; each worker thread owns an interpreter.
import threading
from concurrent.futures import InterpreterPoolExecutor, ThreadPoolExecutor, as_completed
from concurrent import interpreters
import state_mod

# Runs once per worker interpreter too, where __name__ is '__mp_main__'.
LOADED_AS = __name__


class Oops(Exception):
    pass


def work(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def where(_):
    return interpreters.get_current().id != 0, LOADED_AS


def fail(n):
    if n == 3:
        raise ValueError(f"bad {n}")
    if n == 4:
        raise Oops("custom", n)
    return n


def unshareable(_):
    return object


def read_shared():
    return shared_value


def worker_state(_):
    return state_mod.counter


def init_worker(start):
    state_mod.bump(start)


if __name__ == "__main__":
    expected = [work(n) for n in range(20)]
    with InterpreterPoolExecutor(max_workers=2) as pool:
        print("map in order:", list(pool.map(work, range(20))) == expected)
        futures = [pool.submit(work, n) for n in range(10)]
        print("submit:", [f.result() for f in futures] == expected[:10])
        print("as_completed:", sorted(f.result() for f in as_completed(futures)) == sorted(expected[:10]))
        print("in other interpreters:", set(pool.map(where, range(6))))
        print("kwargs:", pool.submit(state_mod.describe, 1, k="v").result())

        # Exceptions come back as the class raised, chained from ExecutionFailed.
        for n in (3, 4):
            try:
                pool.submit(fail, n).result()
            except (ValueError, Oops) as e:
                print("raised:", type(e).__name__, e.args,
                      type(e.__cause__).__name__, str(e.__cause__).splitlines()[0])
        try:
            list(pool.map(fail, range(6)))
        except ValueError as e:
            print("map raised:", e)
        try:
            pool.submit(unshareable, 1).result()
        except interpreters.NotShareableError as e:
            print("result:", type(e).__name__)
        try:
            pool.submit(work, object()).result()
        except interpreters.NotShareableError as e:
            print("argument:", type(e).__name__)
        try:
            pool.submit(lambda: 1).result()
        except interpreters.NotShareableError as e:
            print("lambda:", type(e).__name__)
        print("still works:", pool.submit(work, 4).result())

    print("pool interpreters closed:", interpreters.list_all() == [interpreters.get_main()])

    # shared= binds values in each worker's __main__; initializer runs in
    # each worker interpreter, not here.
    with InterpreterPoolExecutor(2, shared={"shared_value": [1, "two"]},
                                 initializer=init_worker, initargs=(7,)) as pool:
        print("shared:", pool.submit(read_shared).result())
        print("initialized:", set(pool.map(worker_state, range(4))))
    print("main state untouched:", state_mod.counter)

    # The same calls on threads give the same results.
    with ThreadPoolExecutor(2) as tpool, InterpreterPoolExecutor(2) as ipool:
        print("same as threads:", list(tpool.map(work, range(8))) == list(ipool.map(work, range(8))))
    print("threads left:", threading.active_count())
