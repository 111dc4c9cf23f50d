//! The `socket.socket` class: a `NativeObject` holding the descriptor.
//!
//! The descriptor is an `Arc<OwnedFd>`: a blocking call takes a clone into
//! its GIL-free wait, so `close()` from another thread only drops the
//! socket's handle and the kernel descriptor is closed (and its number
//! reused) once the call has returned. Dropping the object closes it too.

use std::cell::{Cell, RefCell};
use std::os::fd::{AsRawFd, IntoRawFd, OwnedFd};
use std::sync::Arc;
use std::time::Duration;

use rustix::io::Errno;
use rustix::net::{AddressFamily, Protocol, RecvFlags, SendFlags, Shutdown, SocketFlags, SocketType};

use super::socket_addr::{self, AF_INET, AF_UNIX};
use super::socket_sockopt;
use super::socket_wait::{self, errno_error, Connected, READABLE, WRITABLE};
use crate::vm::gil_stats::BlockingKind;
use crate::builtins::args::{bind, int_arg, method};
use crate::objects::class::Layout;
use crate::objects::module::add_method;
use crate::objects::types::new_type;
use crate::objects::{Args, Gc, NativeFnPtr, NativeObject, PyBytes, PyResult, PyType, Value};
use crate::vm::ThreadState;

pub struct Socket {
    fd: RefCell<Option<Arc<OwnedFd>>>,
    pub family: i64,
    pub kind: i64,
    pub proto: i64,
    /// `None`: blocking; zero: non-blocking; else the timeout of each call.
    timeout: Cell<Option<Duration>>,
}

impl Socket {
    pub fn raw_fd(&self) -> i64 {
        self.fd.borrow().as_ref().map_or(-1, |fd| fd.as_raw_fd() as i64)
    }
}

pub fn socket_class(ts: &mut ThreadState) -> Gc<PyType> {
    let class = new_type("socket", &[ts.types().object.clone()], Layout::Builtin, true);
    class.dict.set_str(ts.intern("__module__"), Value::str("socket"));
    let methods: &[(&'static str, NativeFnPtr)] = &[
        ("__new__", sock_new),
        ("__init__", sock_init),
        ("__repr__", sock_repr),
        ("__enter__", sock_enter),
        ("__exit__", sock_exit),
        ("close", sock_close),
        ("detach", sock_detach),
        ("dup", sock_dup),
        ("fileno", sock_fileno),
        ("settimeout", sock_settimeout),
        ("gettimeout", sock_gettimeout),
        ("setblocking", sock_setblocking),
        ("getblocking", sock_getblocking),
        ("bind", sock_bind),
        ("listen", sock_listen),
        ("accept", sock_accept),
        ("connect", sock_connect),
        ("connect_ex", sock_connect_ex),
        ("send", sock_send),
        ("sendall", sock_sendall),
        ("sendto", sock_sendto),
        ("recv", sock_recv),
        ("recvfrom", sock_recvfrom),
        ("shutdown", sock_shutdown),
        ("getsockname", sock_getsockname),
        ("getpeername", sock_getpeername),
        ("setsockopt", socket_sockopt::setsockopt),
        ("getsockopt", socket_sockopt::getsockopt),
    ];
    for &(name, f) in methods {
        add_method(ts, &class.dict, "socket", name, f);
    }
    let getters: &[(&'static str, NativeFnPtr)] = &[("family", sock_family), ("type", sock_type), ("proto", sock_proto)];
    for &(name, f) in getters {
        crate::builtins::misc_methods::add_getter(ts, &class.dict, "socket", name, f);
    }
    class
}

/// A socket object of `class` owning `fd` (already non-blocking).
pub fn wrap(class: &Gc<PyType>, fd: OwnedFd, family: i64, kind: i64, proto: i64, timeout: Option<Duration>) -> Value {
    let data = Socket { fd: RefCell::new(Some(Arc::new(fd))), family, kind, proto, timeout: Cell::new(timeout) };
    Value::Native(Gc::new(NativeObject { class: class.clone(), data: Box::new(data), dict: None }))
}

/// Creates a non-blocking, close-on-exec descriptor as `socket()` does.
pub fn new_fd(ts: &mut ThreadState, family: i64, kind: i64, proto: i64) -> PyResult<OwnedFd> {
    let protocol = u32::try_from(proto).ok().and_then(std::num::NonZeroU32::new).map(Protocol::from_raw);
    let domain = AddressFamily::from_raw(family as u16);
    let flags = SocketFlags::NONBLOCK | SocketFlags::CLOEXEC;
    rustix::net::socket_with(domain, SocketType::from_raw(kind as u32), flags, protocol).map_err(|e| errno_error(ts, e))
}

pub fn socket_of<'a>(ts: &mut ThreadState, v: &'a Value) -> PyResult<&'a Socket> {
    if let Value::Native(obj) = v {
        if let Some(s) = obj.downcast::<Socket>() {
            return Ok(s);
        }
    }
    let t = ts.type_of(v).name.clone();
    Err(ts.type_error(format!("descriptor requires a 'socket.socket' object but received a '{t}'")))
}

/// The receiver of a method call and the other arguments.
fn receiver<'a>(ts: &mut ThreadState, args: &Args<'a>) -> PyResult<(&'a Socket, Args<'a>)> {
    let pos = args.positional();
    let Some(first) = pos.first() else {
        return Err(ts.type_error("descriptor needs an argument"));
    };
    let sock = socket_of(ts, first)?;
    Ok((sock, Args { values: &args.values[1..], kwnames: args.kwnames }))
}

