//! `socket.setsockopt` / `getsockopt` for the integer options scripts use
//! (rustix has one typed function per option, so unknown ones are refused
//! with `ENOPROTOOPT`, as the kernel would refuse a bad option).

use rustix::io::Errno;
use rustix::net::sockopt;

use super::socket_object::sockopt_target;
use super::socket_wait::errno_error;
use crate::builtins::args::{int_arg, method};
use crate::objects::{Args, PyResult, Value};
use crate::vm::ThreadState;

#[derive(Clone, Copy)]
enum Opt {
    ReuseAddr,
    ReusePort,
    KeepAlive,
    Broadcast,
    RecvBuf,
    SendBuf,
    Error,
    Type,
    AcceptConn,
    TcpNoDelay,
    V6Only,
}

fn option(level: i64, name: i64) -> Option<Opt> {
    let level = level as i32;
    let name = name as i32;
    Some(match (level, name) {
        (libc::SOL_SOCKET, libc::SO_REUSEADDR) => Opt::ReuseAddr,
        (libc::SOL_SOCKET, libc::SO_REUSEPORT) => Opt::ReusePort,
        (libc::SOL_SOCKET, libc::SO_KEEPALIVE) => Opt::KeepAlive,
        (libc::SOL_SOCKET, libc::SO_BROADCAST) => Opt::Broadcast,
        (libc::SOL_SOCKET, libc::SO_RCVBUF) => Opt::RecvBuf,
        (libc::SOL_SOCKET, libc::SO_SNDBUF) => Opt::SendBuf,
        (libc::SOL_SOCKET, libc::SO_ERROR) => Opt::Error,
        (libc::SOL_SOCKET, libc::SO_TYPE) => Opt::Type,
        (libc::SOL_SOCKET, libc::SO_ACCEPTCONN) => Opt::AcceptConn,
        (libc::IPPROTO_TCP, libc::TCP_NODELAY) => Opt::TcpNoDelay,
        (libc::IPPROTO_IPV6, libc::IPV6_V6ONLY) => Opt::V6Only,
        _ => return None,
    })
}

pub fn setsockopt(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, a) = method(ts, "setsockopt", args, 3, 3)?;
    let fd = sockopt_target(ts, recv)?;
    let level = int_arg(ts, &a[0])?;
    let name = int_arg(ts, &a[1])?;
    let value = int_arg(ts, &a[2])?;
    let on = value != 0;
    let size = usize::try_from(value).unwrap_or(0);
    let done = match option(level, name) {
        Some(Opt::ReuseAddr) => sockopt::set_socket_reuseaddr(&fd, on),
        Some(Opt::ReusePort) => sockopt::set_socket_reuseport(&fd, on),
        Some(Opt::KeepAlive) => sockopt::set_socket_keepalive(&fd, on),
        Some(Opt::Broadcast) => sockopt::set_socket_broadcast(&fd, on),
        Some(Opt::RecvBuf) => sockopt::set_socket_recv_buffer_size(&fd, size),
        Some(Opt::SendBuf) => sockopt::set_socket_send_buffer_size(&fd, size),
        Some(Opt::TcpNoDelay) => sockopt::set_tcp_nodelay(&fd, on),
        Some(Opt::V6Only) => sockopt::set_ipv6_v6only(&fd, on),
        Some(Opt::Error | Opt::Type | Opt::AcceptConn) | None => Err(Errno::NOPROTOOPT),
    };
    done.map_err(|e| errno_error(ts, e))?;
    Ok(Value::None)
}

pub fn getsockopt(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, a) = method(ts, "getsockopt", args, 2, 3)?;
    let fd = sockopt_target(ts, recv)?;
    let level = int_arg(ts, &a[0])?;
    let name = int_arg(ts, &a[1])?;
    let flag = |r: rustix::io::Result<bool>| r.map(i64::from);
    let value = match option(level, name) {
        Some(Opt::ReuseAddr) => flag(sockopt::socket_reuseaddr(&fd)),
        Some(Opt::ReusePort) => flag(sockopt::socket_reuseport(&fd)),
        Some(Opt::KeepAlive) => flag(sockopt::socket_keepalive(&fd)),
        Some(Opt::Broadcast) => flag(sockopt::socket_broadcast(&fd)),
        Some(Opt::AcceptConn) => flag(sockopt::socket_acceptconn(&fd)),
        Some(Opt::TcpNoDelay) => flag(sockopt::tcp_nodelay(&fd)),
        Some(Opt::V6Only) => flag(sockopt::ipv6_v6only(&fd)),
        Some(Opt::RecvBuf) => sockopt::socket_recv_buffer_size(&fd).map(|n| n as i64),
        Some(Opt::SendBuf) => sockopt::socket_send_buffer_size(&fd).map(|n| n as i64),
        Some(Opt::Type) => sockopt::socket_type(&fd).map(|t| t.as_raw() as i64),
        Some(Opt::Error) => sockopt::socket_error(&fd).map(|r| r.err().map_or(0, |e| e.raw_os_error() as i64)),
        None => Err(Errno::NOPROTOOPT),
    };
    Ok(Value::Int(value.map_err(|e| errno_error(ts, e))?))
}
