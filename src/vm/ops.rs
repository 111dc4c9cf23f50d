//! The longer instruction bodies of the eval loop: name lookups in namespaces,
//! building containers, unpacking, f-string fields, `MakeFunction`.


use super::ThreadState;
use crate::bytecode::Conversion;
use crate::objects::{Gc, PyCell, PyErr, PyDict, PyFunction, PyResult, PySlice, PyStr, Value};

#[inline]
pub(crate) fn truthy(ts: &mut ThreadState, v: &Value) -> PyResult<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        Value::None => Ok(false),
        Value::Int(i) => Ok(*i != 0),
        _ => ts.truthy(v),
    }
}

pub(crate) fn load_name(ts: &mut ThreadState, fi: usize, name: &Gc<PyStr>) -> PyResult<Value> {
    let frame = &ts.exec.frames[fi];
    let found = frame
        .locals
        .as_ref()
        .and_then(|l| l.get_str(name))
        .or_else(|| frame.globals().get_str(name))
        .or_else(|| ts.objs.builtins.get_str(name));
    match found {
        Some(v) => Ok(v),
        None => Err(super::exceptions::name_not_defined(ts, name)),
    }
}

pub(crate) fn store_name(ts: &mut ThreadState, fi: usize, name: &Gc<PyStr>, v: Value) {
    let frame = &ts.exec.frames[fi];
    match &frame.locals {
        Some(l) => l.set_str(name.clone(), v),
        None => frame.globals().set_str(name.clone(), v),
    }
}

pub(crate) fn delete_name(ts: &mut ThreadState, fi: usize, name: &Gc<PyStr>) -> PyResult<()> {
    let frame = &ts.exec.frames[fi];
    let ns = frame.locals.as_ref().unwrap_or(frame.globals());
    match ns.del_str(name) {
        Some(_) => Ok(()),
        None => Err(super::exceptions::name_not_defined(ts, name)),
    }
}

/// `LoadClassDeref`: the class namespace first, then the cell.
pub(crate) fn load_class_deref(ts: &mut ThreadState, fi: usize, i: u32) -> PyResult<Value> {
    let frame = &ts.exec.frames[fi];
    let code = frame.code().clone();
    let i = i as usize;
    let ncell = code.code.cellvars.len();
    let name = if i < ncell { &code.code.cellvars[i] } else { &code.code.freevars[i - ncell] };
    let key = ts.intern(name);
    let frame = &ts.exec.frames[fi];
    if let Some(v) = frame.locals.as_ref().and_then(|l| l.get_str(&key)) {
        return Ok(v);
    }
    let v = frame.cells().get(i).map(|c| c.value.borrow().clone()).unwrap_or(Value::Null);
    if v.is_null() {
        return Err(super::exceptions::unbound_deref(ts, &code, i as u32));
    }
    Ok(v)
}

/// `list[i]` / `tuple[i]` with an in-range int index, without a call.
#[inline]
pub(crate) fn fast_subscript(container: &Value, key: &Value) -> Option<Value> {
    let Value::Int(i) = key else { return None };
    let pick = |items: &[Value]| {
        let idx = if *i < 0 { i.checked_add(items.len() as i64)? } else { *i };
        items.get(usize::try_from(idx).ok()?).cloned()
    };
    match container {
        Value::List(l) => pick(&l.items.borrow()),
        Value::Tuple(t) => pick(&t.items),
        _ => None,
    }
}

pub(crate) fn build_slice(ts: &mut ThreadState, n: u32) -> Value {
    let step = if n == 3 { ts.exec.pop() } else { Value::None };
    let stop = ts.exec.pop();
    let start = ts.exec.pop();
    Value::Slice(Gc::new(PySlice { start, stop, step }))
}


pub(crate) fn set_add(ts: &mut ThreadState, set: &Value, item: Value) -> PyResult<()> {
    match set {
        Value::Set(s) => ts.set_add(s, item).map(drop),
        other => ts.call_method(other, "add", &[item]).map(drop),
    }
}

pub(crate) fn build_set(ts: &mut ThreadState, n: u32) -> PyResult<Value> {
    let items = ts.exec.pop_n(n as usize);
    let set = Value::Set(Gc::new(crate::objects::PySet::new(false)));
    for item in items {
        set_add(ts, &set, item)?;
    }
    Ok(set)
}

pub(crate) fn build_map(ts: &mut ThreadState, n: u32) -> PyResult<Value> {
    let items = ts.exec.pop_n(2 * n as usize);
    let dict = Gc::new(PyDict::new());
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        ts.dict_set(&dict, k, v)?;
    }
    Ok(Value::Dict(dict))
}

