# socketpair, UDP datagrams, addresses, context managers, name lookups.
import socket

a, b = socket.socketpair()
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM)
a.sendall(b'ping')
print(b.recv(1024))
b.send(b'pong')
print(a.recv(1024))
print(a.getsockname(), repr(a.getpeername()))
a.close()
print(b.recv(10))
b.close()

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as receiver:
    receiver.bind(('127.0.0.1', 0))
    addr = receiver.getsockname()
    print(type(addr).__name__, len(addr), addr[0])
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sender:
        sender.bind(('127.0.0.1', 0))
        print(sender.sendto(b'datagram one', addr))
        sender.sendto(b'two', addr)
        data, source = receiver.recvfrom(100)
        print(data, source == sender.getsockname())
        print(receiver.recvfrom(100)[0])
    print(sender.fileno())
print(receiver.fileno())

s = socket.socket()
s.bind(('127.0.0.1', 0))
r = repr(s)
print(r.startswith('<socket.socket fd='), 'family=2, type=1, proto=0' in r, "laddr=('127.0.0.1'," in r)
s.close()
print(repr(s))

print(socket.gethostbyname('localhost'))
print(socket.gethostbyname('127.0.0.1'))
print(isinstance(socket.gethostname(), str))
info = socket.getaddrinfo('localhost', 80, socket.AF_INET, socket.SOCK_STREAM)
print(info[0][0] == socket.AF_INET, info[0][4])
print(socket.AF_INET, socket.AF_INET6, socket.AF_UNIX, socket.SOCK_STREAM, socket.SOCK_DGRAM)
print(socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.SHUT_RD, socket.SHUT_WR, socket.SHUT_RDWR)
print(socket.htons(1), socket.ntohs(256))