/// The open descriptor, or `OSError: [Errno 9] Bad file descriptor`.
fn open_fd(ts: &mut ThreadState, sock: &Socket) -> PyResult<Arc<OwnedFd>> {
    match sock.fd.borrow().as_ref() {
        Some(fd) => Ok(fd.clone()),
        None => Err(errno_error(ts, Errno::BADF)),
    }
}

/// A timeout argument: `None` or a non-negative number of seconds.
pub fn timeout_arg(ts: &mut ThreadState, v: &Value) -> PyResult<Option<Duration>> {
    if matches!(v, Value::None) {
        return Ok(None);
    }
    let Some(secs) = crate::objects::num::float_of(ts, v)? else {
        return Err(ts.type_error("Timeout value must be int, float or None"));
    };
    if secs.is_nan() || secs < 0.0 {
        return Err(ts.value_error("Timeout value out of range"));
    }
    Duration::try_from_secs_f64(secs).map(Some).map_err(|_| ts.overflow_error("timeout doesn't fit into C timeval"))
}

fn bytes_arg<'a>(ts: &mut ThreadState, v: &'a Value) -> PyResult<&'a [u8]> {
    match v {
        Value::Bytes(b) => Ok(&b.value),
        _ => {
            let t = ts.type_of(v).name.clone();
            Err(ts.type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

fn bytes_value(data: Vec<u8>) -> Value {
    Value::Bytes(Gc::new(PyBytes::new(data)))
}

fn flags_arg(ts: &mut ThreadState, v: Option<&Value>) -> PyResult<u32> {
    match v {
        Some(v) => Ok(int_arg(ts, v)? as u32),
        None => Ok(0),
    }
}

fn default_timeout() -> Option<Duration> {
    *super::socket::DEFAULT_TIMEOUT.lock().unwrap_or_else(|e| e.into_inner())
}

fn sock_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let class = match args.values.first() {
        Some(Value::Type(t)) => t.clone(),
        _ => return Err(ts.type_error("socket.__new__(X): X is not a type object")),
    };
    let rest = Args { values: &args.values[1..], kwnames: args.kwnames };
    let a = bind(ts, "socket", rest, &["family", "type", "proto", "fileno"], 0)?;
    let int_or = |ts: &mut ThreadState, v: &Option<Value>, default: i64| -> PyResult<i64> {
        match v {
            None => Ok(default),
            Some(v) => match int_arg(ts, v)? {
                -1 => Ok(default),
                n => Ok(n),
            },
        }
    };
    let family = int_or(ts, &a[0], AF_INET)?;
    let raw_kind = int_or(ts, &a[1], libc::SOCK_STREAM as i64)?;
    let proto = int_or(ts, &a[2], 0)?;
    if a[3].as_ref().is_some_and(|f| !matches!(f, Value::None)) {
        return Err(ts.os_error_msg("socket(fileno=...) is not supported"));
    }
    let flag_bits = (libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC) as i64;
    let kind = raw_kind & !flag_bits;
    let fd = new_fd(ts, family, kind, proto)?;
    let timeout = if raw_kind & libc::SOCK_NONBLOCK as i64 != 0 { Some(Duration::ZERO) } else { default_timeout() };
    Ok(wrap(&class, fd, family, kind, proto, timeout))
}

fn sock_init(_ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

fn sock_repr(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = method(ts, "__repr__", args, 0, 0)?;
    let sock = socket_of(ts, recv)?;
    let fd = sock.fd.borrow().clone();
    let closed = if fd.is_none() { " [closed]" } else { "" };
    let mut text = format!(
        "<socket.socket{closed} fd={}, family={}, type={}, proto={}",
        sock.raw_fd(),
        sock.family,
        sock.kind,
        sock.proto
    );
    if let Some(fd) = fd {
        let ends = [("laddr", rustix::net::getsockname(&fd).ok()), ("raddr", rustix::net::getpeername(&fd).ok().flatten())];
        for (name, addr) in ends {
            let Some(addr) = addr else { continue };
            let v = socket_addr::to_value(&addr);
            if ts.truthy(&v)? {
                let shown = ts.repr_string(&v)?;
                text.push_str(&format!(", {name}={shown}"));
            }
        }
    }
    text.push('>');
    Ok(Value::str(&text))
}

fn sock_enter(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = method(ts, "__enter__", args, 0, 0)?;
    socket_of(ts, recv)?;
    Ok(recv.clone())
}

fn sock_exit(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (sock, _) = receiver(ts, &args)?;
    sock.fd.borrow_mut().take();
    Ok(Value::None)
}

fn sock_close(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = method(ts, "close", args, 0, 0)?;
    let sock = socket_of(ts, recv)?;
    let fd = sock.fd.borrow_mut().take();
    drop(fd);
    Ok(Value::None)
}

fn sock_detach(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = method(ts, "detach", args, 0, 0)?;
    let sock = socket_of(ts, recv)?;
    let Some(fd) = sock.fd.borrow_mut().take() else {
        return Ok(Value::Int(-1));
    };
    match Arc::try_unwrap(fd) {
        Ok(owned) => Ok(Value::Int(owned.into_raw_fd() as i64)),
        Err(shared) => {
            let raw = shared.as_raw_fd();
            *sock.fd.borrow_mut() = Some(shared);
            Err(ts.os_error_msg(format!("cannot detach socket fd {raw} while another thread uses it")))
        }
    }
}

fn sock_dup(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = method(ts, "dup", args, 0, 0)?;
    let sock = socket_of(ts, recv)?;
    let fd = open_fd(ts, sock)?;
    let copy = rustix::io::fcntl_dupfd_cloexec(&fd, 0).map_err(|e| errno_error(ts, e))?;
    let Value::Native(obj) = recv else { return Err(ts.type_error("dup() needs a socket")) };
    Ok(wrap(&obj.class, copy, sock.family, sock.kind, sock.proto, sock.timeout.get()))
}

fn sock_fileno(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = method(ts, "fileno", args, 0, 0)?;
    Ok(Value::Int(socket_of(ts, recv)?.raw_fd()))
}

fn sock_family(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (sock, _) = receiver(ts, &args)?;
    Ok(Value::Int(sock.family))
}

fn sock_type(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (sock, _) = receiver(ts, &args)?;
    Ok(Value::Int(sock.kind))
}

fn sock_proto(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (sock, _) = receiver(ts, &args)?;
    Ok(Value::Int(sock.proto))
}

fn sock_settimeout(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, a) = method(ts, "settimeout", args, 1, 1)?;
    let sock = socket_of(ts, recv)?;
    let timeout = timeout_arg(ts, &a[0])?;
    sock.timeout.set(timeout);
    Ok(Value::None)
}

fn sock_gettimeout(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = method(ts, "gettimeout", args, 0, 0)?;
    let sock = socket_of(ts, recv)?;
    Ok(sock.timeout.get().map_or(Value::None, |t| Value::Float(t.as_secs_f64())))
}

fn sock_setblocking(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, a) = method(ts, "setblocking", args, 1, 1)?;
    let sock = socket_of(ts, recv)?;
    let blocking = ts.truthy(&a[0])?;
    sock.timeout.set(if blocking { None } else { Some(Duration::ZERO) });
    Ok(Value::None)
}

fn sock_getblocking(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = method(ts, "getblocking", args, 0, 0)?;
    let sock = socket_of(ts, recv)?;
    Ok(Value::Bool(sock.timeout.get() != Some(Duration::ZERO)))
}

fn sock_bind(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, a) = method(ts, "bind", args, 1, 1)?;
    let sock = socket_of(ts, recv)?;
    let addr = socket_addr::parse(ts, sock.family, &a[0], "bind")?;
    let fd = open_fd(ts, sock)?;
    rustix::net::bind(&fd, &addr).map_err(|e| errno_error(ts, e))?;
    Ok(Value::None)
}

