//! Builtins over iterables: `enumerate zip map filter reversed sorted min max
//! sum any all iter next`.

use super::args::{bind, positional};
use super::core::add_builtin;
use super::sort::{less_than, sort_values};
use crate::bytecode::BinOp;
use crate::objects::iter::{IterKind, PyIterator};
use crate::objects::{Args, Gc, PyResult, Value};
use crate::vm::generator::{drain, Sink};
use crate::vm::ThreadState;

pub fn install(ts: &mut ThreadState) {
    let t = ts.types();
    let classes: [(crate::objects::Gc<crate::objects::PyType>, crate::objects::NativeFnPtr); 5] = [
        (t.enumerate_.clone(), enumerate_new),
        (t.zip_.clone(), zip_new),
        (t.map_.clone(), map_new),
        (t.filter_.clone(), filter_new),
        (t.reversed_.clone(), reversed_new),
    ];
    for (class, new) in classes {
        crate::objects::module::add_method(ts, &class.dict, "type", "__new__", new);
    }
    add_builtin(ts, "sorted", sorted);
    add_builtin(ts, "min", min);
    add_builtin(ts, "max", max);
    add_builtin(ts, "sum", sum);
    add_builtin(ts, "any", any);
    add_builtin(ts, "all", all);
    add_builtin(ts, "iter", iter);
    add_builtin(ts, "next", next);
}

/// The arguments of a `__new__` call without the class.
fn without_class(args: Args<'_>) -> Args<'_> {
    Args { values: args.values.get(1..).unwrap_or(&[]), kwnames: args.kwnames }
}

fn enumerate_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    enumerate(ts, without_class(args))
}

fn zip_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    zip(ts, without_class(args))
}

fn map_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    map(ts, without_class(args))
}

fn filter_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    filter(ts, without_class(args))
}

fn reversed_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    reversed(ts, without_class(args))
}

fn new_iter(kind: IterKind) -> Value {
    Value::Iterator(Gc::new(PyIterator::new(kind)))
}

fn enumerate(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = bind(ts, "enumerate", args, &["iterable", "start"], 1)?;
    let inner = ts.get_iter(a[0].as_ref().unwrap_or(&Value::None))?;
    let count = a[1].clone().unwrap_or(Value::Int(0));
    if ts.index_value(&count)?.is_none() {
        let t = ts.type_of(&count).name.clone();
        return Err(ts.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    Ok(new_iter(IterKind::Enumerate { inner, count }))
}

fn zip(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let mut strict = false;
    for (k, v) in args.keywords() {
        if k.as_str() != "strict" {
            return Err(ts.type_error(format!("zip() got an unexpected keyword argument '{}'", k.as_str())));
        }
        strict = ts.truthy(v)?;
    }
    let mut inners = Vec::new();
    for v in args.positional() {
        inners.push(ts.get_iter(v)?);
    }
    Ok(new_iter(IterKind::Zip { inners, strict }))
}

fn map(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "map", args, 2, usize::MAX)?;
    let func = a[0].clone();
    let mut inners = Vec::new();
    for v in &a[1..] {
        inners.push(ts.get_iter(v)?);
    }
    Ok(new_iter(IterKind::Map { func, inners }))
}

fn filter(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "filter", args, 2, 2)?;
    let inner = ts.get_iter(&a[1])?;
    Ok(new_iter(IterKind::Filter { func: a[0].clone(), inner }))
}

fn reversed(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "reversed", args, 1, 1)?;
    let seq = a[0].clone();
    let remaining = match &seq {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Range(_) => ts.len(&seq)?,
        Value::Dict(d) => {
            let keys: Vec<Value> = d.items().into_iter().rev().map(|(k, _)| k).collect();
            return ts.get_iter(&Value::list(keys));
        }
        Value::Instance(_) | Value::Native(_) => {
            if let Some(r) = ts.call_special(&seq, "__reversed__", &[])? {
                return Ok(r);
            }
            if ts.lookup_special(&seq, "__getitem__").is_none() {
                return Err(not_reversible(ts, &seq));
            }
            let n = ts.len(&seq)?;
            let items: Vec<Value> = (0..n).rev().map(|i| Value::Int(i as i64)).collect();
            let mut out = Vec::with_capacity(n);
            for i in items {
                out.push(ts.get_item(&seq, &i)?);
            }
            return ts.get_iter(&Value::list(out));
        }
        _ => return Err(not_reversible(ts, &seq)),
    };
    Ok(new_iter(IterKind::Reversed { seq, remaining }))
}

fn not_reversible(ts: &mut ThreadState, v: &Value) -> crate::objects::PyErr {
    let t = ts.type_of(v).name.clone();
    ts.type_error(format!("'{t}' object is not reversible"))
}

