//! Calling any callable value. (Owned by the VM: Python functions, classes,
//! bound methods, `__call__`.)
//!
//! A Python function called from Rust pushes an entry frame and re-enters the
//! eval loop (bounded by the recursion limit and the native stack guard); the
//! eval loop itself calls Python functions by pushing frames (see `eval`).

use super::eval::{run_frames, Exit};
use super::frame::Frame;
use super::ThreadState;
use crate::objects::function::{Method0Ptr, Method1Ptr};
use crate::objects::{Args, Gc, NativeImpl, PyCell, PyDict, PyFunction, PyInstance, PyResult, PyStr, Value};

impl ThreadState {
    /// `f(*args)` with keyword arguments as in `Args`.
    pub fn call(&mut self, f: &Value, args: Args<'_>) -> PyResult<Value> {
        match f {
            Value::Function(func) => self.call_function(func, args),
            Value::NativeFunction(nf) => {
                self.check_native_stack()?;
                nf.clone().call(self, args)
            }
            Value::BoundMethod(bm) => {
                let mut values = Vec::with_capacity(args.values.len() + 1);
                values.push(bm.receiver.clone());
                values.extend_from_slice(args.values);
                let func = bm.func.clone();
                self.call(&func, Args { values: &values, kwnames: args.kwnames })
            }
            Value::Type(cls) => super::class::call_type(self, cls, args),
            Value::StaticMethod(inner) => {
                let inner = (**inner).clone();
                self.call(&inner, args)
            }
            _ => self.call_dunder_call(f, args),
        }
    }

    /// `f(*args)` with positional arguments only.
    pub fn call_positional(&mut self, f: &Value, args: &[Value]) -> PyResult<Value> {
        self.call(f, Args::positional_only(args))
    }

    fn call_dunder_call(&mut self, f: &Value, args: Args<'_>) -> PyResult<Value> {
        let Some(method) = self.lookup_special(f, "__call__") else {
            let name = self.type_of(f).name.clone();
            return Err(self.type_error(format!("'{name}' object is not callable")));
        };
        let mut values = Vec::with_capacity(args.values.len() + 1);
        values.push(f.clone());
        values.extend_from_slice(args.values);
        self.call(&method, Args { values: &values, kwnames: args.kwnames })
    }

    /// Calls a Python function from Rust: a new entry frame, run to completion.
    pub fn call_function(&mut self, func: &Gc<PyFunction>, args: Args<'_>) -> PyResult<Value> {
        if func.code.code.is_generator {
            return super::generator::new_generator(self, func, args);
        }
        self.check_native_stack()?;
        let ret_sp = self.exec.stack.len();
        push_function_frame(self, func, args, ret_sp, true)?;
        match run_frames(self, None)? {
            Exit::Return(v) | Exit::Yield(v) => Ok(v),
        }
    }

    /// For native code that recurses through Python objects (`repr` of nested
    /// containers, comparisons): `RecursionError` "maximum recursion depth
    /// exceeded{context}" when the native stack or the recursion limit runs out.
    /// `context` is CPython's suffix, e.g. `" while getting the repr of an object"`.
    pub fn check_recursion(&mut self, context: &str) -> PyResult<()> {
        let deep = self.exec.frames.len() >= self.interp.recursion_limit() as usize;
        if deep || self.stack_remaining() <= super::frame::NATIVE_STACK_MARGIN {
            return Err(self.recursion_error(format!("maximum recursion depth exceeded{context}")));
        }
        Ok(())
    }

    /// Raises `RecursionError` when the native stack is nearly exhausted: every
    /// path on which Rust code re-enters the VM checks this first.
    #[inline]
    pub fn check_native_stack(&mut self) -> PyResult<()> {
        if self.stack_remaining() > super::frame::NATIVE_STACK_MARGIN {
            Ok(())
        } else {
            Err(native_stack_exhausted(self))
        }
    }
}

#[cold]
#[inline(never)]
fn native_stack_exhausted(ts: &mut ThreadState) -> crate::objects::PyErr {
    ts.recursion_error("maximum recursion depth exceeded while calling a Python object")
}

