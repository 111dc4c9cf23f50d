//! Native functions and modules: Rust closures that scripts call.
//!
//! A function is declared with a Python parameter list (`"x, factor=2, *,
//! verbose=False"`): the interpreter compiles it once, as a `lambda`, and
//! binds each call's arguments with the same code that binds a Python
//! function's — so keyword arguments, defaults and the `TypeError`s for
//! missing or unexpected arguments are exactly CPython's. The bound
//! parameters, in order, are converted to the closure's argument tuple.

use std::sync::Arc;

use super::attached::Attached;
use super::convert::{FromArgs, IntoValue};
use super::error::{Error, Result};
use super::object::Object;
use crate::objects::{Args, Gc, NativeFunction, NativeImpl, PyDict, PyFunction, PyModule, Value};
use crate::vm::ThreadState;

type Erased = Arc<dyn for<'py> Fn(&mut Attached<'py>, Vec<Object<'py>>) -> Result<Object<'py>> + Send + Sync>;

/// A native function as declared: installed afresh in every interpreter built with it.
#[derive(Clone)]
pub(crate) struct NativeFn {
    name: String,
    signature: String,
    call: Erased,
}

impl NativeFn {
    pub(crate) fn name(&self) -> &str {
        &self.name
    }

    pub(crate) fn new<A, R, F>(name: &str, signature: &str, f: F) -> NativeFn
    where
        A: for<'py> FromArgs<'py>,
        R: for<'py> IntoValue<'py>,
        F: Fn(&mut Attached<'_>, A) -> Result<R> + Send + Sync + 'static,
    {
        let call: Erased = Arc::new(move |py, args| {
            let args = A::from_objects(args, py)?;
            f(py, args)?.into_object(py)
        });
        NativeFn { name: name.to_string(), signature: signature.to_string(), call }
    }

    pub(crate) fn raw<F>(name: &str, signature: &str, f: F) -> NativeFn
    where
        F: for<'py> Fn(&mut Attached<'py>, Vec<Object<'py>>) -> Result<Object<'py>> + Send + Sync + 'static,
    {
        NativeFn { name: name.to_string(), signature: signature.to_string(), call: Arc::new(f) }
    }

    /// The function object for the interpreter `ts` is attached to.
    pub(crate) fn instantiate(&self, ts: &mut ThreadState, owner: &str) -> Result<Value> {
        let sig = parameters(ts, &self.name, &self.signature)?;
        let code = &sig.code.code;
        let bound = (code.argcount + code.kwonlyargcount) as usize + code.varargs as usize + code.varkeywords as usize;
        let nslots = sig.code.varnames.len();
        let call = self.call.clone();
        let closure = move |ts: &mut ThreadState, args: Args<'_>| {
            let mut slots = vec![Value::Null; nslots];
            if let Err(message) = crate::vm::call::bind_args(&sig, args, &mut slots) {
                return Err(ts.type_error(message));
            }
            slots.truncate(bound);
            let mut py = Attached::new(ts, true);
            let objects = slots.into_iter().map(|v| Object::new(&py, v)).collect();
            match call(&mut py, objects) {
                Ok(result) => Ok(result.value),
                Err(e) => Err(e.to_py(py.ts)),
            }
        };
        let leak = |s: &str| -> &'static str { Box::leak(s.to_string().into_boxed_str()) };
        let function = NativeFunction { name: leak(&self.name), owner: leak(owner), func: NativeImpl::Closure(Box::new(closure)) };
        Ok(Value::NativeFunction(Gc::new(function)))
    }
}

/// Compiles `lambda <signature>: None` named `name`: the parameter binder.
fn parameters(ts: &mut ThreadState, name: &str, signature: &str) -> Result<Gc<PyFunction>> {
    let globals = Gc::new(PyDict::new());
    globals.set_str(ts.intern("__builtins__"), Value::Dict(ts.objs.builtins.clone()));
    let source = format!("lambda {signature}: None");
    let made = crate::vm::run::run_source_in(ts, &source, "<signature>", crate::frontend::Mode::Eval, &globals, None);
    match made {
        Ok(Value::Function(f)) => {
            *f.name.borrow_mut() = ts.intern(name);
            *f.qualname.borrow_mut() = ts.intern(name);
            Ok(f)
        }
        Ok(_) => Err(Error::new("SystemError", "a lambda did not make a function")),
        Err(e) => Err(Error::from_py(ts, &e)),
    }
}