pub(crate) fn build_string(ts: &mut ThreadState, n: u32) -> PyResult<Value> {
    let items = ts.exec.pop_n(n as usize);
    let mut out = String::new();
    for item in &items {
        match item {
            Value::Str(s) => out.push_str(s.as_str()),
            other => out.push_str(ts.to_str(other)?.as_str()),
        }
    }
    Ok(Value::Str(Gc::new(PyStr::from_string(out))))
}

/// `next(it)` for any iterator, generators included.
pub(crate) fn next_item(ts: &mut ThreadState, it: &Value) -> PyResult<Option<Value>> {
    match it {
        Value::Generator(g) => super::generator::generator_next(ts, g),
        _ => ts.next(it),
    }
}

pub(crate) fn list_extend(ts: &mut ThreadState, list: &Value, iterable: &Value) -> PyResult<()> {
    let items = ts.collect_items(iterable)?;
    if let Value::List(l) = list {
        l.items.borrow_mut().extend(items);
    }
    Ok(())
}

/// The `TypeError` of `*x` on a non-iterable, as CPython words it (naming the
/// called function when the unpacking builds call arguments).
pub(crate) fn star_error(ts: &mut ThreadState, err: PyErr, iterable: &Value, func: Option<&Value>) -> PyErr {
    let type_error = ts.types().type_error.clone();
    if !ts.err_matches(&err, &type_error) || ts.lookup_special(iterable, "__iter__").is_some() {
        return err;
    }
    let tname = ts.type_of(iterable).name.clone();
    match func {
        Some(f) => {
            let fname = callable_name(ts, f);
            ts.type_error(format!("{fname}() argument after * must be an iterable, not {tname}"))
        }
        None => ts.type_error(format!("Value after * must be an iterable, not {tname}")),
    }
}

pub(crate) fn set_update(ts: &mut ThreadState, set: &Value, iterable: &Value) -> PyResult<()> {
    for item in ts.collect_items(iterable)? {
        set_add(ts, set, item)?;
    }
    Ok(())
}

/// `{**mapping}` (`func` is `None`) or `f(**mapping)` (repeated keys are an error naming `func`).
pub(crate) fn dict_update(ts: &mut ThreadState, dict: &Value, mapping: &Value, func: Option<&Value>) -> PyResult<()> {
    let pairs = match mapping {
        Value::Dict(d) => d.items(),
        other => {
            let keys_name = ts.intern("keys");
            let keys = match ts.get_attr(other, &keys_name) {
                Ok(k) => k,
                Err(_) => {
                    let tname = ts.type_of(other).name.clone();
                    return Err(match func {
                        Some(f) => {
                            let fname = callable_name(ts, f);
                            ts.type_error(format!("{fname}() argument after ** must be a mapping, not {tname}"))
                        }
                        None => ts.type_error(format!("'{tname}' object is not a mapping")),
                    });
                }
            };
            let keys = ts.call_positional(&keys, &[])?;
            let mut pairs = Vec::new();
            for k in ts.collect_items(&keys)? {
                let v = ts.get_item(other, &k)?;
                pairs.push((k, v));
            }
            pairs
        }
    };
    let Value::Dict(target) = dict else { return Ok(()) };
    for (k, v) in pairs {
        if let Some(f) = func {
            if ts.dict_get(target, &k)?.is_some() {
                let fname = callable_name(ts, f);
                let key = match &k {
                    Value::Str(s) => s.as_str().to_string(),
                    other => ts.repr(other)?.as_str().to_string(),
                };
                return Err(ts.type_error(format!("{fname}() got multiple values for keyword argument '{key}'")));
            }
        }
        ts.dict_set(target, k, v)?;
    }
    Ok(())
}

/// How CPython names a callable in argument errors.
pub(crate) fn callable_name(ts: &mut ThreadState, f: &Value) -> String {
    match f {
        Value::Function(func) => {
            let qualname = func.qualname.borrow().as_str().to_string();
            let key = ts.intern("__name__");
            match func.globals.get_str(&key) {
                Some(Value::Str(m)) if m.as_str() != "builtins" => format!("{}.{qualname}", m.as_str()),
                _ => qualname,
            }
        }
        Value::NativeFunction(nf) => nf.name.to_string(),
        Value::BoundMethod(bm) => callable_name(ts, &bm.func),
        Value::Type(t) => t.name.clone(),
        other => ts.type_of(other).name.clone(),
    }
}