fn sock_listen(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, a) = method(ts, "listen", args, 0, 1)?;
    let sock = socket_of(ts, recv)?;
    let backlog = match a.first() {
        Some(v) => int_arg(ts, v)?.clamp(0, i32::MAX as i64) as i32,
        None => 128,
    };
    let fd = open_fd(ts, sock)?;
    rustix::net::listen(&fd, backlog).map_err(|e| errno_error(ts, e))?;
    Ok(Value::None)
}

fn sock_accept(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = method(ts, "accept", args, 0, 0)?;
    let sock = socket_of(ts, recv)?;
    let fd = open_fd(ts, sock)?;
    let flags = SocketFlags::NONBLOCK | SocketFlags::CLOEXEC;
    let (conn, addr) = socket_wait::call(ts, &fd, sock.timeout.get(), (READABLE, BlockingKind::SocketAccept), |fd| rustix::net::acceptfrom_with(fd, flags))?;
    let Value::Native(obj) = recv else { return Err(ts.type_error("accept() needs a socket")) };
    let conn = wrap(&obj.class, conn, sock.family, sock.kind, sock.proto, default_timeout());
    let addr = addr.as_ref().map_or(Value::None, socket_addr::to_value);
    Ok(Value::tuple(vec![conn, addr]))
}

/// Connects `sock` to the Python address `addr`.
fn connect(ts: &mut ThreadState, sock: &Socket, addr: &Value, caller: &str) -> PyResult<Connected> {
    let addr = socket_addr::parse(ts, sock.family, addr, caller)?;
    let fd = open_fd(ts, sock)?;
    socket_wait::connect(ts, &fd, &addr, sock.timeout.get())
}

