//! The methods of `dict`, `set` and `frozenset`.

use super::args::method;
use crate::bytecode::BinOp;
use crate::objects::dictview::new_view;
use crate::objects::iter::TableIterKind;
use crate::objects::module::add_method;
use crate::objects::{Args, Gc, NativeFnPtr, PyDict, PyResult, PySet, Value};
use crate::vm::ThreadState;

pub fn install(ts: &mut ThreadState) {
    let d = ts.types().dict.dict.clone();
    let methods: &[(&'static str, NativeFnPtr)] = &[
        ("get", get),
        ("setdefault", setdefault),
        ("pop", pop),
        ("popitem", popitem),
        ("update", update),
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("copy", copy),
        ("clear", clear),
    ];
    for &(name, f) in methods {
        add_method(ts, &d, "dict", name, f);
    }
    let f = Value::NativeFunction(Gc::new(crate::objects::NativeFunction::new("dict", "fromkeys", fromkeys)));
    d.set_str(ts.intern("fromkeys"), Value::ClassMethod(Gc::new(f)));
    let set_methods: &[(&'static str, NativeFnPtr)] = &[
        ("add", add),
        ("discard", discard),
        ("remove", set_remove),
        ("pop", set_pop),
        ("clear", set_clear),
        ("update", set_update),
        ("intersection_update", intersection_update),
        ("difference_update", difference_update),
        ("symmetric_difference_update", symmetric_difference_update),
    ];
    let shared: &[(&'static str, NativeFnPtr)] = &[
        ("copy", set_copy),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
    ];
    let s = ts.types().set.dict.clone();
    let f = ts.types().frozenset.dict.clone();
    for &(name, func) in set_methods.iter().chain(shared) {
        add_method(ts, &s, "set", name, func);
    }
    for &(name, func) in shared {
        add_method(ts, &f, "frozenset", name, func);
    }
}

#[inline]
fn recv<'a>(ts: &mut ThreadState, v: &'a Value, name: &str) -> PyResult<&'a Gc<PyDict>> {
    match v {
        Value::Dict(d) => Ok(d),
        other => Err(super::args::wrong_receiver(ts, other, name, "dict")),
    }
}

fn get(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "get", args, 1, 2)?;
    let d = recv(ts, r, "get")?;
    Ok(ts.dict_get(d, &rest[0])?.unwrap_or_else(|| rest.get(1).cloned().unwrap_or(Value::None)))
}

fn setdefault(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "setdefault", args, 1, 2)?;
    let d = recv(ts, r, "setdefault")?.clone();
    if let Some(v) = ts.dict_get(&d, &rest[0])? {
        return Ok(v);
    }
    let v = rest.get(1).cloned().unwrap_or(Value::None);
    ts.dict_set(&d, rest[0].clone(), v.clone())?;
    Ok(v)
}

fn pop(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "pop", args, 1, 2)?;
    let d = recv(ts, r, "pop")?.clone();
    match (ts.dict_remove(&d, &rest[0])?, rest.get(1)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(ts.key_error(rest[0].clone())),
    }
}

fn popitem(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "popitem", args, 0, 0)?;
    let d = recv(ts, r, "popitem")?.clone();
    let last = d.items().pop();
    match last {
        Some((k, v)) => {
            ts.dict_remove(&d, &k)?;
            Ok(Value::tuple(vec![k, v]))
        }
        None => {
            let cls = ts.types().key_error.clone();
            Err(ts.new_error(&cls, "popitem(): dictionary is empty"))
        }
    }
}

fn update(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    let Some(r) = pos.first() else { return Err(ts.type_error("descriptor 'update' of 'dict' object needs an argument")) };
    let d = recv(ts, r, "update")?.clone();
    if pos.len() > 2 {
        return Err(ts.type_error(format!("update expected at most 1 argument, got {}", pos.len() - 1)));
    }
    if let Some(src) = pos.get(1) {
        ts.dict_update_from(&d, src)?;
    }
    for (k, v) in args.keywords() {
        d.set_str(k.clone(), v.clone());
    }
    Ok(Value::None)
}

fn view(ts: &mut ThreadState, args: Args<'_>, name: &str, kind: TableIterKind) -> PyResult<Value> {
    let (r, _) = method(ts, name, args, 0, 0)?;
    let d = recv(ts, r, name)?.clone();
    Ok(new_view(ts, d, kind))
}

fn keys(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    view(ts, args, "keys", TableIterKind::Keys)
}

fn values(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    view(ts, args, "values", TableIterKind::Values)
}

fn items(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    view(ts, args, "items", TableIterKind::Items)
}

fn copy(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "copy", args, 0, 0)?;
    let d = recv(ts, r, "copy")?.clone();
    let out = PyDict::new();
    ts.dict_update_from(&out, &Value::Dict(d))?;
    Ok(Value::Dict(Gc::new(out)))
}

