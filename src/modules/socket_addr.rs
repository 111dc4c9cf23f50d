//! Socket addresses between Python and the kernel: `(host, port)` tuples for
//! AF_INET, `(host, port, flowinfo, scope_id)` for AF_INET6, paths for
//! AF_UNIX; and host-name resolution (`localhost` and numeric addresses
//! locally, other names through `getaddrinfo` without the GIL).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6, ToSocketAddrs};

use rustix::net::{AddressFamily, SocketAddrAny, SocketAddrUnix};

use crate::objects::{PyErr, PyResult, Value};
use crate::vm::gil_stats::BlockingKind;
use crate::vm::ThreadState;

pub const AF_UNIX: i64 = libc::AF_UNIX as i64;
pub const AF_INET: i64 = libc::AF_INET as i64;
pub const AF_INET6: i64 = libc::AF_INET6 as i64;

/// `socket.gaierror(errno, text)`, or an `OSError` before the module made it.
pub fn gai_error(ts: &mut ThreadState, errno: i64, text: &str) -> PyErr {
    let socket_name = ts.intern("socket");
    let gaierror_name = ts.intern("gaierror");
    let class = match ts.objs.modules.get_str(&socket_name) {
        Some(Value::Module(m)) => m.dict.get_str(&gaierror_name),
        _ => None,
    };
    let args = vec![Value::Int(errno), Value::str(text)];
    let cls = match class {
        Some(Value::Type(t)) => t,
        _ => ts.types().os_error.clone(),
    };
    let e = ts.new_exception(&cls, args.clone());
    crate::builtins::oserror::set_os_attrs(ts, &e.value(), &args);
    e
}

/// Resolves `host` to addresses of `family` (0: any), as `getaddrinfo` would.
pub fn resolve(ts: &mut ThreadState, host: &str, family: i64) -> PyResult<Vec<IpAddr>> {
    let wanted = |ip: &IpAddr| family == 0 || (family == AF_INET) == ip.is_ipv4();
    let local: Option<Vec<IpAddr>> = match host {
        "" if family == AF_INET6 => Some(vec![Ipv6Addr::UNSPECIFIED.into()]),
        "" => Some(vec![Ipv4Addr::UNSPECIFIED.into()]),
        "<broadcast>" => Some(vec![Ipv4Addr::BROADCAST.into()]),
        "localhost" if family == AF_INET6 => Some(vec![Ipv6Addr::LOCALHOST.into()]),
        "localhost" => Some(vec![Ipv4Addr::LOCALHOST.into()]),
        _ => host.parse::<IpAddr>().ok().map(|ip| vec![ip]),
    };
    let found: Vec<IpAddr> = match local {
        Some(ips) => ips,
        None => {
            let owned = host.to_string();
            let looked_up = ts.allow_threads_as(BlockingKind::Other, move || {
                (owned.as_str(), 0).to_socket_addrs().map(|it| it.map(|a| a.ip()).collect::<Vec<_>>())
            });
            looked_up.map_err(|_| gai_error(ts, -2, "Name or service not known"))?
        }
    };
    let found: Vec<IpAddr> = found.into_iter().filter(wanted).collect();
    if found.is_empty() {
        return Err(gai_error(ts, -9, "Address family for hostname not supported"));
    }
    Ok(found)
}

fn type_name(ts: &mut ThreadState, v: &Value) -> String {
    ts.type_of(v).name.clone()
}

/// The port of an address tuple, checked as CPython checks it.
fn port_arg(ts: &mut ThreadState, v: &Value, caller: &str) -> PyResult<u16> {
    let port = crate::builtins::args::int_arg(ts, v)?;
    u16::try_from(port).map_err(|_| ts.overflow_error(format!("{caller}(): port must be 0-65535.")))
}