fn sock_connect(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, a) = method(ts, "connect", args, 1, 1)?;
    let sock = socket_of(ts, recv)?;
    match connect(ts, sock, &a[0], "connect")? {
        Connected::Ok => Ok(Value::None),
        Connected::Failed(errno) => Err(errno_error(ts, errno)),
        Connected::TimedOut => Err(socket_wait::timed_out(ts)),
    }
}

fn sock_connect_ex(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, a) = method(ts, "connect_ex", args, 1, 1)?;
    let sock = socket_of(ts, recv)?;
    Ok(Value::Int(match connect(ts, sock, &a[0], "connect_ex")? {
        Connected::Ok => 0,
        Connected::Failed(errno) => errno.raw_os_error() as i64,
        Connected::TimedOut => libc::EWOULDBLOCK as i64,
    }))
}

fn send_flags(bits: u32) -> SendFlags {
    SendFlags::from_bits_retain(bits) | SendFlags::NOSIGNAL
}

fn sock_send(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, a) = method(ts, "send", args, 1, 2)?;
    let sock = socket_of(ts, recv)?;
    let data = bytes_arg(ts, &a[0])?;
    let flags = send_flags(flags_arg(ts, a.get(1))?);
    let fd = open_fd(ts, sock)?;
    let sent = socket_wait::call(ts, &fd, sock.timeout.get(), (WRITABLE, BlockingKind::SocketSend), |fd| rustix::net::send(fd, data, flags))?;
    Ok(Value::Int(sent as i64))
}

fn sock_sendall(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, a) = method(ts, "sendall", args, 1, 2)?;
    let sock = socket_of(ts, recv)?;
    let data = bytes_arg(ts, &a[0])?;
    let flags = send_flags(flags_arg(ts, a.get(1))?);
    let fd = open_fd(ts, sock)?;
    let mut sent = 0;
    socket_wait::call(ts, &fd, sock.timeout.get(), (WRITABLE, BlockingKind::SocketSend), move |fd| {
        while sent < data.len() {
            sent += rustix::net::send(fd, &data[sent..], flags)?;
        }
        Ok(())
    })?;
    Ok(Value::None)
}

