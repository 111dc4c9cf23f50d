//! The `select` module: `select.select` over sockets, files and raw
//! descriptors, implemented with `poll(2)` (no `FD_SETSIZE` limit) and
//! waiting without the GIL — interruptibly in the main thread.

use std::time::{Duration, Instant};

use super::socket_wait::poll_timeout_ms;
use crate::builtins::args::positional;
use crate::objects::num::float_of;
use crate::objects::{Args, Gc, PyModule, PyResult, Value};
use crate::vm::gil_cell::os_thread;
use crate::vm::gil_stats::BlockingKind;
use crate::vm::ThreadState;

pub fn init(ts: &mut ThreadState) -> PyResult<Gc<PyModule>> {
    let m = PyModule::new(ts, "select");
    m.add_fn(ts, "select", select);
    let os_error = ts.types().os_error.clone();
    m.set(ts, "error", Value::Type(os_error));
    for (name, value) in [("POLLIN", libc::POLLIN), ("POLLOUT", libc::POLLOUT), ("POLLPRI", libc::POLLPRI), ("POLLERR", libc::POLLERR), ("POLLHUP", libc::POLLHUP), ("POLLNVAL", libc::POLLNVAL)] {
        m.set(ts, name, Value::Int(value as i64));
    }
    Ok(m)
}

/// The descriptor of a `select` argument: an int or an object's `fileno()`.
fn fd_of(ts: &mut ThreadState, v: &Value) -> PyResult<i32> {
    let fd = match v {
        Value::Int(n) => *n,
        Value::Bool(b) => *b as i64,
        _ => {
            let fileno = ts.intern("fileno");
            if ts.get_attr(v, &fileno).is_err() {
                return Err(ts.type_error("argument must be an int, or have a fileno() method."));
            }
            match ts.call_method(v, "fileno", &[])? {
                Value::Int(n) => n,
                _ => return Err(ts.type_error("fileno() returned a non-integer")),
            }
        }
    };
    if fd < 0 {
        return Err(ts.value_error(format!("file descriptor cannot be a negative integer ({fd})")));
    }
    i32::try_from(fd).map_err(|_| ts.overflow_error("file descriptor is too large"))
}

fn timeout_of(ts: &mut ThreadState, v: Option<&Value>) -> PyResult<Option<Duration>> {
    let Some(v) = v.filter(|v| !matches!(v, Value::None)) else {
        return Ok(None);
    };
    let Some(secs) = float_of(ts, v)? else {
        return Err(ts.type_error("timeout must be a float or None"));
    };
    if secs.is_nan() {
        return Err(ts.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(ts.value_error("timeout must be non-negative"));
    }
    Duration::try_from_secs_f64(secs).map(Some).map_err(|_| ts.overflow_error("timeout is too large"))
}

/// Which poll events make an entry of each of the three lists ready.
const EVENTS: [i16; 3] = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI];
const READY: [i16; 3] = [libc::POLLIN | libc::POLLHUP | libc::POLLERR, libc::POLLOUT | libc::POLLERR, libc::POLLPRI];

fn select(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "select", args, 3, 4)?;
    let mut objects: Vec<(usize, Value)> = Vec::new();
    let mut fds: Vec<libc::pollfd> = Vec::new();
    for (list, arg) in a.iter().take(3).enumerate() {
        for item in ts.collect_items(arg)? {
            let fd = fd_of(ts, &item)?;
            fds.push(libc::pollfd { fd, events: EVENTS[list], revents: 0 });
            objects.push((list, item));
        }
    }
    let timeout = timeout_of(ts, a.get(3))?;
    let revents = wait(ts, fds, timeout)?;
    let mut ready: [Vec<Value>; 3] = Default::default();
    for ((list, item), entry) in objects.into_iter().zip(revents) {
        if entry.revents & libc::POLLNVAL != 0 {
            let err = std::io::Error::from_raw_os_error(libc::EBADF);
            return Err(crate::builtins::oserror::os_error(ts, &err, None));
        }
        if entry.revents & READY[list] != 0 {
            ready[list].push(item);
        }
    }
    let [r, w, x] = ready;
    Ok(Value::tuple(vec![Value::list(r), Value::list(w), Value::list(x)]))
}

/// Polls `fds` until one is ready or `timeout` passes; returns them with
/// their `revents` (all zero on timeout).
fn wait(ts: &mut ThreadState, mut fds: Vec<libc::pollfd>, timeout: Option<Duration>) -> PyResult<Vec<libc::pollfd>> {
    if timeout == Some(Duration::ZERO) {
        poll_once(&mut fds, 0).map_err(|e| crate::builtins::oserror::os_error(ts, &e, None))?;
        return Ok(fds);
    }
    let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
    let outcome = ts.wait_interruptibly(BlockingKind::Select, deadline, move |until| loop {
        // One more entry, last, wakes the wait when the thread is interrupted (`vm::unblock`).
        let wake = crate::vm::unblock::wake_fd().unwrap_or(-1);
        fds.push(libc::pollfd { fd: wake, events: libc::POLLIN, revents: 0 });
        let polled = poll_once(&mut fds, poll_timeout_ms(until));
        let woken = fds.pop().is_some_and(|w| w.revents != 0);
        match polled {
            Err(e) => return Some(Err(e)),
            Ok(true) if woken && fds.iter().all(|f| f.revents == 0) => return None,
            Ok(true) => return Some(Ok(std::mem::take(&mut fds))),
            Ok(false) if until.is_some_and(|u| Instant::now() < u) => continue,
            Ok(false) if until.is_none() => continue,
            Ok(false) => return None,
        }
    })?;
    match outcome {
        Some(Ok(ready)) => Ok(ready),
        Some(Err(e)) => Err(crate::builtins::oserror::os_error(ts, &e, None)),
        None => Ok(Vec::new()),
    }
}

/// One `poll` call: true if some descriptor is ready; EINTR counts as none.
fn poll_once(fds: &mut [libc::pollfd], timeout_ms: i32) -> std::io::Result<bool> {
    for entry in fds.iter_mut() {
        entry.revents = 0;
    }
    match os_thread::poll(fds, timeout_ms) {
        n if n > 0 => Ok(true),
        0 => Ok(false),
        _ => {
            let err = std::io::Error::last_os_error();
            if err.kind() == std::io::ErrorKind::Interrupted {
                Ok(false)
            } else {
                Err(err)
            }
        }
    }
}