fn sorted(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    if pos.len() != 1 {
        let msg = format!("sorted expected 1 argument, got {}", pos.len());
        return Err(ts.type_error(msg));
    }
    let (mut key, mut reverse) = (Value::None, false);
    for (k, v) in args.keywords() {
        match k.as_str() {
            "key" => key = v.clone(),
            "reverse" => reverse = ts.truthy(v)?,
            other => return Err(ts.type_error(format!("'{other}' is an invalid keyword argument for sort()"))),
        }
    }
    let items = ts.collect_items(&pos[0])?;
    Ok(Value::list(sort_values(ts, items, &key, reverse)?))
}

fn min(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    min_max(ts, args, "min", false)
}

fn max(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    min_max(ts, args, "max", true)
}

fn min_max(ts: &mut ThreadState, args: Args<'_>, name: &str, want_max: bool) -> PyResult<Value> {
    let pos = args.positional();
    let (mut key, mut default) = (Value::None, None);
    for (k, v) in args.keywords() {
        match k.as_str() {
            "key" => key = v.clone(),
            "default" => default = Some(v.clone()),
            other => return Err(ts.type_error(format!("'{other}' is an invalid keyword argument for {name}()"))),
        }
    }
    let items = match pos.len() {
        0 => return Err(ts.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => ts.collect_items(&pos[0])?,
        _ => {
            if default.is_some() {
                let msg = format!("Cannot specify a default for {name}() with multiple positional arguments");
                return Err(ts.type_error(msg));
            }
            pos.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = if key.is_none() { item.clone() } else { ts.call_positional(&key, std::slice::from_ref(&item))? };
        let better = match &best {
            None => true,
            Some((bk, _)) => {
                if want_max {
                    let r = ts.compare(crate::bytecode::CmpOp::Gt, &k, bk)?;
                    ts.truthy(&r)?
                } else {
                    less_than(ts, &k, bk)?
                }
            }
        };
        if better {
            best = Some((k, item));
        }
    }
    match (best, default) {
        (Some((_, v)), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(ts.value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn sum(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = bind(ts, "sum", args, &["iterable", "start"], 1)?;
    let total = a[1].clone().unwrap_or(Value::Int(0));
    match &total {
        Value::Str(_) => return Err(ts.type_error("sum() can't sum strings [use ''.join(seq) instead]")),
        Value::Bytes(_) => return Err(ts.type_error("sum() can't sum bytes [use b''.join(seq) instead]")),
        _ => {}
    }
    let it = ts.get_iter(a[0].as_ref().unwrap_or(&Value::None))?;
    // Ints that do not overflow and floats are added by the sink, for a
    // generator as it yields them; anything else goes through `binary_op`.
    let mut sink = Sink::Sum(total);
    loop {
        let item = match &it {
            Value::Generator(g) => drain(ts, g, &mut sink)?,
            _ => ts.next(&it)?,
        };
        let Some(x) = item else { return Ok(sink.total()) };
        if let Err(x) = sink.take(x) {
            let total = sink.total();
            sink = Sink::Sum(ts.binary_op(BinOp::Add, &total, &x)?);
        }
    }
}

fn any(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "any", args, 1, 1)?;
    let it = ts.get_iter(&a[0])?;
    while let Some(x) = next_deciding(ts, &it, true)? {
        if ts.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "all", args, 1, 1)?;
    let it = ts.get_iter(&a[0])?;
    while let Some(x) = next_deciding(ts, &it, false)? {
        if !ts.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// The next item that may decide `any` (`decides` true) or `all` (false):
/// a generator's bools, ints and `None` that cannot are skipped as it yields
/// them (`drain`); any other item is returned.
fn next_deciding(ts: &mut ThreadState, it: &Value, decides: bool) -> PyResult<Option<Value>> {
    let Value::Generator(g) = it else { return ts.next(it) };
    drain(ts, g, &mut Sink::Decide(decides))
}

fn iter(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "iter", args, 1, 2)?;
    if let Some(sentinel) = a.get(1) {
        return Ok(new_iter(IterKind::CallUntil { func: a[0].clone(), sentinel: sentinel.clone() }));
    }
    ts.get_iter(&a[0])
}

fn next(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "next", args, 1, 2)?;
    let it = &a[0];
    if !ts.is_iterator(it) {
        let t = ts.type_of(it).name.clone();
        return Err(ts.type_error(format!("'{t}' object is not an iterator")));
    }
    if let (Value::Instance(_) | Value::Native(_) | Value::Generator(_), None) = (it, a.get(1)) {
        return match ts.call_special(it, "__next__", &[])? {
            Some(v) => Ok(v),
            None => Err(ts.stop_iteration(Value::None)),
        };
    }
    match ts.next(it)? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(ts.stop_iteration(Value::None)),
        },
    }
}
