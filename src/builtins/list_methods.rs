//! The methods of `list` and `tuple`.

use super::args::{int_arg, method};
use super::sort::sort_values;
use crate::objects::module::add_method;
use crate::objects::{Args, Gc, NativeFnPtr, NativeImpl, PyList, PyResult, Value};
use crate::vm::ThreadState;

pub fn install(ts: &mut ThreadState) {
    let d = ts.types().list.dict.clone();
    super::methods::add_fixed(ts, &d, "list", "append", NativeImpl::Method1(append));
    let methods: &[(&'static str, NativeFnPtr)] = &[
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("index", index),
        ("count", count),
        ("reverse", reverse),
        ("sort", sort),
        ("copy", copy),
        ("clear", clear),
    ];
    for &(name, f) in methods {
        add_method(ts, &d, "list", name, f);
    }
    let d = ts.types().tuple.dict.clone();
    add_method(ts, &d, "tuple", "index", index);
    add_method(ts, &d, "tuple", "count", count);
}

#[inline]
fn recv<'a>(ts: &mut ThreadState, v: &'a Value, name: &str) -> PyResult<&'a Gc<PyList>> {
    match v {
        Value::List(l) => Ok(l),
        other => Err(super::args::wrong_receiver(ts, other, name, "list")),
    }
}

fn append(ts: &mut ThreadState, receiver: Value, item: Value) -> PyResult<Value> {
    match receiver {
        Value::List(l) => {
            l.items.borrow_mut().push(item);
            Ok(Value::None)
        }
        other => Err(super::args::wrong_receiver(ts, &other, "append", "list")),
    }
}

fn extend(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "extend", args, 1, 1)?;
    let l = recv(ts, r, "extend")?.clone();
    let items = ts.collect_items(&rest[0])?;
    l.items.borrow_mut().extend(items);
    Ok(Value::None)
}

fn insert(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "insert", args, 2, 2)?;
    let l = recv(ts, r, "insert")?.clone();
    let i = int_arg(ts, &rest[0])?;
    let mut items = l.items.borrow_mut();
    let len = items.len() as i64;
    let pos = if i < 0 { (i + len).max(0) } else { i.min(len) };
    items.insert(pos as usize, rest[1].clone());
    Ok(Value::None)
}

fn pop(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "pop", args, 0, 1)?;
    let l = recv(ts, r, "pop")?.clone();
    let i = match rest.first() {
        Some(v) => int_arg(ts, v)?,
        None => -1,
    };
    let len = l.len() as i64;
    if len == 0 {
        return Err(ts.index_error("pop from empty list"));
    }
    let pos = if i < 0 { i + len } else { i };
    if pos < 0 || pos >= len {
        return Err(ts.index_error("pop index out of range"));
    }
    let v = l.items.borrow_mut().remove(pos as usize);
    Ok(v)
}

/// The first position of `x` in the sequence at or after `start`, comparing with `==`.
fn position(ts: &mut ThreadState, seq: &Value, x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let item = match seq {
            Value::List(l) => l.items.borrow().get(i).cloned(),
            Value::Tuple(t) => t.items.get(i).cloned(),
            _ => None,
        };
        let Some(item) = item else { return Ok(None) };
        if ts.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn remove(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "remove", args, 1, 1)?;
    let l = recv(ts, r, "remove")?.clone();
    match position(ts, r, &rest[0], 0, usize::MAX)? {
        Some(i) => {
            let removed = {
                let mut items = l.items.borrow_mut();
                (i < items.len()).then(|| items.remove(i))
            };
            drop(removed);
            Ok(Value::None)
        }
        None => Err(ts.value_error("list.remove(x): x not in list")),
    }
}

fn index(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "index", args, 1, 3)?;
    let len = ts.len(r)? as i64;
    let bound = |ts: &mut ThreadState, v: Option<&Value>, d: i64| -> PyResult<usize> {
        let i = match v {
            Some(v) => int_arg(ts, v)?,
            None => d,
        };
        Ok((if i < 0 { (i + len).max(0) } else { i.min(len) }) as usize)
    };
    let start = bound(ts, rest.get(1), 0)?;
    let stop = bound(ts, rest.get(2), len)?;
    match position(ts, r, &rest[0], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let msg = match r {
                Value::Tuple(_) => "tuple.index(x): x not in tuple".to_string(),
                _ => {
                    let shown = ts.repr_string(&rest[0])?;
                    format!("{shown} is not in list")
                }
            };
            Err(ts.value_error(msg))
        }
    }
}

fn count(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "count", args, 1, 1)?;
    let items = ts.collect_items(r)?;
    let mut n = 0;
    for item in &items {
        if ts.eq(item, &rest[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn reverse(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "reverse", args, 0, 0)?;
    recv(ts, r, "reverse")?.items.borrow_mut().reverse();
    Ok(Value::None)
}

fn sort(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    let Some(r) = pos.first() else { return Err(ts.type_error("descriptor 'sort' of 'list' object needs an argument")) };
    if pos.len() > 1 {
        return Err(ts.type_error("sort() takes no positional arguments"));
    }
    let l = recv(ts, r, "sort")?.clone();
    let (mut key, mut reverse) = (Value::None, false);
    for (k, v) in args.keywords() {
        match k.as_str() {
            "key" => key = v.clone(),
            "reverse" => reverse = ts.truthy(v)?,
            other => return Err(ts.type_error(format!("'{other}' is an invalid keyword argument for sort()"))),
        }
    }
    // The list is empty while it sorts, as in CPython, so that a key
    // function or `__lt__` that mutates it is detected.
    let items = std::mem::take(&mut *l.items.borrow_mut());
    let result = sort_values(ts, items.clone(), &key, reverse);
    let modified = !l.items.borrow().is_empty();
    match result {
        Ok(sorted) => {
            *l.items.borrow_mut() = sorted;
            if modified {
                return Err(ts.value_error("list modified during sort"));
            }
            Ok(Value::None)
        }
        Err(e) => {
            *l.items.borrow_mut() = items;
            Err(e)
        }
    }
}

fn copy(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "copy", args, 0, 0)?;
    let items = recv(ts, r, "copy")?.items.borrow().clone();
    Ok(Value::list(items))
}

fn clear(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "clear", args, 0, 0)?;
    let old = std::mem::take(&mut *recv(ts, r, "clear")?.items.borrow_mut());
    drop(old);
    Ok(Value::None)
}
