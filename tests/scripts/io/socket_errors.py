# Refused connections, timeouts, closed sockets, bad arguments.
import socket

probe = socket.socket()
probe.bind(('127.0.0.1', 0))
port = probe.getsockname()[1]
probe.close()

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.settimeout(1.0)
print(s.gettimeout())
result = s.connect_ex(('127.0.0.1', port))
print('connect_ex non-zero:', result != 0)
s.close()

try:
    socket.socket().connect(('127.0.0.1', port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno == 111, e)

a, b = socket.socketpair()
a.settimeout(0.05)
try:
    a.recv(10)
except socket.timeout as e:
    print('timeout:', type(e).__name__, e)
print(socket.timeout is TimeoutError, socket.error is OSError)

a.setblocking(False)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except BlockingIOError as e:
    print('BlockingIOError', e.errno)
a.setblocking(True)
print(a.gettimeout(), a.getblocking())

a.close()
try:
    a.recv(1)
except OSError as e:
    print(e)
print(repr(a))

for bad in ['x', ('127.0.0.1',), ('127.0.0.1', 70000), ('127.0.0.1', 'x')]:
    try:
        socket.socket().connect(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)

try:
    b.settimeout(-1)
except ValueError as e:
    print(e)
try:
    b.recv(-1)
except ValueError as e:
    print(e)
try:
    b.send('text')
except TypeError as e:
    print(e)
b.close()
