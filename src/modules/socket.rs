//! The `socket` module: the `socket` class (socket_object.rs), the
//! module-level helpers (`socketpair`, `create_connection`, name lookups,
//! default timeout) and the constants.

use std::sync::Mutex;
use std::time::Duration;

use super::socket_addr::{self, AF_INET, AF_INET6, AF_UNIX};
use super::socket_object::{self, socket_class, timeout_arg, wrap};
use crate::builtins::args::{bind, int_arg, positional, str_arg};
use crate::objects::class::Layout;
use crate::objects::types::new_type;
use crate::objects::{Args, Gc, NativeFunction, NativeImpl, PyModule, PyResult, PyType, Value};
use crate::vm::ThreadState;

/// `socket.setdefaulttimeout`: the timeout new sockets start with.
pub static DEFAULT_TIMEOUT: Mutex<Option<Duration>> = Mutex::new(None);

const CONSTANTS: &[(&str, i32)] = &[
    ("AF_UNSPEC", libc::AF_UNSPEC),
    ("AF_UNIX", libc::AF_UNIX),
    ("AF_INET", libc::AF_INET),
    ("AF_INET6", libc::AF_INET6),
    ("SOCK_STREAM", libc::SOCK_STREAM),
    ("SOCK_DGRAM", libc::SOCK_DGRAM),
    ("SOCK_RAW", libc::SOCK_RAW),
    ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK),
    ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC),
    ("SOL_SOCKET", libc::SOL_SOCKET),
    ("SO_REUSEADDR", libc::SO_REUSEADDR),
    ("SO_REUSEPORT", libc::SO_REUSEPORT),
    ("SO_KEEPALIVE", libc::SO_KEEPALIVE),
    ("SO_BROADCAST", libc::SO_BROADCAST),
    ("SO_RCVBUF", libc::SO_RCVBUF),
    ("SO_SNDBUF", libc::SO_SNDBUF),
    ("SO_ERROR", libc::SO_ERROR),
    ("SO_TYPE", libc::SO_TYPE),
    ("SO_ACCEPTCONN", libc::SO_ACCEPTCONN),
    ("IPPROTO_IP", libc::IPPROTO_IP),
    ("IPPROTO_TCP", libc::IPPROTO_TCP),
    ("IPPROTO_UDP", libc::IPPROTO_UDP),
    ("IPPROTO_IPV6", libc::IPPROTO_IPV6),
    ("IPV6_V6ONLY", libc::IPV6_V6ONLY),
    ("TCP_NODELAY", libc::TCP_NODELAY),
    ("SHUT_RD", libc::SHUT_RD),
    ("SHUT_WR", libc::SHUT_WR),
    ("SHUT_RDWR", libc::SHUT_RDWR),
    ("SOMAXCONN", 4096),
    ("MSG_PEEK", libc::MSG_PEEK),
    ("MSG_DONTWAIT", libc::MSG_DONTWAIT),
    ("MSG_WAITALL", libc::MSG_WAITALL),
    ("AI_PASSIVE", libc::AI_PASSIVE),
    ("INADDR_ANY", 0),
];

pub fn init(ts: &mut ThreadState) -> PyResult<Gc<PyModule>> {
    let m = PyModule::new(ts, "socket");
    for &(name, value) in CONSTANTS {
        m.set(ts, name, Value::Int(value as i64));
    }
    m.set(ts, "has_ipv6", Value::Bool(true));
    let class = socket_class(ts);
    m.set(ts, "socket", Value::Type(class.clone()));
    m.set(ts, "SocketType", Value::Type(class.clone()));
    let os_error = ts.types().os_error.clone();
    m.set(ts, "error", Value::Type(os_error.clone()));
    m.set(ts, "herror", Value::Type(os_error.clone()));
    let timeout = ts.types().timeout_error.clone();
    m.set(ts, "timeout", Value::Type(timeout));
    let gaierror = new_type("gaierror", &[os_error], Layout::Exception, false);
    gaierror.dict.set_str(ts.intern("__module__"), Value::str("socket"));
    m.set(ts, "gaierror", Value::Type(gaierror));
    add_class_fn(ts, &m, "socketpair", &class, socketpair);
    add_class_fn(ts, &m, "create_connection", &class, create_connection);
    m.add_fn(ts, "gethostname", gethostname);
    m.add_fn(ts, "gethostbyname", gethostbyname);
    m.add_fn(ts, "getfqdn", gethostname);
    m.add_fn(ts, "getaddrinfo", getaddrinfo);
    m.add_fn(ts, "getdefaulttimeout", getdefaulttimeout);
    m.add_fn(ts, "setdefaulttimeout", setdefaulttimeout);
    m.add_fn(ts, "htons", htons);
    m.add_fn(ts, "ntohs", htons);
    m.add_fn(ts, "htonl", htonl);
    m.add_fn(ts, "ntohl", htonl);
    Ok(m)
}

