//! Callables: Python functions, native functions, bound methods, and the
//! descriptors `property`, `staticmethod`, `classmethod` (see `Value`), plus cells.

use std::cell::RefCell;

use super::{CodeObject, Gc, PyDict, PyStr, Value};
use crate::vm::{PyResult, ThreadState};

/// A function defined with `def` or `lambda`.
pub struct PyFunction {
    pub code: Gc<CodeObject>,
    pub globals: Gc<PyDict>,
    pub name: RefCell<Gc<PyStr>>,
    pub qualname: RefCell<Gc<PyStr>>,
    /// Defaults of the last positional parameters.
    pub defaults: Box<[Value]>,
    /// Defaults of keyword-only parameters, by name.
    pub kwdefaults: Option<Gc<PyDict>>,
    /// One cell per `code.freevars` entry (shared with the frames that run it).
    pub closure: Gc<[Gc<PyCell>]>,
    /// `__dict__`, `__doc__`, `__module__` and attributes set by decorators.
    pub dict: Gc<PyDict>,
    /// What a call needs from the code, read here without going through it.
    pub shape: CallShape,
}

/// Facts about a function's calls, fixed when it is made (its code and
/// defaults cannot change), so the eval loop's call path reads one struct.
#[derive(Clone, Copy)]
pub struct CallShape {
    /// How many positional arguments may be passed for the frame to take
    /// them in place as its first locals (missing ones from the defaults):
    /// `min_args..=max_args`, empty (`1..=0`) when the function has
    /// keyword-only, `*args` or `**kwargs` parameters or is a generator.
    pub min_args: u32,
    pub max_args: u32,
    /// Local slots of its frame.
    pub nlocals: u32,
    /// Value-stack slots its operand stack may need beyond the locals.
    pub stack_need: u32,
    /// The frame makes cells of its own (else the closure is its deref space).
    pub has_cellvars: bool,
    /// Calling it makes a generator (its frame returns to a generator's caller).
    pub is_generator: bool,
}

impl CallShape {
    pub fn of(code: &crate::bytecode::Code, ndefaults: usize) -> CallShape {
        let argcount = code.argcount;
        let simple = code.kwonlyargcount == 0 && !code.varargs && !code.varkeywords && !code.is_generator;
        let (min_args, max_args) = if simple { (argcount.saturating_sub(ndefaults as u32), argcount) } else { (1, 0) };
        CallShape {
            min_args,
            max_args,
            nlocals: code.nlocals() as u32,
            stack_need: code.max_stack + 1,
            has_cellvars: !code.cellvars.is_empty(),
            is_generator: code.is_generator,
        }
    }
}

impl PyFunction {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        code: Gc<CodeObject>,
        globals: Gc<PyDict>,
        name: Gc<PyStr>,
        qualname: Gc<PyStr>,
        defaults: Box<[Value]>,
        kwdefaults: Option<Gc<PyDict>>,
        closure: Gc<[Gc<PyCell>]>,
    ) -> PyFunction {
        let shape = CallShape::of(&code.code, defaults.len());
        PyFunction {
            code,
            globals,
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            defaults,
            kwdefaults,
            closure,
            dict: Gc::new(PyDict::new()),
            shape,
        }
    }
}

/// A variable captured by a closure. `Value::Null` while unbound.
pub struct PyCell {
    pub value: RefCell<Value>,
}

/// The content is freed through the trashcan (a chain of closures, each holding the last).
impl Drop for PyCell {
    fn drop(&mut self) {
        super::trashcan::free(std::mem::replace(self.value.get_mut(), Value::Null));
    }
}

impl PyCell {
    pub fn new(value: Value) -> PyCell {
        PyCell { value: RefCell::new(value) }
    }
}

/// The arguments of a call, without copying them off the VM stack
/// (the "vectorcall" convention): positional arguments, then the values of
/// the keyword arguments, whose names are `kwnames`. A method's receiver is
/// `values[0]`.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub values: &'a [Value],
    pub kwnames: &'a [Gc<PyStr>],
}

