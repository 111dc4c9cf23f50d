//! `BaseException` and friends: `__new__`/`__init__` storing `args`,
//! `__str__`, `__repr__`, `with_traceback`; `KeyError.__str__`;
//! `OSError(errno, strerror)`; `StopIteration.value`; `SystemExit.code`.

use super::args::method;
use super::constructors::new_instance;
use super::misc_methods::add_getter;
use super::oserror::{class_for_errno, set_os_attrs};
use crate::objects::module::add_method;
use crate::objects::{Args, NativeFnPtr, PyResult, Value};
use crate::vm::ThreadState;

pub fn install(ts: &mut ThreadState) {
    let t = ts.types();
    let (base, key, os, stop, exit) = (
        t.base_exception.dict.clone(),
        t.key_error.dict.clone(),
        t.os_error.dict.clone(),
        t.stop_iteration.dict.clone(),
        t.system_exit.dict.clone(),
    );
    let methods: &[(&'static str, NativeFnPtr)] = &[
        ("__new__", exc_new),
        ("__init__", exc_init),
        ("__str__", exc_str),
        ("__repr__", exc_repr),
        ("with_traceback", with_traceback),
    ];
    for &(name, f) in methods {
        add_method(ts, &base, "BaseException", name, f);
    }
    add_getter(ts, &base, "BaseException", "args", exc_args);
    add_method(ts, &key, "KeyError", "__str__", key_error_str);
    add_method(ts, &os, "OSError", "__init__", os_error_init);
    add_method(ts, &os, "OSError", "__str__", os_error_str);
    add_getter(ts, &stop, "StopIteration", "value", first_arg);
    add_getter(ts, &exit, "SystemExit", "code", first_arg);
}

fn exc_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    let Some(Value::Type(cls)) = pos.first() else {
        return Err(ts.type_error("BaseException.__new__(X): X is not a type object"));
    };
    let mut cls = cls.clone();
    let rest = pos[1..].to_vec();
    // `OSError(2, ...)` is a FileNotFoundError, as in CPython.
    if std::ptr::eq(&*cls, &*ts.types().os_error) && rest.len() >= 2 {
        if let Value::Int(errno) = rest[0] {
            cls = class_for_errno(ts, errno as i32);
        }
    }
    let exc = new_instance(ts, &cls, Value::tuple(rest.clone()))?;
    if cls.is_subtype(&ts.types().os_error.clone()) {
        set_os_attrs(ts, &exc, &rest);
    }
    Ok(exc)
}

fn exc_init(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    let Some(Value::Instance(inst)) = pos.first() else { return Ok(Value::None) };
    if let Some(data) = &inst.exception {
        data.borrow_mut().args = Value::tuple(pos[1..].to_vec());
    }
    let _ = ts;
    Ok(Value::None)
}

/// The `args` tuple of an exception instance.
pub fn args_of(v: &Value) -> Vec<Value> {
    let Value::Instance(inst) = v else { return Vec::new() };
    let Some(data) = &inst.exception else { return Vec::new() };
    match &data.borrow().args {
        Value::Tuple(t) => t.items.to_vec(),
        _ => Vec::new(),
    }
}

fn exc_args(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let _ = ts;
    Ok(Value::tuple(args_of(args.values.first().unwrap_or(&Value::None))))
}

fn first_arg(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let _ = ts;
    Ok(args_of(args.values.first().unwrap_or(&Value::None)).into_iter().next().unwrap_or(Value::None))
}

fn exc_str(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "__str__", args, 0, 0)?;
    let a = args_of(r);
    match a.len() {
        0 => Ok(Value::str("")),
        1 => Ok(Value::Str(ts.to_str(&a[0])?)),
        _ => Ok(Value::Str(ts.repr(&Value::tuple(a))?)),
    }
}

fn exc_repr(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "__repr__", args, 0, 0)?;
    let name = ts.type_of(r).name.clone();
    let a = args_of(r);
    let inner = if a.len() == 1 { ts.repr_string(&a[0])? } else {
        let t = ts.repr_string(&Value::tuple(a.clone()))?;
        t.trim_start_matches('(').trim_end_matches(')').to_string()
    };
    Ok(Value::str(&format!("{name}({inner})")))
}

fn with_traceback(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "with_traceback", args, 1, 1)?;
    Ok(r.clone())
}

fn key_error_str(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "__str__", args, 0, 0)?;
    let a = args_of(r);
    if a.len() == 1 {
        return Ok(Value::Str(ts.repr(&a[0])?));
    }
    exc_str(ts, Args::positional_only(std::slice::from_ref(r)))
}

fn os_error_init(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    exc_init(ts, args)?;
    if let Some(r) = pos.first() {
        set_os_attrs(ts, r, &pos[1..]);
    }
    Ok(Value::None)
}

fn os_error_str(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "__str__", args, 0, 0)?;
    let Value::Instance(inst) = r else { return exc_str(ts, args) };
    let get = |ts: &mut ThreadState, name: &str| inst.dict().get_str(&ts.intern(name)).unwrap_or(Value::None);
    let (errno, strerror, filename) = (get(ts, "errno"), get(ts, "strerror"), get(ts, "filename"));
    if errno.is_none() && strerror.is_none() {
        return exc_str(ts, args);
    }
    let e = ts.str_string(&errno)?;
    let s = ts.str_string(&strerror)?;
    if filename.is_none() {
        return Ok(Value::str(&format!("[Errno {e}] {s}")));
    }
    let f = ts.repr_string(&filename)?;
    Ok(Value::str(&format!("[Errno {e}] {s}: {f}")))
}
