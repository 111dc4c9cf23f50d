//! The `tempfile` module (the directory functions).

use crate::objects::{Args, Gc, PyModule, PyResult, Value};
use crate::vm::ThreadState;

pub fn init(ts: &mut ThreadState) -> PyResult<Gc<PyModule>> {
    let m = PyModule::new(ts, "tempfile");
    m.add_fn(ts, "gettempdir", gettempdir);
    m.set(ts, "tempdir", Value::None);
    Ok(m)
}

/// `$TMPDIR`, `$TEMP` or `$TMP` when set, else `/tmp`, as CPython on POSIX.
fn gettempdir(_ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    for var in ["TMPDIR", "TEMP", "TMP"] {
        if let Ok(dir) = std::env::var(var) {
            if std::path::Path::new(&dir).is_dir() {
                return Ok(Value::str(dir.trim_end_matches('/')));
            }
        }
    }
    Ok(Value::str("/tmp"))
}
