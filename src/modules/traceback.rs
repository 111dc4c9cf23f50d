//! `_traceback`: the interpreter's own report of an exception (the text an
//! uncaught one prints), on which the bundled `traceback` module is built.

use crate::objects::{Args, Gc, PyModule, PyResult, Value};
use crate::vm::ThreadState;

pub fn init(ts: &mut ThreadState) -> PyResult<Gc<PyModule>> {
    let m = PyModule::new(ts, "_traceback");
    m.add_fn(ts, "format_report", format_report);
    Ok(m)
}

/// `format_report(exc)`: the chain, tracebacks with their marks, and the
/// `Type: message` line, exactly as `sys.excepthook` prints them.
fn format_report(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    match args.positional() {
        [exc] => Ok(Value::str(&crate::vm::traceback::format_exception(ts, exc))),
        _ => Err(ts.type_error("format_report() takes exactly one argument")),
    }
}
