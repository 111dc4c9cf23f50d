//! The `gil` module (gilvm only, no CPython equivalent): the GIL figures of
//! the running interpreter, so a benchmark script can measure its own
//! sections. `stats()` returns what `--gil-stats-json` writes, as a dict;
//! `reset()` zeroes the counters and restarts the wall clock.

use crate::builtins::args::positional;
use crate::objects::{Args, Gc, PyDict, PyModule, PyResult, PyStr, Value};
use crate::vm::gil_stats::GilReport;
use crate::vm::ThreadState;

pub fn init(ts: &mut ThreadState) -> PyResult<Gc<PyModule>> {
    let m = PyModule::new(ts, "gil");
    m.add_fn(ts, "stats", stats);
    m.add_fn(ts, "reset", reset);
    Ok(m)
}

/// `gil.stats()`: `{"wall_time", "switch_interval", "switches", "threads":
/// [per-thread dicts], "total"}`, times in seconds.
fn stats(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    positional(ts, "stats", args, 0, 0)?;
    let report = GilReport::of(&ts.interp);
    Ok(from_json(&report.to_json()))
}

/// `gil.reset()`: zeroes every live thread's figures and forgets ended threads.
fn reset(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    positional(ts, "reset", args, 0, 0)?;
    ts.interp.reset_thread_stats();
    Ok(Value::None)
}

/// The script value of a JSON value (objects become dicts with str keys).
fn from_json(json: &serde_json::Value) -> Value {
    match json {
        serde_json::Value::Null => Value::None,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => Value::Int(i),
            (None, Some(u)) => Value::from_bigint(u.into()),
            (None, None) => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        serde_json::Value::String(s) => Value::str(s),
        serde_json::Value::Array(items) => Value::list(items.iter().map(from_json).collect()),
        serde_json::Value::Object(fields) => {
            let dict = PyDict::new();
            for (key, value) in fields {
                dict.set_str(Gc::new(PyStr::new(key)), from_json(value));
            }
            Value::Dict(Gc::new(dict))
        }
    }
}