type ClassFn = fn(&mut ThreadState, &Gc<PyType>, Args<'_>) -> PyResult<Value>;

/// A module function that creates sockets of the module's `socket` class.
fn add_class_fn(ts: &mut ThreadState, m: &PyModule, name: &'static str, class: &Gc<PyType>, f: ClassFn) {
    let class = class.clone();
    let func = NativeFunction { name, owner: "socket", func: NativeImpl::Closure(Box::new(move |ts, args| f(ts, &class, args))) };
    m.set(ts, name, Value::NativeFunction(Gc::new(func)));
}

fn default_timeout() -> Option<Duration> {
    *DEFAULT_TIMEOUT.lock().unwrap_or_else(|e| e.into_inner())
}

fn int_or(ts: &mut ThreadState, v: &Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(default),
        Some(v) => int_arg(ts, v),
    }
}

fn socketpair(ts: &mut ThreadState, class: &Gc<PyType>, args: Args<'_>) -> PyResult<Value> {
    let a = bind(ts, "socketpair", args, &["family", "type", "proto"], 0)?;
    let family = int_or(ts, &a[0], AF_UNIX)?;
    let kind = int_or(ts, &a[1], libc::SOCK_STREAM as i64)?;
    let proto = int_or(ts, &a[2], 0)?;
    let protocol = u32::try_from(proto).ok().and_then(std::num::NonZeroU32::new).map(rustix::net::Protocol::from_raw);
    let flags = rustix::net::SocketFlags::NONBLOCK | rustix::net::SocketFlags::CLOEXEC;
    let domain = rustix::net::AddressFamily::from_raw(family as u16);
    let kind_raw = rustix::net::SocketType::from_raw(kind as u32);
    let (a, b) = rustix::net::socketpair(domain, kind_raw, flags, protocol).map_err(|e| super::socket_wait::errno_error(ts, e))?;
    let timeout = default_timeout();
    Ok(Value::tuple(vec![wrap(class, a, family, kind, proto, timeout), wrap(class, b, family, kind, proto, timeout)]))
}

/// `create_connection((host, port), timeout=default, source_address=None)`:
/// tries each address of `host` in turn, as CPython does.
fn create_connection(ts: &mut ThreadState, class: &Gc<PyType>, args: Args<'_>) -> PyResult<Value> {
    let a = bind(ts, "create_connection", args, &["address", "timeout", "source_address"], 1)?;
    let address = a[0].clone().unwrap_or(Value::None);
    let Value::Tuple(pair) = &address else {
        return Err(ts.type_error("create_connection() address must be a (host, port) tuple"));
    };
    if pair.items.len() != 2 {
        return Err(ts.value_error("too many values to unpack (expected 2)"));
    }
    let host = str_arg(ts, &pair.items[0], "create_connection()")?.to_string();
    let timeout = match &a[1] {
        Some(v) => timeout_arg(ts, v)?,
        None => default_timeout(),
    };
    let mut last_error = None;
    for ip in socket_addr::resolve(ts, &host, 0)? {
        let family = if ip.is_ipv4() { AF_INET } else { AF_INET6 };
        let fd = socket_object::new_fd(ts, family, libc::SOCK_STREAM as i64, 0)?;
        let sock = wrap(class, fd, family, libc::SOCK_STREAM as i64, 0, timeout);
        let target = socket_addr::ip_value(ip, 0);
        let Value::Tuple(target) = target else { continue };
        let addr = Value::tuple(vec![target.items[0].clone(), pair.items[1].clone()]);
        if let Some(source) = a[2].as_ref().filter(|s| !matches!(s, Value::None)) {
            ts.call_method(&sock, "bind", &[source.clone()])?;
        }
        match ts.call_method(&sock, "connect", &[addr]) {
            Ok(_) => return Ok(sock),
            Err(e) => {
                ts.call_method(&sock, "close", &[])?;
                last_error = Some(e);
            }
        }
    }
    Err(last_error.unwrap_or_else(|| ts.os_error_msg("getaddrinfo returns an empty list")))
}

