# The main thread ends while daemon threads are mid-bytecode, blocked on a
# lock and asleep: the process exits cleanly without waiting for them.
import threading
import time

stuck = threading.Lock()
stuck.acquire()
data = []
started = threading.Barrier(4)


def spin():
    started.wait()
    while True:
        data.append(len(data))
        if len(data) > 1000:
            del data[:500]


def blocked():
    started.wait()
    stuck.acquire()


def sleeper():
    started.wait()
    time.sleep(60)


for target in (spin, blocked, sleeper):
    threading.Thread(target=target, daemon=True).start()
started.wait()
time.sleep(0.05)
print("main exits with", threading.active_count(), "threads alive")
