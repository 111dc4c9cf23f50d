//! Values that cross between interpreters: plain data copied out of one
//! interpreter's objects and rebuilt as fresh objects in another.
//!
//! No object is ever shared between interpreters (each has its own GIL and
//! its own reference counts), so what crosses is a `Shareable`: `Send`, free of
//! `Rc`, owned by nobody's GIL. Shareable are None, bool, int (big ones too),
//! float, str, bytes, tuples, lists and dicts of those, and cross-interpreter
//! queues (by id: a `Queue` rebuilt on the other side refers to the same
//! queue). Anything else raises `NotShareableError`.

use num_bigint::BigInt;

use super::ThreadState;
use crate::objects::{Gc, PyBytes, PyDict, PyErr, PyResult, Value};

/// A copy of a shareable value, owned by no interpreter.
#[derive(Clone, Debug, PartialEq)]
pub enum Shareable {
    None,
    Bool(bool),
    Int(i64),
    BigInt(BigInt),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Shareable>),
    List(Vec<Shareable>),
    Dict(Vec<(Shareable, Shareable)>),
    /// A `concurrent.interpreters.Queue`, by its process-wide id.
    Queue(u64),
}

/// Where bundled `Queue` objects are defined (see `queue_id`).
const QUEUES_MODULE: &str = "concurrent.interpreters._queues";

/// Copies `v` out of the current interpreter, or raises `NotShareableError`.
pub fn to_shareable(ts: &mut ThreadState, v: &Value) -> PyResult<Shareable> {
    let _depth = ts.enter_native("while sharing an object")?;
    Ok(match v {
        Value::None => Shareable::None,
        Value::Bool(b) => Shareable::Bool(*b),
        Value::Int(i) => Shareable::Int(*i),
        Value::BigInt(b) => Shareable::BigInt((**b).clone()),
        Value::Float(f) => Shareable::Float(*f),
        Value::Str(s) => Shareable::Str(s.as_str().to_string()),
        Value::Bytes(b) => Shareable::Bytes(b.value.to_vec()),
        Value::Tuple(t) => Shareable::Tuple(all_shareable(ts, &t.items)?),
        Value::List(l) => {
            let items = l.items.borrow().clone();
            Shareable::List(all_shareable(ts, &items)?)
        }
        Value::Dict(d) => {
            let mut pairs = Vec::new();
            for (k, v) in d.items() {
                pairs.push((to_shareable(ts, &k)?, to_shareable(ts, &v)?));
            }
            Shareable::Dict(pairs)
        }
        other => match queue_id(ts, other) {
            Some(id) => Shareable::Queue(id),
            None => return Err(not_shareable(ts, other)),
        },
    })
}

fn all_shareable(ts: &mut ThreadState, items: &[Value]) -> PyResult<Vec<Shareable>> {
    items.iter().map(|item| to_shareable(ts, item)).collect()
}

/// The id of a bundled `concurrent.interpreters.Queue` instance.
fn queue_id(ts: &mut ThreadState, v: &Value) -> Option<u64> {
    let Value::Instance(inst) = v else { return None };
    let class = inst.class();
    let module_key = ts.intern("__module__");
    let from_queues = matches!(class.dict.get_str(&module_key), Some(Value::Str(m)) if m.as_str() == QUEUES_MODULE);
    if class.name != "Queue" || !from_queues {
        return None;
    }
    match inst.dict().get_str(&ts.intern("_id")) {
        Some(Value::Int(id)) if id >= 0 => Some(id as u64),
        _ => None,
    }
}

/// `NotShareableError` (from `_interpreters`), or `TypeError` if that module
/// cannot be loaded.
fn not_shareable(ts: &mut ThreadState, v: &Value) -> PyErr {
    let name = ts.type_of(v).name.clone();
    let message = format!("{name} objects are not shareable between interpreters");
    match crate::modules::interpreters::error_class(ts, "NotShareableError") {
        Some(cls) => ts.new_error(&cls, message),
        None => ts.type_error(message),
    }
}

/// Rebuilds `s` as new objects of the current interpreter.
pub fn from_shareable(ts: &mut ThreadState, s: &Shareable) -> PyResult<Value> {
    // The receiving thread may have a smaller native stack than the sender.
    let _depth = ts.enter_native("while rebuilding a shared object")?;
    Ok(match s {
        Shareable::None => Value::None,
        Shareable::Bool(b) => Value::Bool(*b),
        Shareable::Int(i) => Value::Int(*i),
        Shareable::BigInt(b) => Value::from_bigint(b.clone()),
        Shareable::Float(f) => Value::Float(*f),
        Shareable::Str(s) => Value::str(s),
        Shareable::Bytes(b) => Value::Bytes(Gc::new(PyBytes::new(b.clone()))),
        Shareable::Tuple(items) => Value::tuple(all_from_shareable(ts, items)?),
        Shareable::List(items) => Value::list(all_from_shareable(ts, items)?),
        Shareable::Dict(pairs) => {
            let dict = Gc::new(PyDict::new());
            for (k, v) in pairs {
                let (k, v) = (from_shareable(ts, k)?, from_shareable(ts, v)?);
                ts.dict_set(&dict, k, v)?;
            }
            Value::Dict(dict)
        }
        Shareable::Queue(id) => {
            let module = super::import::import_module(ts, QUEUES_MODULE)?;
            let key = ts.intern("Queue");
            let class = ts.get_attr(&module, &key)?;
            ts.call_positional(&class, &[Value::Int(*id as i64)])?
        }
    })
}

fn all_from_shareable(ts: &mut ThreadState, items: &[Shareable]) -> PyResult<Vec<Value>> {
    items.iter().map(|item| from_shareable(ts, item)).collect()
}
