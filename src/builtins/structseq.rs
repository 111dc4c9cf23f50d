//! Named tuples implemented in Rust (CPython's "struct sequences"):
//! `time.struct_time`, `os.stat_result`. Fields by name and by index.

use super::args::method;
use crate::objects::module::add_method;
use crate::objects::{Args, Gc, NativeFnPtr, NativeObject, PyResult, PyType, Value};
use crate::vm::ThreadState;

pub struct StructSeq {
    /// Shown in the repr, e.g. `time.struct_time`.
    pub qualified_name: &'static str,
    pub names: &'static [&'static str],
    /// The first `visible` fields are the tuple part; the rest are by name only.
    pub visible: usize,
    pub values: Vec<Value>,
}

/// The fields are also put in the object's dict, where attribute lookup finds them.
pub fn new_struct_seq(ts: &mut ThreadState, class: Gc<PyType>, seq: StructSeq) -> Value {
    let dict = crate::objects::PyDict::new();
    for (name, v) in seq.names.iter().zip(&seq.values) {
        dict.set_str(ts.intern(name), v.clone());
    }
    Value::Native(Gc::new(NativeObject { class, data: Box::new(seq), dict: Some(Gc::new(dict)) }))
}

pub fn install(ts: &mut ThreadState) {
    let classes = [ts.types().struct_time.clone(), ts.types().stat_result.clone()];
    let methods: &[(&'static str, NativeFnPtr)] = &[
        ("__getitem__", getitem),
        ("__len__", len),
        ("__iter__", iter),
        ("__repr__", repr),
        ("__eq__", eq),
    ];
    for class in classes {
        for &(name, f) in methods {
            add_method(ts, &class.dict, "struct_time", name, f);
        }
    }
}

fn seq<'a>(ts: &mut ThreadState, v: &'a Value) -> PyResult<&'a StructSeq> {
    match v {
        Value::Native(n) => match n.downcast::<StructSeq>() {
            Some(s) => Ok(s),
            None => Err(ts.type_error("descriptor requires a struct sequence")),
        },
        _ => Err(ts.type_error("descriptor requires a struct sequence")),
    }
}

fn visible_tuple(s: &StructSeq) -> Value {
    Value::tuple(s.values[..s.visible.min(s.values.len())].to_vec())
}

fn getitem(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "__getitem__", args, 1, 1)?;
    let t = visible_tuple(seq(ts, r)?);
    ts.get_item(&t, &rest[0])
}

fn len(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "__len__", args, 0, 0)?;
    Ok(Value::Int(seq(ts, r)?.visible as i64))
}

fn iter(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "__iter__", args, 0, 0)?;
    let t = visible_tuple(seq(ts, r)?);
    ts.get_iter(&t)
}

fn eq(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "__eq__", args, 1, 1)?;
    let mine = visible_tuple(seq(ts, r)?);
    let other = match &rest[0] {
        v @ Value::Native(_) => match seq(ts, v) {
            Ok(s) => visible_tuple(s),
            Err(_) => return Ok(Value::NotImplemented),
        },
        v @ Value::Tuple(_) => v.clone(),
        _ => return Ok(Value::NotImplemented),
    };
    Ok(Value::Bool(ts.eq(&mine, &other)?))
}

fn repr(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "__repr__", args, 0, 0)?;
    let s = seq(ts, r)?;
    let (qname, pairs): (&str, Vec<(&str, Value)>) =
        (s.qualified_name, s.names.iter().take(s.visible).copied().zip(s.values.iter().cloned()).collect());
    let mut parts = Vec::with_capacity(pairs.len());
    for (name, v) in pairs {
        parts.push(format!("{name}={}", ts.repr_string(&v)?));
    }
    Ok(Value::str(&format!("{qname}({})", parts.join(", "))))
}