fn clear(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "clear", args, 0, 0)?;
    let d = recv(ts, r, "clear")?.clone();
    let old = std::mem::take(&mut *d.table.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn fromkeys(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    let (iterable, value) = match pos {
        [_, it] => (it.clone(), Value::None),
        [_, it, v] => (it.clone(), v.clone()),
        _ => return Err(ts.type_error(format!("fromkeys expected at least 1 argument, got {}", pos.len().saturating_sub(1)))),
    };
    let out = PyDict::new();
    for k in ts.collect_items(&iterable)? {
        ts.dict_set(&out, k, value.clone())?;
    }
    Ok(Value::Dict(Gc::new(out)))
}

fn set_recv<'a>(ts: &mut ThreadState, v: &'a Value, name: &str) -> PyResult<&'a Gc<PySet>> {
    match v {
        Value::Set(s) => Ok(s),
        other => {
            let t = ts.type_of(other).name.clone();
            Err(ts.type_error(format!("descriptor '{name}' for 'set' objects doesn't apply to a '{t}' object")))
        }
    }
}

fn add(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "add", args, 1, 1)?;
    let s = set_recv(ts, r, "add")?.clone();
    ts.set_add(&s, rest[0].clone())?;
    Ok(Value::None)
}

fn discard(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "discard", args, 1, 1)?;
    let s = set_recv(ts, r, "discard")?.clone();
    ts.set_discard(&s, &rest[0])?;
    Ok(Value::None)
}

fn set_remove(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "remove", args, 1, 1)?;
    let s = set_recv(ts, r, "remove")?.clone();
    if !ts.set_discard(&s, &rest[0])? {
        return Err(ts.key_error(rest[0].clone()));
    }
    Ok(Value::None)
}

fn set_pop(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "pop", args, 0, 0)?;
    let s = set_recv(ts, r, "pop")?.clone();
    let popped = s.table.borrow_mut().pop();
    match popped {
        Some(v) => Ok(v),
        None => {
            let cls = ts.types().key_error.clone();
            Err(ts.new_error(&cls, "pop from an empty set"))
        }
    }
}

fn set_clear(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "clear", args, 0, 0)?;
    let s = set_recv(ts, r, "clear")?.clone();
    let old = std::mem::take(&mut *s.table.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn set_copy(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "copy", args, 0, 0)?;
    let s = set_recv(ts, r, "copy")?.clone();
    if s.frozen {
        return Ok(r.clone());
    }
    Ok(Value::Set(Gc::new(ts.new_set(r, false)?)))
}

/// `other` as a set (iterables are collected first).
fn as_set(ts: &mut ThreadState, v: &Value) -> PyResult<Gc<PySet>> {
    match v {
        Value::Set(s) => Ok(s.clone()),
        _ => Ok(Gc::new(ts.new_set(v, true)?)),
    }
}

/// `s.op(*others)` returning a new set of `s`'s kind.
fn combine(ts: &mut ThreadState, args: Args<'_>, name: &str, op: BinOp) -> PyResult<Value> {
    let (r, rest) = method(ts, name, args, 0, usize::MAX)?;
    let s = set_recv(ts, r, name)?.clone();
    let mut acc = Gc::new(PySet::with_table(s.table.borrow().clone(), s.frozen));
    for other in rest {
        let o = as_set(ts, other)?;
        acc = Gc::new(ts.set_operation(op, &acc, &o, s.frozen)?);
    }
    Ok(Value::Set(acc))
}

fn union(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    combine(ts, args, "union", BinOp::Or)
}

fn intersection(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    combine(ts, args, "intersection", BinOp::And)
}

fn difference(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    combine(ts, args, "difference", BinOp::Sub)
}

fn symmetric_difference(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    combine(ts, args, "symmetric_difference", BinOp::Xor)
}

fn update_with(ts: &mut ThreadState, args: Args<'_>, name: &str, op: BinOp) -> PyResult<Value> {
    let (r, rest) = method(ts, name, args, 0, usize::MAX)?;
    let s = set_recv(ts, r, name)?.clone();
    for other in rest {
        let o = Value::Set(as_set(ts, other)?);
        ts.inplace_op(op, r, &o)?;
    }
    let _ = s;
    Ok(Value::None)
}

fn set_update(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    update_with(ts, args, "update", BinOp::Or)
}

fn intersection_update(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    update_with(ts, args, "intersection_update", BinOp::And)
}

fn difference_update(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    update_with(ts, args, "difference_update", BinOp::Sub)
}

fn symmetric_difference_update(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    update_with(ts, args, "symmetric_difference_update", BinOp::Xor)
}

fn issubset(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "issubset", args, 1, 1)?;
    let s = set_recv(ts, r, "issubset")?.clone();
    let o = as_set(ts, &rest[0])?;
    Ok(Value::Bool(ts.set_is_subset(&s, &o)?))
}

fn issuperset(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "issuperset", args, 1, 1)?;
    let s = set_recv(ts, r, "issuperset")?.clone();
    let o = as_set(ts, &rest[0])?;
    Ok(Value::Bool(ts.set_is_subset(&o, &s)?))
}

fn isdisjoint(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "isdisjoint", args, 1, 1)?;
    let s = set_recv(ts, r, "isdisjoint")?.clone();
    for item in ts.collect_items(&rest[0])? {
        if ts.set_contains(&s, &item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
