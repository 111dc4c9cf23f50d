# select.select over sockets, raw descriptors and objects with fileno().
import select
import socket
import threading
import time

a, b = socket.socketpair()
print(select.select([a], [], [], 0))
r, w, x = select.select([a, b], [a], [], 0)
print(r, w == [a], x)
b.send(b'x')
r, w, x = select.select([a, b], [], [], 0)
print(r == [a])
r, w, x = select.select([a.fileno()], [], [], 1.0)
print(r == [a.fileno()])


class Wrapper:
    def __init__(self, sock):
        self.sock = sock

    def fileno(self):
        return self.sock.fileno()


wrapped = Wrapper(a)
r, _, _ = select.select((wrapped,), (), ())
print(r[0] is wrapped)
a.recv(10)

start = time.time()
print(select.select([a], [], [], 0.05))
print(time.time() - start >= 0.04)


def later():
    time.sleep(0.05)
    b.send(b'wake')


t = threading.Thread(target=later)
t.start()
r, _, _ = select.select([a], [], [])
print(r == [a], a.recv(10))
t.join()

for bad in [([], [], [], -1), ([object()], [], [], 0), ([-1], [], [], 0), ([], [], [], 'x')]:
    try:
        select.select(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
a.close()
b.close()
