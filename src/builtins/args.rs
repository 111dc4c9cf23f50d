//! Binding the arguments of native functions to named parameters, with
//! CPython's error messages.

use crate::objects::{Args, PyResult, Value};
use crate::vm::ThreadState;

/// Binds `args` to `names` (positional or keyword); the first `required`
/// must be present. Returns one slot per name.
pub fn bind(ts: &mut ThreadState, fname: &str, args: Args<'_>, names: &[&str], required: usize) -> PyResult<Vec<Option<Value>>> {
    let pos = args.positional();
    if pos.len() > names.len() {
        let msg = match names.len() {
            0 => format!("{fname}() takes no arguments ({} given)", pos.len()),
            1 if required == 1 => format!("{fname}() takes exactly one argument ({} given)", pos.len()),
            n => format!("{fname}() takes at most {n} arguments ({} given)", pos.len()),
        };
        return Err(ts.type_error(msg));
    }
    let mut slots: Vec<Option<Value>> = vec![None; names.len()];
    for (slot, v) in slots.iter_mut().zip(pos) {
        *slot = Some(v.clone());
    }
    for (k, v) in args.keywords() {
        match names.iter().position(|n| *n == k.as_str()) {
            Some(i) if slots[i].is_none() => slots[i] = Some(v.clone()),
            Some(_) => {
                return Err(ts.type_error(format!("argument for {fname}() given by name ('{}') and position", k.as_str())))
            }
            None => {
                return Err(ts.type_error(format!("'{}' is an invalid keyword argument for {fname}()", k.as_str())))
            }
        }
    }
    for (i, slot) in slots.iter().enumerate().take(required) {
        if slot.is_none() {
            let msg = if required == 1 && names.len() == 1 {
                format!("{fname}() takes exactly one argument (0 given)")
            } else {
                format!("{fname}() missing required argument '{}' (pos {})", names[i], i + 1)
            };
            return Err(ts.type_error(msg));
        }
    }
    Ok(slots)
}

/// Positional-only arguments, between `min` and `max` of them, no keywords.
pub fn positional<'a>(ts: &mut ThreadState, fname: &str, args: Args<'a>, min: usize, max: usize) -> PyResult<&'a [Value]> {
    if !args.kwnames.is_empty() {
        return Err(ts.type_error(format!("{fname}() takes no keyword arguments")));
    }
    let pos = args.positional();
    if pos.len() < min || pos.len() > max {
        let msg = if min == max {
            match min {
                0 => format!("{fname}() takes no arguments ({} given)", pos.len()),
                1 => format!("{fname}() takes exactly one argument ({} given)", pos.len()),
                n => format!("{fname} expected {n} arguments, got {}", pos.len()),
            }
        } else if pos.len() < min {
            format!("{fname} expected at least {min} argument{}, got {}", if min == 1 { "" } else { "s" }, pos.len())
        } else {
            format!("{fname} expected at most {max} argument{}, got {}", if max == 1 { "" } else { "s" }, pos.len())
        };
        return Err(ts.type_error(msg));
    }
    Ok(pos)
}

/// A method's receiver and its other positional arguments (no keywords).
/// Every builtin method starts here, so the accepted call is a few
/// comparisons inlined into the method; the wording of a refusal is built
/// out of line.
#[inline]
pub fn method<'a>(ts: &mut ThreadState, fname: &str, args: Args<'a>, min: usize, max: usize) -> PyResult<(&'a Value, &'a [Value])> {
    if let ([recv, rest @ ..], []) = (args.values, args.kwnames) {
        if rest.len() >= min && rest.len() <= max {
            return Ok((recv, rest));
        }
    }
    Err(method_error(ts, fname, args, min, max))
}

/// The receiver of a method called with nothing else (`NativeImpl::Method0`
/// called through `Args`).
pub fn method0<'a>(ts: &mut ThreadState, fname: &str, args: Args<'a>) -> PyResult<&'a Value> {
    match (args.values, args.kwnames) {
        ([recv], []) => Ok(recv),
        _ => Err(method_error(ts, fname, args, 0, 0)),
    }
}

/// The receiver and the one argument of a method (`NativeImpl::Method1`
/// called through `Args`).
pub fn method1<'a>(ts: &mut ThreadState, fname: &str, args: Args<'a>) -> PyResult<(&'a Value, &'a Value)> {
    match (args.values, args.kwnames) {
        ([recv, arg], []) => Ok((recv, arg)),
        _ => Err(method_error(ts, fname, args, 1, 1)),
    }
}

#[cold]
#[inline(never)]
fn method_error(ts: &mut ThreadState, fname: &str, args: Args<'_>, min: usize, max: usize) -> crate::objects::PyErr {
    let pos = args.positional();
    let Some((recv, rest)) = pos.split_first() else {
        return ts.type_error(format!("descriptor '{fname}' needs an argument"));
    };
    let owner = ts.type_of(recv).name.clone();
    if !args.kwnames.is_empty() {
        return ts.type_error(format!("{owner}.{fname}() takes no keyword arguments"));
    }
    let msg = if min == max && min == 0 {
        format!("{owner}.{fname}() takes no arguments ({} given)", rest.len())
    } else if min == max && min == 1 {
        format!("{owner}.{fname}() takes exactly one argument ({} given)", rest.len())
    } else if rest.len() < min {
        format!("{fname} expected at least {min} argument{}, got {}", if min == 1 { "" } else { "s" }, rest.len())
    } else {
        format!("{fname} expected at most {max} argument{}, got {}", if max == 1 { "" } else { "s" }, rest.len())
    };
    ts.type_error(msg)
}

/// The `TypeError` of a method of `owner` called on `v`, another type's object
/// (`str.upper(5)`): each type's `recv` is inlined and leaves this out of line.
#[cold]
#[inline(never)]
pub fn wrong_receiver(ts: &mut ThreadState, v: &Value, name: &str, owner: &str) -> crate::objects::PyErr {
    let t = ts.type_of(v).name.clone();
    ts.type_error(format!("descriptor '{name}' for '{owner}' objects doesn't apply to a '{t}' object"))
}

/// An int argument (bools and `__index__` accepted).
pub fn int_arg(ts: &mut ThreadState, v: &Value) -> PyResult<i64> {
    match ts.index_value(v)? {
        Some(i) => Ok(i),
        None => {
            let t = ts.type_of(v).name.clone();
            Err(ts.type_error(format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

/// A str argument; `what` names the function for the error.
pub fn str_arg<'a>(ts: &mut ThreadState, v: &'a Value, what: &str) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        _ => {
            let t = ts.type_of(v).name.clone();
            Err(ts.type_error(format!("{what} must be str, not {t}")))
        }
    }
}
