//! `OSError` and its subclasses from an `std::io::Error`, with `errno`,
//! `strerror` and `filename` as CPython sets them.

use crate::objects::{Gc, PyErr, PyType, Value};
use crate::vm::ThreadState;

/// The subclass of `OSError` CPython picks for an errno.
pub fn class_for_errno(ts: &ThreadState, errno: i32) -> Gc<PyType> {
    let t = ts.types();
    match errno {
        libc::ENOENT => t.file_not_found_error.clone(),
        libc::EACCES | libc::EPERM => t.permission_error.clone(),
        libc::EEXIST => t.file_exists_error.clone(),
        libc::EISDIR => t.is_a_directory_error.clone(),
        libc::ENOTDIR => t.not_a_directory_error.clone(),
        libc::ECONNREFUSED => t.connection_refused_error.clone(),
        libc::ECONNRESET => t.connection_reset_error.clone(),
        libc::ECONNABORTED => t.connection_aborted_error.clone(),
        libc::EPIPE => t.broken_pipe_error.clone(),
        libc::ETIMEDOUT => t.timeout_error.clone(),
        libc::EINTR => t.interrupted_error.clone(),
        libc::EAGAIN => t.blocking_io_error.clone(),
        libc::ECHILD => t.child_process_error.clone(),
        libc::ESRCH => t.process_lookup_error.clone(),
        _ => t.os_error.clone(),
    }
}

/// The C library's text for an errno, as `os.strerror` gives it.
pub fn strerror(errno: i32) -> String {
    let text = std::io::Error::from_raw_os_error(errno).to_string();
    match text.rfind(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// `OSError(errno, strerror[, filename])` of the right subclass.
pub fn os_error(ts: &mut ThreadState, err: &std::io::Error, filename: Option<&str>) -> PyErr {
    let Some(errno) = err.raw_os_error() else {
        return ts.os_error_msg(err.to_string());
    };
    let cls = class_for_errno(ts, errno);
    let mut args = vec![Value::Int(errno as i64), Value::str(&strerror(errno))];
    if let Some(f) = filename {
        args.push(Value::str(f));
    }
    let e = ts.new_exception(&cls, args.clone());
    set_os_attrs(ts, &e.value(), &args);
    e
}

/// Sets `errno`, `strerror`, `filename` on an OSError instance from its args.
pub fn set_os_attrs(ts: &mut ThreadState, exc: &Value, args: &[Value]) {
    let Value::Instance(inst) = exc else { return };
    let (errno, strerr, filename) = if (2..=5).contains(&args.len()) {
        (args[0].clone(), args[1].clone(), args.get(2).cloned().unwrap_or(Value::None))
    } else {
        (Value::None, Value::None, Value::None)
    };
    inst.dict().set_str(ts.intern("errno"), errno);
    inst.dict().set_str(ts.intern("strerror"), strerr);
    inst.dict().set_str(ts.intern("filename"), filename);
}
