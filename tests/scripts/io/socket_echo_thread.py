# An echo server in a thread and a client on loopback.
import socket
import threading

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(server.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
server.bind(('127.0.0.1', 0))
server.listen(5)
host, port = server.getsockname()
print(host, type(port).__name__, 0 < port < 65536)


peers = []


def serve(n):
    for _ in range(n):
        conn, addr = server.accept()
        peers.append(addr[0])
        with conn:
            while True:
                data = conn.recv(4)
                if not data:
                    break
                conn.sendall(data.upper())


t = threading.Thread(target=serve, args=(2,))
t.start()

client = socket.create_connection(('127.0.0.1', port))
client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(client.getpeername() == ('127.0.0.1', port))
client.sendall(b'hello, world')
client.shutdown(socket.SHUT_WR)
received = b''
while True:
    chunk = client.recv(100)
    if not chunk:
        break
    received += chunk
print(received)
client.close()

with socket.socket() as c2:
    c2.connect(('localhost', port))
    sent = c2.send(b'abc')
    print('sent', sent)
    print(c2.recv(10))
t.join()
print('accepted from', peers)
server.close()
print(server.fileno())