impl<'a> Args<'a> {
    pub fn positional_only(values: &'a [Value]) -> Args<'a> {
        Args { values, kwnames: &[] }
    }

    /// The positional arguments.
    pub fn positional(&self) -> &'a [Value] {
        &self.values[..self.values.len() - self.kwnames.len()]
    }

    /// `(name, value)` for each keyword argument.
    pub fn keywords(&self) -> impl Iterator<Item = (&'a Gc<PyStr>, &'a Value)> {
        let start = self.values.len() - self.kwnames.len();
        self.kwnames.iter().zip(&self.values[start..])
    }

    /// The value of keyword argument `name`, if given.
    pub fn keyword(&self, name: &str) -> Option<&'a Value> {
        self.keywords().find(|(k, _)| k.as_str() == name).map(|(_, v)| v)
    }
}

pub type NativeFnPtr = fn(&mut ThreadState, Args<'_>) -> PyResult<Value>;
pub type NativeClosure = Box<dyn Fn(&mut ThreadState, Args<'_>) -> PyResult<Value>>;
/// A method taking its receiver alone, moved in.
pub type Method0Ptr = fn(&mut ThreadState, Value) -> PyResult<Value>;
/// A method taking its receiver and one argument, both moved in.
pub type Method1Ptr = fn(&mut ThreadState, Value, Value) -> PyResult<Value>;

pub enum NativeImpl {
    Fn(NativeFnPtr),
    /// Host-registered closures (the embedding API).
    Closure(NativeClosure),
    /// A method of fixed arity, CPython's `METH_NOARGS` (`s.upper()`) and
    /// `METH_O` (`l.append(x)`): the eval loop moves the receiver and the
    /// argument off its stack into the call, with no `Args` to build, no
    /// arity to parse and nothing to drop afterwards (`call::call_method`);
    /// an append moves its argument into the list. Any other shape of call
    /// is an arity error, worded as `builtins::args::method` words it.
    Method0(Method0Ptr),
    Method1(Method1Ptr),
    /// A method whose commonest call has one argument (`s.startswith(p)`):
    /// that call from the eval loop through the first, as `Method1`; every
    /// call through the second, which takes any arguments.
    Method1Or(Method1Ptr, NativeFnPtr),
}

/// A function implemented in Rust. As a class attribute it binds like a
/// Python function: `"a".upper` is a bound method whose receiver is passed
/// as the first argument.
pub struct NativeFunction {
    pub name: &'static str,
    /// Owning type or module name, for `repr` and error messages.
    pub owner: &'static str,
    pub func: NativeImpl,
}

impl NativeFunction {
    pub fn new(owner: &'static str, name: &'static str, func: NativeFnPtr) -> NativeFunction {
        NativeFunction { name, owner, func: NativeImpl::Fn(func) }
    }

    #[inline]
    pub fn call(&self, ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
        match &self.func {
            NativeImpl::Fn(f) => f(ts, args),
            _ => self.call_other(ts, args),
        }
    }

    /// `call` of anything but a plain function pointer (out of line: the
    /// eval loop's native calls inline the first).
    #[inline(never)]
    fn call_other(&self, ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
        match &self.func {
            NativeImpl::Fn(f) => f(ts, args),
            NativeImpl::Closure(f) => f(ts, args),
            NativeImpl::Method0(_) | NativeImpl::Method1(_) | NativeImpl::Method1Or(..) if args.values.is_empty() => {
                Err(ts.type_error(format!("unbound method {}.{}() needs an argument", self.owner, self.name)))
            }
            NativeImpl::Method1Or(_, f) => f(ts, args),
            NativeImpl::Method0(f) => {
                let receiver = crate::builtins::args::method0(ts, self.name, args)?;
                f(ts, receiver.clone())
            }
            NativeImpl::Method1(f) => {
                let (receiver, arg) = crate::builtins::args::method1(ts, self.name, args)?;
                f(ts, receiver.clone(), arg.clone())
            }
        }
    }
}

/// `obj.method` for a function found on `obj`'s class.
pub struct BoundMethod {
    pub func: Value,
    pub receiver: Value,
}

/// `property(fget, fset, fdel, doc)`; absent accessors are `Value::None`.
pub struct PyProperty {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}