/// A module written in Rust that scripts can `import`: native functions and
/// exception classes, added to every interpreter built with it.
///
/// ```
/// let greet = gilvm::NativeModule::new("greet")
///     .exception("GreetError", "ValueError")
///     .function("hello", "name, *, times=1", |_py, (name, times): (String, usize)| {
///         if name.is_empty() {
///             return Err(gilvm::Error::new("greet.GreetError", "empty name"));
///         }
///         Ok(format!("hello {name}").repeat(times))
///     });
/// let interp = gilvm::Interpreter::builder().module(greet).build()?;
/// interp.run("import greet\nr = greet.hello('bo', times=2)")?;
/// assert_eq!(interp.global::<String>("r")?, "hello bohello bo");
/// let err = interp.run("greet.hello('')").unwrap_err();
/// assert_eq!((err.class(), err.message()), ("GreetError", "empty name"));
/// assert!(err.is_instance("ValueError"));
/// let err = interp.run("greet.hello()").unwrap_err();
/// assert_eq!(err.message(), "hello() missing 1 required positional argument: 'name'");
/// # Ok::<(), gilvm::Error>(())
/// ```
#[derive(Clone)]
pub struct NativeModule {
    name: String,
    functions: Vec<NativeFn>,
    /// `(name, base)` of each exception class.
    exceptions: Vec<(String, String)>,
}

impl NativeModule {
    /// An empty module named `name`.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().module(gilvm::NativeModule::new("empty")).build()?;
    /// assert_eq!(interp.eval::<String>("__import__('empty').__name__")?, "empty");
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn new(name: &str) -> NativeModule {
        NativeModule { name: name.to_string(), functions: Vec::new(), exceptions: Vec::new() }
    }

    /// Adds function `name` with the Python parameter list `signature`
    /// (defaults are Python expressions, evaluated once). The closure gets
    /// the attached thread and the parameters converted to `A`, a tuple with
    /// one [`FromValue`](crate::FromValue) type per parameter; an `Err` is
    /// raised in the script as an exception of the class it names. A closure
    /// that blocks should do so inside [`Attached::allow_threads`].
    ///
    /// ```
    /// let m = gilvm::NativeModule::new("host").function("pause", "ms", |py, (ms,): (u64,)| {
    ///     py.allow_threads(move || std::thread::sleep(std::time::Duration::from_millis(ms)));
    ///     Ok(())
    /// });
    /// let interp = gilvm::Interpreter::builder().module(m).build()?;
    /// interp.run("import host\nhost.pause(1)")?;
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn function<A, R, F>(mut self, name: &str, signature: &str, f: F) -> NativeModule
    where
        A: for<'py> FromArgs<'py>,
        R: for<'py> IntoValue<'py>,
        F: Fn(&mut Attached<'_>, A) -> Result<R> + Send + Sync + 'static,
    {
        self.functions.push(NativeFn::new(name, signature, f));
        self
    }

    /// Adds function `name` whose closure takes the bound parameters as
    /// script objects and returns one: for functions that take callables
    /// or objects of any type.
    ///
    /// ```
    /// let m = gilvm::NativeModule::new("fx").raw_function("apply", "f, x", |py, args| {
    ///     let [f, x]: [gilvm::Object; 2] = args.try_into().map_err(|_| gilvm::Error::new("TypeError", "two arguments"))?;
    ///     f.call(py, (x,))
    /// });
    /// let interp = gilvm::Interpreter::builder().module(m).build()?;
    /// assert_eq!(interp.eval::<i64>("__import__('fx').apply(abs, -4)")?, 4);
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn raw_function<F>(mut self, name: &str, signature: &str, f: F) -> NativeModule
    where
        F: for<'py> Fn(&mut Attached<'py>, Vec<Object<'py>>) -> Result<Object<'py>> + Send + Sync + 'static,
    {
        self.functions.push(NativeFn::raw(name, signature, f));
        self
    }

    /// Adds exception class `name`, derived from the builtin exception `base`;
    /// a function raises it with `Error::new("<module>.<name>", message)`.
    ///
    /// ```
    /// let m = gilvm::NativeModule::new("db").exception("DbError", "Exception");
    /// let interp = gilvm::Interpreter::builder().module(m).build()?;
    /// assert!(interp.eval::<bool>("issubclass(__import__('db').DbError, Exception)")?);
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn exception(mut self, name: &str, base: &str) -> NativeModule {
        self.exceptions.push((name.to_string(), base.to_string()));
        self
    }

    /// Creates the module in the interpreter `ts` is attached to and registers it in `sys.modules`.
    pub(crate) fn install(&self, ts: &mut ThreadState) -> Result<()> {
        let module = PyModule::new(ts, &self.name);
        for (name, base) in &self.exceptions {
            let source = format!("class {name}({base}): pass");
            if let Err(e) = crate::vm::run::run_source_in(ts, &source, "<native module>", crate::frontend::Mode::File, &module.dict, None) {
                return Err(Error::from_py(ts, &e));
            }
        }
        for f in &self.functions {
            let value = f.instantiate(ts, &self.name)?;
            module.set(ts, &f.name, value);
        }
        let key = ts.intern(&self.name);
        ts.objs.modules.set_str(key, Value::Module(module));
        Ok(())
    }
}
