//! Raising and catching: the exception-table unwinding step, `raise` forms,
//! `except` matching, `with` entry and exit, and the name errors of the loop.

use super::ThreadState;
use crate::objects::{BoundMethod, CodeObject, Gc, PyErr, PyInstance, PyResult, PyStr, TraceEntry, Value};

/// Prepends the entries gathered while unwinding (innermost first) to `err`'s traceback.
pub(crate) fn flush_traceback(err: &PyErr, tb: &mut Vec<TraceEntry>) {
    if !tb.is_empty() {
        err.data().traceback.splice(0..0, tb.drain(..).rev());
    }
}

/// What the current frame does with an exception.
pub(crate) enum Unwind {
    /// A handler was found; continue there (the stack is already set up).
    Handler(usize),
    /// No handler in this frame: pop it and pass the exception on.
    Propagate(PyErr),
}

/// The exception-table step for frame `fi`, where the instruction before `pc`
/// raised `err`. A fresh raise (not a re-raise) records the frame in the
/// traceback and picks up the exception being handled as `__context__`.
///
/// Traceback entries collect in `tb`, innermost first, while the exception
/// crosses frames; `flush_traceback` moves them into the exception in one
/// step (prepending one at a time would make deep unwinding quadratic).
#[cold]
pub(crate) fn unwind(ts: &mut ThreadState, fi: usize, pc: usize, err: PyErr, reraise: bool, tb: &mut Vec<TraceEntry>) -> Unwind {
    let frame = &ts.exec.frames[fi];
    let code = frame.code().code.clone();
    let stack_base = frame.stack_base();
    let at = pc.saturating_sub(1);
    if !reraise {
        tb.push(TraceEntry::at(code.clone(), at));
        set_context(ts, &err);
    }
    let entry = code.exception_table.iter().find(|e| (e.start as usize) <= at && at < e.end as usize);
    match entry {
        Some(e) => {
            flush_traceback(&err, tb);
            ts.exec.stack.truncate(stack_base + e.depth as usize);
            if e.lasti {
                ts.exec.push(Value::Int(at as i64));
            }
            ts.exec.push(err.value());
            Unwind::Handler(e.handler as usize)
        }
        None => Unwind::Propagate(err),
    }
}

fn exception_of(v: &Value) -> Option<&Gc<PyInstance>> {
    match v {
        Value::Instance(i) if i.exception.is_some() => Some(i),
        _ => None,
    }
}

/// Implicit chaining: the exception being handled becomes `err.__context__`
/// (cutting any cycle the chain would form, as CPython does).
fn set_context(ts: &mut ThreadState, err: &PyErr) {
    let Some(handled) = exception_of(&ts.exec.exc_info).cloned() else { return };
    if Gc::ptr_eq(&handled, &err.exc) || !err.data().context.is_none() {
        return;
    }
    let mut node = handled.clone();
    loop {
        let next = match node.exception.as_ref() {
            Some(d) => d.borrow().context.clone(),
            None => break,
        };
        match exception_of(&next) {
            Some(n) if Gc::ptr_eq(n, &err.exc) => {
                if let Some(d) = node.exception.as_ref() {
                    d.borrow_mut().context = Value::None;
                }
                break;
            }
            Some(n) => node = n.clone(),
            None => break,
        }
    }
    err.data().context = Value::Instance(handled);
}

/// `raise` with 0, 1 or 2 operands on the stack; the bool says "re-raise"
/// (keep the traceback as it is).
pub(crate) fn raise_varargs(ts: &mut ThreadState, n: u32) -> (PyErr, bool) {
    match n {
        0 => match exception_of(&ts.exec.exc_info) {
            Some(exc) => (PyErr { exc: exc.clone() }, true),
            None => (ts.runtime_error("No active exception to reraise"), false),
        },
        1 => {
            let v = ts.exec.pop();
            (make_exception(ts, &v).unwrap_or_else(|e| e), false)
        }
        _ => {
            let cause = ts.exec.pop();
            let v = ts.exec.pop();
            let result = make_exception(ts, &v).and_then(|err| {
                let cause = make_cause(ts, &cause)?;
                let mut data = err.data();
                data.cause = cause;
                data.suppress_context = true;
                drop(data);
                Ok(err)
            });
            (result.unwrap_or_else(|e| e), false)
        }
    }
}