/// A Python address for a socket of `family` as the kernel's address.
pub fn parse(ts: &mut ThreadState, family: i64, v: &Value, caller: &str) -> PyResult<SocketAddrAny> {
    if family == AF_UNIX {
        let path = match v {
            Value::Str(s) => s.as_str().as_bytes().to_vec(),
            Value::Bytes(b) => b.value.to_vec(),
            _ => {
                let t = type_name(ts, v);
                return Err(ts.type_error(format!("{caller}(): AF_UNIX address must be str or bytes, not {t}")));
            }
        };
        let addr = match path.split_first() {
            Some((0, name)) => SocketAddrUnix::new_abstract_name(name),
            _ => SocketAddrUnix::new(path),
        };
        return addr.map(SocketAddrAny::from).map_err(|_| ts.os_error_msg("AF_UNIX path too long"));
    }
    let name = if family == AF_INET6 { "AF_INET6" } else { "AF_INET" };
    let Value::Tuple(t) = v else {
        let t = type_name(ts, v);
        return Err(ts.type_error(format!("{caller}(): {name} address must be tuple, not {t}")));
    };
    let arity_ok = if family == AF_INET6 { (2..=4).contains(&t.items.len()) } else { t.items.len() == 2 };
    if !arity_ok {
        let what = if family == AF_INET6 { "a tuple (host, port[, flowinfo[, scopeid]])" } else { "a pair (host, port)" };
        return Err(ts.type_error(format!("{name} address must be {what}")));
    }
    let host = match &t.items[0] {
        Value::Str(s) => s.as_str().to_string(),
        other => {
            let t = type_name(ts, other);
            return Err(ts.type_error(format!("str, bytes or bytearray expected, not {t}")));
        }
    };
    let port = port_arg(ts, &t.items[1], caller)?;
    let ip = resolve(ts, &host, if family == AF_INET6 { AF_INET6 } else { AF_INET })?[0];
    Ok(match ip {
        IpAddr::V4(ip) => SocketAddr::V4(SocketAddrV4::new(ip, port)).into(),
        IpAddr::V6(ip) => {
            let flowinfo = match t.items.get(2) {
                Some(f) => crate::builtins::args::int_arg(ts, f)? as u32,
                None => 0,
            };
            let scope = match t.items.get(3) {
                Some(s) => crate::builtins::args::int_arg(ts, s)? as u32,
                None => 0,
            };
            SocketAddr::V6(SocketAddrV6::new(ip, port, flowinfo, scope)).into()
        }
    })
}

/// The kernel's address as Python shows it.
pub fn to_value(addr: &SocketAddrAny) -> Value {
    let family = addr.address_family();
    if family == AddressFamily::INET {
        if let Ok(a) = SocketAddrV4::try_from(addr.clone()) {
            return Value::tuple(vec![Value::str(&a.ip().to_string()), Value::Int(a.port() as i64)]);
        }
    } else if family == AddressFamily::INET6 {
        if let Ok(a) = SocketAddrV6::try_from(addr.clone()) {
            let ip = Value::str(&a.ip().to_string());
            return Value::tuple(vec![ip, Value::Int(a.port() as i64), Value::Int(a.flowinfo() as i64), Value::Int(a.scope_id() as i64)]);
        }
    } else if family == AddressFamily::UNIX {
        if let Ok(a) = SocketAddrUnix::try_from(addr.clone()) {
            if let Some(name) = a.abstract_name().filter(|name| !name.is_empty()) {
                let mut bytes = vec![0u8];
                bytes.extend_from_slice(name);
                return Value::Bytes(crate::objects::Gc::new(crate::objects::PyBytes::new(bytes)));
            }
            let path = a.path_bytes().unwrap_or_default();
            return Value::str(&String::from_utf8_lossy(path));
        }
    }
    Value::None
}

/// `getaddrinfo`'s sockaddr for `ip` and `port`.
pub fn ip_value(ip: IpAddr, port: u16) -> Value {
    match ip {
        IpAddr::V4(ip) => Value::tuple(vec![Value::str(&ip.to_string()), Value::Int(port as i64)]),
        IpAddr::V6(ip) => Value::tuple(vec![Value::str(&ip.to_string()), Value::Int(port as i64), Value::Int(0), Value::Int(0)]),
    }
}