fn sock_sendto(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, a) = method(ts, "sendto", args, 2, 3)?;
    let sock = socket_of(ts, recv)?;
    let data = bytes_arg(ts, &a[0])?;
    let (flags, addr) = if a.len() == 3 { (flags_arg(ts, a.get(1))?, &a[2]) } else { (0, &a[1]) };
    let flags = send_flags(flags);
    let addr = socket_addr::parse(ts, sock.family, addr, "sendto")?;
    let fd = open_fd(ts, sock)?;
    let sent = socket_wait::call(ts, &fd, sock.timeout.get(), (WRITABLE, BlockingKind::SocketSend), |fd| rustix::net::sendto(fd, data, flags, &addr))?;
    Ok(Value::Int(sent as i64))
}

fn bufsize_arg(ts: &mut ThreadState, v: &Value, caller: &str) -> PyResult<usize> {
    let n = int_arg(ts, v)?;
    usize::try_from(n).map_err(|_| ts.value_error(format!("negative buffersize in {caller}")))
}

fn sock_recv(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, a) = method(ts, "recv", args, 1, 2)?;
    let sock = socket_of(ts, recv)?;
    let size = bufsize_arg(ts, &a[0], "recv")?;
    let flags = RecvFlags::from_bits_retain(flags_arg(ts, a.get(1))?);
    let fd = open_fd(ts, sock)?;
    let data = socket_wait::call(ts, &fd, sock.timeout.get(), (READABLE, BlockingKind::SocketRecv), |fd| {
        let mut buf = vec![0u8; size];
        let (n, _) = rustix::net::recv(fd, &mut buf[..], flags)?;
        buf.truncate(n);
        Ok(buf)
    })?;
    Ok(bytes_value(data))
}

fn sock_recvfrom(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, a) = method(ts, "recvfrom", args, 1, 2)?;
    let sock = socket_of(ts, recv)?;
    let size = bufsize_arg(ts, &a[0], "recvfrom")?;
    let flags = RecvFlags::from_bits_retain(flags_arg(ts, a.get(1))?);
    let fd = open_fd(ts, sock)?;
    let (data, addr) = socket_wait::call(ts, &fd, sock.timeout.get(), (READABLE, BlockingKind::SocketRecv), |fd| {
        let mut buf = vec![0u8; size];
        let (n, _, addr) = rustix::net::recvfrom(fd, &mut buf[..], flags)?;
        buf.truncate(n);
        Ok((buf, addr))
    })?;
    let addr = addr.as_ref().map_or(Value::None, socket_addr::to_value);
    Ok(Value::tuple(vec![bytes_value(data), addr]))
}

fn sock_shutdown(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, a) = method(ts, "shutdown", args, 1, 1)?;
    let sock = socket_of(ts, recv)?;
    let how = match int_arg(ts, &a[0])? {
        0 => Shutdown::Read,
        1 => Shutdown::Write,
        2 => Shutdown::Both,
        _ => return Err(errno_error(ts, Errno::INVAL)),
    };
    let fd = open_fd(ts, sock)?;
    rustix::net::shutdown(&fd, how).map_err(|e| errno_error(ts, e))?;
    Ok(Value::None)
}

fn sock_getsockname(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = method(ts, "getsockname", args, 0, 0)?;
    let sock = socket_of(ts, recv)?;
    let fd = open_fd(ts, sock)?;
    let addr = rustix::net::getsockname(&fd).map_err(|e| errno_error(ts, e))?;
    Ok(socket_addr::to_value(&addr))
}

fn sock_getpeername(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = method(ts, "getpeername", args, 0, 0)?;
    let sock = socket_of(ts, recv)?;
    let fd = open_fd(ts, sock)?;
    match rustix::net::getpeername(&fd).map_err(|e| errno_error(ts, e))? {
        Some(addr) => Ok(socket_addr::to_value(&addr)),
        None if sock.family == AF_UNIX => Ok(Value::str("")),
        None => Err(errno_error(ts, Errno::NOTCONN)),
    }
}

/// The open descriptor of a socket value, for `getsockopt`/`setsockopt`.
pub fn sockopt_target(ts: &mut ThreadState, v: &Value) -> PyResult<Arc<OwnedFd>> {
    let sock = socket_of(ts, v)?;
    open_fd(ts, sock)
}
