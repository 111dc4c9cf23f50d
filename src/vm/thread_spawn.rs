//! Starting an OS thread that runs a Python callable (`_thread.start_new_thread`).
//!
//! The callable and its arguments are `Value`s (`!Send`): they cross to the
//! new thread inside a `GilBound`, which the new thread can open only after
//! attaching to the interpreter, i.e. under the same GIL. Threads get a small
//! native stack (`thread_stack_size`, 256 KiB by default) so that tens of
//! thousands can exist at once; the VM's native-stack guard reads the size
//! from the thread state.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use super::gil_cell::GilBound;
use super::interpreter::InterpreterState;
use super::ThreadState;
use crate::objects::{Args, Gc, PyErr, PyResult, PyStr, Value};

/// Native stack of threads started by scripts when `_thread.stack_size` was not set.
pub const DEFAULT_THREAD_STACK: usize = 256 << 10;
/// The smallest size `_thread.stack_size` accepts (as CPython).
pub const MIN_THREAD_STACK: usize = 32 << 10;

/// `_thread.stack_size()`: 0 means "the default".
static STACK_SIZE: AtomicUsize = AtomicUsize::new(0);

pub fn thread_stack_size() -> usize {
    STACK_SIZE.load(Ordering::Relaxed)
}

pub fn set_thread_stack_size(size: usize) {
    STACK_SIZE.store(size, Ordering::Relaxed);
}

/// What a new thread runs: the callable, then positional and keyword arguments.
struct ThreadCall {
    func: Value,
    values: Vec<Value>,
    kwnames: Vec<Gc<PyStr>>,
}

/// Starts a thread running `func(*positional, **keywords)`; returns its ident.
/// An exception escaping `func` (other than `SystemExit`) is printed as
/// CPython prints it and ends only that thread.
pub fn start_thread(ts: &mut ThreadState, func: Value, positional: Vec<Value>, keywords: Vec<(Gc<PyStr>, Value)>) -> PyResult<u64> {
    let (kwnames, kwvalues): (Vec<_>, Vec<_>) = keywords.into_iter().unzip();
    let mut values = positional;
    values.extend(kwvalues);
    let call = GilBound::new(ThreadCall { func, values, kwnames }, &ts.token);
    let interp = ts.interp.clone();
    let stack = match thread_stack_size() {
        0 => DEFAULT_THREAD_STACK,
        n => n,
    };
    interp.started_threads.fetch_add(1, Ordering::Relaxed);
    let spawned = std::thread::Builder::new().stack_size(stack).spawn(move || run_thread(interp, stack, call));
    match spawned {
        Ok(handle) => {
            use std::os::unix::thread::JoinHandleExt;
            Ok(handle.as_pthread_t() as u64)
        }
        Err(_) => {
            ts.interp.started_threads.fetch_sub(1, Ordering::Relaxed);
            Err(ts.runtime_error("can't start new thread"))
        }
    }
}

fn run_thread(interp: Arc<InterpreterState>, stack: usize, call: GilBound<ThreadCall>) {
    let mut ts = ThreadState::attach_with_stack(interp.clone(), stack, None);
    let ThreadCall { func, values, kwnames } = call.into_inner(&ts.token);
    let result = ts.call(&func, Args { values: &values, kwnames: &kwnames });
    drop(values);
    if let Err(err) = result {
        report_uncaught(&mut ts, &func, err);
    }
    drop(func);
    interp.started_threads.fetch_sub(1, Ordering::Relaxed);
    drop(ts);
}

/// "Exception ignored in thread started by: <repr>" and the traceback, on
/// stderr — silently for `SystemExit` (`_thread.exit()`).
fn report_uncaught(ts: &mut ThreadState, func: &Value, err: PyErr) {
    let system_exit = ts.types().system_exit.clone();
    if ts.err_matches(&err, &system_exit) {
        return;
    }
    let func_repr = match ts.repr(func) {
        Ok(s) => s.as_str().to_string(),
        Err(_) => "<object repr() failed>".to_string(),
    };
    let exc_line = match ts.to_str(&err.value()) {
        Ok(msg) if !msg.as_str().is_empty() => format!("{}: {}", err.class_name(), msg.as_str()),
        _ => err.class_name(),
    };
    eprintln!("Exception ignored in thread started by: {func_repr}\n{exc_line}");
}