/// The exception `raise v` raises: an instance as is, a class instantiated.
pub fn make_exception(ts: &mut ThreadState, v: &Value) -> PyResult<PyErr> {
    if let Some(exc) = exception_of(v) {
        return Ok(PyErr { exc: exc.clone() });
    }
    if let Value::Type(t) = v {
        if t.is_subtype(&ts.types().base_exception) {
            let made = ts.call_positional(v, &[])?;
            return match exception_of(&made) {
                Some(exc) => Ok(PyErr { exc: exc.clone() }),
                None => {
                    let got = ts.type_of(&made).name.clone();
                    Err(ts.type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {got}",
                        t.name
                    )))
                }
            };
        }
    }
    Err(ts.type_error("exceptions must derive from BaseException"))
}

fn make_cause(ts: &mut ThreadState, cause: &Value) -> PyResult<Value> {
    if cause.is_none() {
        return Ok(Value::None);
    }
    let is_exc_class = matches!(cause, Value::Type(t) if t.is_subtype(&ts.types().base_exception));
    if exception_of(cause).is_some() || is_exc_class {
        return Ok(make_exception(ts, cause)?.value());
    }
    Err(ts.type_error("exception causes must derive from BaseException"))
}

/// `isinstance(exc, ty)` for an `except` clause; `ty` must be exception classes.
pub(crate) fn exc_matches(ts: &mut ThreadState, exc: &Value, ty: &Value) -> PyResult<bool> {
    match ty {
        Value::Type(t) if t.is_subtype(&ts.types().base_exception) => Ok(ts.type_of(exc).is_subtype(t)),
        Value::Tuple(items) => {
            for item in items.items.iter() {
                if exc_matches(ts, exc, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(ts.type_error("catching classes that do not inherit from BaseException is not allowed")),
    }
}

/// The exception object of a handler's stack slot.
pub(crate) fn as_err(ts: &mut ThreadState, v: Value) -> PyErr {
    match exception_of(&v) {
        Some(exc) => PyErr { exc: exc.clone() },
        None => ts.system_error("re-raised a value that is not an exception"),
    }
}

/// `with ctx:` entry: `(bound __exit__, ctx.__enter__())`.
pub(crate) fn before_with(ts: &mut ThreadState, ctx: Value) -> PyResult<(Value, Value)> {
    let names = ts.vm_names();
    let class = ts.type_of(&ctx);
    let (enter, exit) = (class.lookup(&names.enter), class.lookup(&names.exit));
    let (Some(enter), Some(exit)) = (enter.as_ref(), exit) else {
        let missed = if enter.is_some() { " (missed __exit__ method)" } else { "" };
        let name = class.name.clone();
        return Err(ts.type_error(format!("'{name}' object does not support the context manager protocol{missed}")));
    };
    let bound = Value::BoundMethod(Gc::new(BoundMethod { func: exit, receiver: ctx.clone() }));
    let entered = ts.call_positional(enter, &[ctx])?;
    Ok((bound, entered))
}

/// `exit(type(exc), exc, tb)` in a `with` cleanup handler (`exit` at depth 4).
pub(crate) fn with_except_start(ts: &mut ThreadState) -> PyResult<Value> {
    let exc = ts.exec.peek(1).clone();
    let exit = ts.exec.peek(4).clone();
    let ty = Value::Type(ts.type_of(&exc));
    let tb = super::traceback::traceback_value(ts, &exc);
    ts.call_positional(&exit, &[ty, exc, tb])
}

#[cold]
pub(crate) fn unbound_local(ts: &mut ThreadState, code: &CodeObject, slot: u32) -> PyErr {
    let name = code.code.varnames.get(slot as usize).cloned().unwrap_or_default();
    ts.unbound_local_error(format!("cannot access local variable '{name}' where it is not associated with a value"))
}

#[cold]
pub(crate) fn unbound_deref(ts: &mut ThreadState, code: &CodeObject, i: u32) -> PyErr {
    let i = i as usize;
    let cells = &code.code.cellvars;
    match cells.get(i) {
        Some(name) => ts.unbound_local_error(format!(
            "cannot access local variable '{name}' where it is not associated with a value"
        )),
        None => {
            let name = code.code.freevars.get(i - cells.len()).cloned().unwrap_or_default();
            ts.name_error(format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            ))
        }
    }
}

#[cold]
pub(crate) fn name_not_defined(ts: &mut ThreadState, name: &PyStr) -> PyErr {
    ts.name_error(format!("name '{}' is not defined", name.as_str()))
}