fn unpack_items(ts: &mut ThreadState, v: &Value, limit: Option<usize>) -> PyResult<Vec<Value>> {
    match v {
        Value::Tuple(t) => return Ok(t.items.to_vec()),
        Value::List(l) => return Ok(l.items.borrow().clone()),
        _ => {}
    }
    let it = match ts.get_iter(v) {
        Ok(it) => it,
        Err(e) if ts.err_matches(&e, &ts.types().type_error.clone()) => {
            let name = ts.type_of(v).name.clone();
            return Err(ts.type_error(format!("cannot unpack non-iterable {name} object")));
        }
        Err(e) => return Err(e),
    };
    if let Value::Generator(g) = &it {
        // One item past `limit` tells "too many values" from "just enough".
        return super::generator::collect(ts, g, limit.map_or(usize::MAX, |n| n + 1));
    }
    let mut items = Vec::new();
    while let Some(x) = next_item(ts, &it)? {
        items.push(x);
        if limit.is_some_and(|n| items.len() > n) {
            break;
        }
    }
    Ok(items)
}

pub(crate) fn unpack_sequence(ts: &mut ThreadState, v: &Value, n: usize) -> PyResult<()> {
    let items = unpack_items(ts, v, Some(n))?;
    if items.len() < n {
        return Err(ts.value_error(format!("not enough values to unpack (expected {n}, got {})", items.len())));
    }
    if items.len() > n {
        return Err(ts.value_error(format!("too many values to unpack (expected {n})")));
    }
    ts.exec.stack.extend(items.into_iter().rev());
    Ok(())
}

pub(crate) fn unpack_ex(ts: &mut ThreadState, v: &Value, before: usize, after: usize) -> PyResult<()> {
    let mut items = unpack_items(ts, v, None)?;
    if items.len() < before + after {
        return Err(ts.value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let tail = items.split_off(items.len() - after);
    let middle = items.split_off(before);
    ts.exec.stack.extend(tail.into_iter().rev());
    ts.exec.push(Value::list(middle));
    ts.exec.stack.extend(items.into_iter().rev());
    Ok(())
}

pub(crate) fn format_value(ts: &mut ThreadState, v: &Value, conversion: Conversion, spec: Option<&Value>) -> PyResult<Value> {
    let converted = match conversion {
        Conversion::None => v.clone(),
        Conversion::Str => Value::Str(ts.to_str(v)?),
        Conversion::Repr => Value::Str(ts.repr(v)?),
        Conversion::Ascii => {
            let r = ts.repr(v)?;
            Value::Str(Gc::new(PyStr::from_string(ascii_escape(r.as_str()))))
        }
    };
    let spec = match spec {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => ts.to_str(other)?.as_str().to_string(),
        None => String::new(),
    };
    if spec.is_empty() {
        if let Value::Str(_) = converted {
            return Ok(converted);
        }
    }
    Ok(Value::Str(ts.format(&converted, &spec)?))
}

/// `ascii()`: non-ASCII characters as `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub(crate) fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        match n {
            0..=0x7f => out.push(c),
            0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
            _ => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    out
}

pub(crate) fn make_function(ts: &mut ThreadState, fi: usize, flags: u32) -> PyResult<Value> {
    use crate::bytecode::opcode::make_function as mf;
    let Value::Code(code) = ts.exec.pop() else {
        return Err(ts.system_error("MakeFunction without a code object"));
    };
    let closure: Gc<[Gc<PyCell>]> = if flags & mf::CLOSURE != 0 {
        match ts.exec.pop() {
            Value::Tuple(t) => t.items.iter().filter_map(|c| match c {
                Value::Cell(c) => Some(c.clone()),
                _ => None,
            }).collect(),
            _ => Gc::from(Vec::new()),
        }
    } else {
        Gc::from(Vec::new())
    };
    if flags & mf::ANNOTATIONS != 0 {
        ts.exec.pop();
    }
    let kwdefaults = if flags & mf::KWDEFAULTS != 0 {
        match ts.exec.pop() {
            Value::Dict(d) => Some(d),
            _ => None,
        }
    } else {
        None
    };
    let defaults: Box<[Value]> = if flags & mf::DEFAULTS != 0 {
        match ts.exec.pop() {
            Value::Tuple(t) => t.items.clone(),
            _ => Box::default(),
        }
    } else {
        Box::default()
    };
    let name = ts.intern(&code.code.name);
    let qualname = ts.intern(&code.code.qualname);
    let globals = ts.exec.frames[fi].globals().clone();
    Ok(Value::Function(Gc::new(PyFunction::new(code, globals, name, qualname, defaults, kwdefaults, closure))))
}

/// The REPL's echo of an expression statement (`sys.displayhook`).
pub(crate) fn print_expr(ts: &mut ThreadState, v: &Value) -> PyResult<()> {
    if v.is_none() {
        return Ok(());
    }
    let text = ts.repr(v)?;
    let print_name = ts.intern("print");
    if let Some(print) = ts.objs.builtins.get_str(&print_name) {
        ts.call_positional(&print, &[Value::Str(text)])?;
    }
    let underscore = ts.intern("_");
    ts.objs.builtins.set_str(underscore, v.clone());
    Ok(())
}