/// Binds `args` to `func`'s parameters in a new frame window at the top of the
/// value stack and pushes the frame.
pub(crate) fn push_function_frame(
    ts: &mut ThreadState,
    func: &Gc<PyFunction>,
    args: Args<'_>,
    ret_sp: usize,
    entry: bool,
) -> PyResult<()> {
    check_depth(ts)?;
    let code = &func.code.code;
    let base = ts.exec.stack.len();
    let nlocals = code.nlocals();
    ts.exec.stack.reserve(nlocals + code.max_stack as usize + 1);
    ts.exec.stack.resize(base + nlocals, Value::Null);
    if let Err(msg) = bind_args(func, args, &mut ts.exec.stack[base..base + nlocals]) {
        ts.exec.stack.truncate(base);
        return Err(ts.type_error(msg));
    }
    let cells = make_cells(func, &ts.exec.stack[base..base + nlocals]);
    ts.exec.frames.push(Frame::new(func.clone(), base, ret_sp, cells, entry));
    Ok(())
}

#[inline]
pub(crate) fn check_depth(ts: &mut ThreadState) -> PyResult<()> {
    if ts.exec.frames.len() >= ts.interp.recursion_limit() as usize {
        return Err(recursion_overflow(ts));
    }
    Ok(())
}

#[cold]
fn recursion_overflow(ts: &mut ThreadState) -> crate::objects::PyErr {
    ts.recursion_error("maximum recursion depth exceeded")
}

/// The frame's own cells: fresh ones for its cellvars (parameters copied
/// in), then the closure; none when there are no cellvars, the common case
/// (the frame reads the function's closure).
#[inline]
pub(crate) fn make_cells(func: &PyFunction, slots: &[Value]) -> Option<Gc<[Gc<PyCell>]>> {
    if !func.shape.has_cellvars {
        return None;
    }
    Some(new_cells(func, slots))
}

fn new_cells(func: &PyFunction, slots: &[Value]) -> Gc<[Gc<PyCell>]> {
    let code = &func.code.code;
    let mut cells: Vec<Gc<PyCell>> = code.cellvars.iter().map(|_| Gc::new(PyCell::new(Value::Null))).collect();
    for &(cell, slot) in &code.cell_params {
        if let (Some(c), Some(v)) = (cells.get(cell as usize), slots.get(slot as usize)) {
            *c.value.borrow_mut() = v.clone();
        }
    }
    cells.extend(func.closure.iter().cloned());
    cells.into()
}