fn gethostname(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    positional(ts, "gethostname", args, 0, 1)?;
    let name = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_else(|_| "localhost".into());
    Ok(Value::str(name.trim_end()))
}

fn gethostbyname(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "gethostbyname", args, 1, 1)?;
    let host = str_arg(ts, &a[0], "gethostbyname() argument 1")?.to_string();
    let ips = socket_addr::resolve(ts, &host, AF_INET)?;
    Ok(Value::str(&ips[0].to_string()))
}

/// `getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`: one entry
/// per address and socket type (stream, datagram) unless `type` picks one.
fn getaddrinfo(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = bind(ts, "getaddrinfo", args, &["host", "port", "family", "type", "proto", "flags"], 2)?;
    let host = match &a[0] {
        Some(Value::None) | None => "localhost".to_string(),
        Some(v) => str_arg(ts, v, "getaddrinfo() argument 1")?.to_string(),
    };
    let port = match &a[1] {
        Some(Value::None) | None => 0,
        Some(Value::Str(s)) => s.as_str().parse::<u16>().map_err(|_| socket_addr::gai_error(ts, -8, "Servname not supported for ai_socktype"))?,
        Some(v) => u16::try_from(int_arg(ts, v)?).map_err(|_| ts.overflow_error("getaddrinfo(): port must be 0-65535."))?,
    };
    let family = int_or(ts, &a[2], 0)?;
    let kind = int_or(ts, &a[3], 0)?;
    let kinds: Vec<(i64, i64)> = match kind {
        0 => vec![(libc::SOCK_STREAM as i64, libc::IPPROTO_TCP as i64), (libc::SOCK_DGRAM as i64, libc::IPPROTO_UDP as i64), (libc::SOCK_RAW as i64, 0)],
        k if k == libc::SOCK_STREAM as i64 => vec![(k, libc::IPPROTO_TCP as i64)],
        k if k == libc::SOCK_DGRAM as i64 => vec![(k, libc::IPPROTO_UDP as i64)],
        k => vec![(k, 0)],
    };
    let mut entries = Vec::new();
    for ip in socket_addr::resolve(ts, &host, family)? {
        let af = if ip.is_ipv4() { AF_INET } else { AF_INET6 };
        for &(k, proto) in &kinds {
            let addr = socket_addr::ip_value(ip, port);
            entries.push(Value::tuple(vec![Value::Int(af), Value::Int(k), Value::Int(proto), Value::str(""), addr]));
        }
    }
    Ok(Value::list(entries))
}

fn getdefaulttimeout(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    positional(ts, "getdefaulttimeout", args, 0, 0)?;
    Ok(default_timeout().map_or(Value::None, |t| Value::Float(t.as_secs_f64())))
}

fn setdefaulttimeout(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "setdefaulttimeout", args, 1, 1)?;
    let timeout = timeout_arg(ts, &a[0])?;
    *DEFAULT_TIMEOUT.lock().unwrap_or_else(|e| e.into_inner()) = timeout;
    Ok(Value::None)
}

fn htons(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "htons", args, 1, 1)?;
    let n = int_arg(ts, &a[0])?;
    let n = u16::try_from(n).map_err(|_| ts.overflow_error("htons: Python int too large to convert to C 16-bit unsigned integer"))?;
    Ok(Value::Int(n.to_be() as i64))
}

fn htonl(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "htonl", args, 1, 1)?;
    let n = int_arg(ts, &a[0])?;
    let n = u32::try_from(n).map_err(|_| ts.overflow_error("int larger than 32 bits"))?;
    Ok(Value::Int(n.to_be() as i64))
}