/// Fills `slots` (all `Null`) from `args` as CPython binds parameters; the error
/// is the `TypeError` message.
pub(crate) fn bind_args(func: &PyFunction, args: Args<'_>, slots: &mut [Value]) -> Result<(), String> {
    let co = &func.code;
    let code = &co.code;
    let fname = func.qualname.borrow().as_str().to_string();
    let argcount = code.argcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let positional = args.positional();
    let taken = positional.len().min(argcount);
    slots[..taken].clone_from_slice(&positional[..taken]);
    let mut extra_slot = argcount + kwonly;
    if code.varargs {
        slots[extra_slot] = Value::tuple(positional[taken..].to_vec());
        extra_slot += 1;
    }
    let kwdict = if code.varkeywords {
        let d = Gc::new(PyDict::new());
        slots[extra_slot] = Value::Dict(d.clone());
        Some(d)
    } else {
        None
    };
    let posonly = code.posonlyargcount as usize;
    for (name, value) in args.keywords() {
        let found = co.varnames[..argcount + kwonly]
            .iter()
            .enumerate()
            .skip(posonly)
            .find(|(_, v)| Gc::ptr_eq(v, name) || v.as_str() == name.as_str())
            .map(|(i, _)| i);
        match found {
            Some(i) if !slots[i].is_null() => {
                return Err(format!("{fname}() got multiple values for argument '{}'", name.as_str()))
            }
            Some(i) => slots[i] = value.clone(),
            None => match &kwdict {
                Some(d) => d.set_str(name.clone(), value.clone()),
                None if co.varnames[..posonly].iter().any(|v| v.as_str() == name.as_str()) => {
                    return Err(format!(
                        "{fname}() got some positional-only arguments passed as keyword arguments: '{}'",
                        name.as_str()
                    ))
                }
                None => return Err(format!("{fname}() got an unexpected keyword argument '{}'", name.as_str())),
            },
        }
    }
    if positional.len() > argcount && !code.varargs {
        return Err(too_many_positional(func, &fname, positional.len(), args.kwnames.len(), slots));
    }
    let defaults = &func.defaults;
    let first_default = argcount.saturating_sub(defaults.len());
    let mut missing = Vec::new();
    for i in taken..argcount {
        if slots[i].is_null() {
            if i >= first_default {
                slots[i] = defaults[i - first_default].clone();
            } else {
                missing.push(co.varnames[i].as_str().to_string());
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_message(&fname, "positional", &missing));
    }
    for i in argcount..argcount + kwonly {
        if slots[i].is_null() {
            match func.kwdefaults.as_ref().and_then(|d| d.get_str(&co.varnames[i])) {
                Some(v) => slots[i] = v,
                None => missing.push(co.varnames[i].as_str().to_string()),
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_message(&fname, "keyword-only", &missing));
    }
    Ok(())
}

fn too_many_positional(func: &PyFunction, fname: &str, given: usize, nkw: usize, slots: &[Value]) -> String {
    let code = &func.code.code;
    let argcount = code.argcount as usize;
    let ndefaults = func.defaults.len().min(argcount);
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let takes = if ndefaults > 0 {
        format!("from {} to {} positional arguments", argcount - ndefaults, argcount)
    } else {
        format!("{argcount} positional argument{}", plural(argcount))
    };
    let kwonly_given = (argcount..argcount + code.kwonlyargcount as usize)
        .filter(|&i| !slots[i].is_null())
        .count()
        .min(nkw);
    if kwonly_given > 0 {
        format!(
            "{fname}() takes {takes} but {given} positional argument{} (and {kwonly_given} keyword-only argument{}) were given",
            plural(given),
            plural(kwonly_given)
        )
    } else {
        let verb = if given == 1 { "was" } else { "were" };
        format!("{fname}() takes {takes} but {given} {verb} given")
    }
}

fn missing_message(fname: &str, kind: &str, names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    let plural = if names.len() == 1 { "" } else { "s" };
    format!("{fname}() missing {} required {kind} argument{plural}: {list}", names.len())
}

/// The keyword names of a `CallKw` constant tuple.
pub(crate) fn kwnames_of(v: &Value) -> Vec<Gc<PyStr>> {
    match v {
        Value::Tuple(t) => t.items.iter().filter_map(|k| match k {
            Value::Str(s) => Some(s.clone()),
            _ => None,
        }).collect(),
        _ => Vec::new(),
    }
}

/// What a call made by the eval loop produced.
pub(crate) enum Called {
    Value(Value),
    /// A Python frame was pushed: the loop continues in it.
    Frame,
}

/// The calls of `Call`/`CallKw`/`CallMethod`: the callable at `ret_sp`, the
/// arguments from `args_start` to the top of the stack. A Python function whose
/// parameters are plain positionals gets its arguments in place as its first
/// local slots; anything else is bound or called through `ts.call`.
#[inline]
pub(crate) fn call_from_stack(
    ts: &mut ThreadState,
    ret_sp: usize,
    args_start: usize,
    kwnames: Option<&Value>,
) -> PyResult<Called> {
    if kwnames.is_none() {
        // Only the `Rc` inside is cloned: no trip through `Value`'s clone and drop glue.
        let nargs = ts.exec.stack.len().saturating_sub(args_start);
        match ts.exec.stack.get(ret_sp) {
            Some(Value::Function(func)) if is_simple(func, nargs) => {
                // The function moves into its frame: the slot is cut off at return anyway.
                if let Value::Function(func) = std::mem::replace(&mut ts.exec.stack[ret_sp], Value::Null) {
                    push_simple_frame(ts, func, ret_sp, args_start, None)?;
                }
                return Ok(Called::Frame);
            }
            Some(Value::NativeFunction(nf)) => match nf.func {
                NativeImpl::Method0(f) if nargs == 1 => return call_method0(ts, ret_sp, f).map(Called::Value),
                NativeImpl::Method1(f) | NativeImpl::Method1Or(f, _) if nargs == 2 => {
                    return call_method1(ts, ret_sp, f).map(Called::Value)
                }
                _ if nargs <= NATIVE_ARGS => return call_native(ts, ret_sp, args_start).map(Called::Value),
                _ => {}
            },
            Some(Value::Type(_)) if nargs == 1 => return call_type1(ts, ret_sp).map(Called::Value),
            Some(Value::Type(_)) if nargs <= NATIVE_ARGS => {
                return call_native(ts, ret_sp, args_start).map(Called::Value);
            }
            _ => {}
        }
    }
    call_general(ts, ret_sp, args_start, kwnames)
}

/// The calls `call_from_stack` has no fast path for (kept out of line so the
/// fast paths pay no prologue for its many locals).
#[inline(never)]
fn call_general(ts: &mut ThreadState, ret_sp: usize, args_start: usize, kwnames: Option<&Value>) -> PyResult<Called> {
    let callable = ts.exec.stack[ret_sp].clone();
    let kwnames = kwnames.map(kwnames_of).unwrap_or_default();
    let mut args = std::mem::take(&mut ts.exec.arg_buffer);
    args.extend(ts.exec.stack.drain(args_start..));
    ts.exec.stack.truncate(ret_sp);
    let (callable, receiver) = match callable {
        Value::BoundMethod(bm) if matches!(&bm.func, Value::Function(_)) => (bm.func.clone(), Some(bm.receiver.clone())),
        other => (other, None),
    };
    if let Some(receiver) = receiver {
        args.insert(0, receiver);
    }
    let result = {
        let args = Args { values: &args, kwnames: &kwnames };
        match &callable {
            Value::Function(func) if !func.code.code.is_generator => {
                push_function_frame(ts, func, args, ret_sp, false).map(|_| Called::Frame)
            }
            _ => ts.call(&callable, args).map(Called::Value),
        }
    };
    args.clear();
    ts.exec.arg_buffer = args;
    result
}

/// The most positional arguments a builtin gets straight from the stack.
const NATIVE_ARGS: usize = 3;

/// A builtin function or a class called with at most `NATIVE_ARGS` positional
/// arguments, moved from the stack into an array on the Rust stack: no
/// argument buffer to take, fill by draining and give back (`abs(x)`,
/// `len(s)`, `str(i)`, a builtin method's receiver and two more). One arm per
/// count, so each array has its exact length and no `Null` padding to drop.
#[inline(never)]
fn call_native(ts: &mut ThreadState, ret_sp: usize, args_start: usize) -> PyResult<Value> {
    ts.check_native_stack()?;
    match ts.exec.stack.len() - args_start {
        0 => call_popped(ts, ret_sp, []),
        1 => {
            let a = ts.exec.pop();
            call_popped(ts, ret_sp, [a])
        }
        2 => {
            let b = ts.exec.pop();
            let a = ts.exec.pop();
            call_popped(ts, ret_sp, [a, b])
        }
        _ => {
            let c = ts.exec.pop();
            let b = ts.exec.pop();
            let a = ts.exec.pop();
            call_popped(ts, ret_sp, [a, b, c])
        }
    }
}

/// A fixed-arity method (`NativeImpl::Method0`: `s.upper()`) given its
/// receiver, the one value above the callable (and the `Null` a `CallMethod`
/// of a plain attribute leaves): the receiver is moved into the call, the
/// callable dropped first (the function pointer is all the call needs).
#[inline(never)]
fn call_method0(ts: &mut ThreadState, ret_sp: usize, f: Method0Ptr) -> PyResult<Value> {
    ts.check_native_stack()?;
    let receiver = ts.exec.pop();
    drop_callable(ts, ret_sp);
    f(ts, receiver)
}

/// `call_method0` for `NativeImpl::Method1` (`l.append(x)`): receiver and argument moved in.
#[inline(never)]
fn call_method1(ts: &mut ThreadState, ret_sp: usize, f: Method1Ptr) -> PyResult<Value> {
    ts.check_native_stack()?;
    let arg = ts.exec.pop();
    let receiver = ts.exec.pop();
    drop_callable(ts, ret_sp);
    f(ts, receiver, arg)
}

/// A class called with one positional argument (`str(i)`, `int(s)`, `Point(p)`):
/// the builtin conversions (`builtins::convert`) straight from here, as
/// CPython's `PRECALL_NO_KW_STR_1`/`TYPE_1` do; any other class goes to `call_type`.
#[inline(never)]
fn call_type1(ts: &mut ThreadState, ret_sp: usize) -> PyResult<Value> {
    ts.check_native_stack()?;
    let x = ts.exec.pop();
    let result = match pop_callable(ts, ret_sp) {
        Value::Type(cls) => match crate::builtins::convert(ts, &cls, &x) {
            Some(r) => r,
            None => super::class::call_type(ts, &cls, Args::positional_only(std::slice::from_ref(&x))),
        },
        other => ts.call_positional(&other, std::slice::from_ref(&x)),
    };
    x.discard();
    result
}

/// Pops the callable at `ret_sp`, the top of the stack but for the `Null` a
/// `CallMethod` of a plain attribute leaves above it.
#[inline(always)]
fn pop_callable(ts: &mut ThreadState, ret_sp: usize) -> Value {
    if ts.exec.stack.len() > ret_sp + 1 {
        ts.exec.pop().discard();
    }
    ts.exec.pop()
}

/// Drops the native function at `ret_sp` (`pop_callable`), knowing its kind
/// (no drop glue).
#[inline(always)]
fn drop_callable(ts: &mut ThreadState, ret_sp: usize) {
    if let Value::NativeFunction(f) = pop_callable(ts, ret_sp) {
        drop(f);
    }
}

/// `call_native` once the arguments are off the stack: the callable is moved
/// off too (with the `Null` a `CallMethod` of a plain attribute leaves above
/// it), not cloned.
#[inline(always)]
fn call_popped<const N: usize>(ts: &mut ThreadState, ret_sp: usize, args: [Value; N]) -> PyResult<Value> {
    let result = {
        let args = Args::positional_only(&args);
        // Each arm drops its callable knowing its kind (no drop glue).
        match pop_callable(ts, ret_sp) {
            Value::NativeFunction(nf) => nf.call(ts, args),
            Value::Type(cls) => super::class::call_type(ts, &cls, args),
            f => ts.call(&f, args),
        }
    };
    args.into_iter().for_each(Value::discard);
    result
}

/// `Call` of a class whose `__init__` is a plain Python function (the class at
/// `ret_sp`, its arguments above): the instance is made here and `__init__`
/// runs as a frame of the eval loop, its result replaced by the instance
/// (CPython 3.12's `CALL_ALLOC_AND_ENTER_INIT`). `false`: the generic call follows.
/// Out of line: inlined, its body changed the code generated for the loop.
#[inline(never)]
pub(crate) fn enter_class_init(
    ts: &mut ThreadState,
    slot: &std::cell::Cell<super::inline_cache::Slot>,
    ret_sp: usize,
) -> PyResult<bool> {
    let nargs = ts.exec.stack.len() - ret_sp;
    let Some(Value::Type(cls)) = ts.exec.stack.get(ret_sp) else { return Ok(false) };
    if cls.builtin {
        // `str(x)`, `list(y)`: no `__init__` frame to enter, no slot to fill.
        return Ok(false);
    }
    let Some(init) = super::inline_cache::class_init(slot, cls) else {
        let cls = cls.clone();
        super::inline_cache::class_init_fill(ts, slot, &cls);
        return Ok(false);
    };
    if !is_simple(&init, nargs) {
        return Ok(false);
    }
    let inst = super::class::new_instance(cls);
    // The frame keeps the instance; the class's slot becomes `self`.
    ts.exec.stack[ret_sp] = Value::Instance(inst.clone());
    push_simple_frame(ts, init, ret_sp, ret_sp, Some(inst))?;
    Ok(true)
}

/// A function whose parameters are `nargs` plain positionals (or fewer, with defaults for the rest).
#[inline]
pub(crate) fn is_simple(func: &PyFunction, nargs: usize) -> bool {
    let shape = &func.shape;
    (shape.min_args as usize) <= nargs && nargs <= shape.max_args as usize
}

/// Pushes `func`'s frame with its arguments already in place from `base` to
/// the top of the stack (missing ones take their defaults).
pub(crate) fn push_simple_frame(
    ts: &mut ThreadState,
    func: Gc<PyFunction>,
    ret_sp: usize,
    base: usize,
    init_self: Option<Gc<PyInstance>>,
) -> PyResult<()> {
    check_depth(ts)?;
    let shape = func.shape;
    if ts.exec.stack.len() - base != shape.nlocals as usize {
        fill_locals(ts, &func, base);
    }
    ts.exec.stack.reserve(shape.stack_need as usize);
    let cells = make_cells(&func, &ts.exec.stack[base..]);
    ts.exec.frames.push(Frame { init_self, ..Frame::new(func, base, ret_sp, cells, false) });
    Ok(())
}

/// The local slots after the given arguments: defaults for missing
/// parameters, then unbound locals (out of line: a call whose arguments are
/// all its locals, the commonest, skips it).
#[inline(never)]
fn fill_locals(ts: &mut ThreadState, func: &PyFunction, base: usize) {
    let argcount = func.shape.max_args as usize;
    let given = ts.exec.stack.len() - base;
    if given < argcount {
        let first_default = argcount.saturating_sub(func.defaults.len());
        for i in given..argcount {
            let default = func.defaults.get(i - first_default).cloned().unwrap_or(Value::Null);
            ts.exec.stack.push(default);
        }
    }
    let unbound = (base + func.shape.nlocals as usize).saturating_sub(ts.exec.stack.len());
    ts.exec.stack.reserve(unbound + func.shape.stack_need as usize);
    ts.exec.stack.extend(std::iter::repeat_with(|| Value::Null).take(unbound));
}

/// `f(*args, **kwargs)` (`CallFunctionEx`).
pub(crate) fn call_ex(ts: &mut ThreadState, callable: &Value, args: &Value, kwargs: Option<&Value>) -> PyResult<Called> {
    let positional = match args {
        Value::Tuple(t) => t.items.to_vec(),
        Value::List(l) => l.items.borrow().clone(),
        other => match ts.collect_items(other) {
            Ok(items) => items,
            Err(e) if ts.lookup_special(other, "__iter__").is_none() && ts.err_matches(&e, &ts.types().type_error.clone()) => {
                let fname = super::ops::callable_name(ts, callable);
                let tname = ts.type_of(other).name.clone();
                return Err(ts.type_error(format!("{fname}() argument after * must be an iterable, not {tname}")));
            }
            Err(e) => return Err(e),
        },
    };
    let mut values = positional;
    let mut kwnames = Vec::new();
    if let Some(Value::Dict(d)) = kwargs {
        for (k, v) in d.items() {
            match k {
                Value::Str(s) => kwnames.push(s),
                _ => return Err(ts.type_error("keywords must be strings")),
            }
            values.push(v);
        }
    }
    let args = Args { values: &values, kwnames: &kwnames };
    match callable {
        Value::Function(func) if !func.code.code.is_generator => {
            let ret_sp = ts.exec.stack.len();
            push_function_frame(ts, func, args, ret_sp, false)?;
            Ok(Called::Frame)
        }
        _ => ts.call(callable, args).map(Called::Value),
    }
}
