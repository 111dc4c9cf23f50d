//! `Attached<'py>`: a thread attached to an interpreter and holding its GIL —
//! the door to everything a host does with scripts.

use super::convert::{FromValue, IntoArgs, IntoValue};
use super::error::{Error, Result};
use super::object::Object;
use crate::frontend::Mode;
use crate::objects::{Gc, PyDict, PyModule, PyResult, Value};
use crate::vm::gil_stats::BlockingKind;
use crate::vm::ThreadState;

/// The current thread, attached to an interpreter: it holds the interpreter's
/// GIL for as long as `'py` lasts. Every use of a script object goes through
/// one (the GIL rule), and [`Object`]s cannot outlive it.
///
/// The host gets one from [`Interpreter::with`](crate::Interpreter::with) or
/// [`Interpreter::attach`](crate::Interpreter::attach); a native function
/// receives one as its first argument.
///
/// ```
/// let interp = gilvm::Interpreter::builder().build()?;
/// interp.with(|py| {
///     py.run("total = sum(range(10))")?;
///     assert_eq!(py.global::<i64>("total")?, 45);
///     Ok(())
/// })
/// # ;Ok::<(), gilvm::Error>(())
/// ```
pub struct Attached<'py> {
    pub(crate) ts: &'py mut ThreadState,
    /// A native function's view: a call from here is not a new host call,
    /// so it does not restart the instruction budget.
    nested: bool,
}

impl<'py> Attached<'py> {
    pub(crate) fn new(ts: &'py mut ThreadState, nested: bool) -> Attached<'py> {
        Attached { ts, nested }
    }

    /// Starts a host call (anything that may run script code: `run`,
    /// `eval`, `call`, `import`, attribute access, `repr`...): a new
    /// instruction budget — not for calls a native function makes, which run
    /// inside the script's.
    pub(crate) fn enter_call(&mut self) {
        if !self.nested {
            self.ts.interp.reset_budget();
        }
    }

    pub(crate) fn wrap(&mut self, result: PyResult<Value>) -> Result<Object<'py>> {
        match result {
            Ok(value) => Ok(Object::new(self, value)),
            Err(e) => Err(Error::from_py(self.ts, &e)),
        }
    }

    pub(crate) fn check<T>(&mut self, result: PyResult<T>) -> Result<T> {
        result.map_err(|e| Error::from_py(self.ts, &e))
    }

    /// The `__main__` module's namespace (created on first use).
    fn main_dict(&mut self) -> Gc<PyDict> {
        let key = self.ts.intern("__main__");
        match self.ts.objs.modules.get_str(&key) {
            Some(Value::Module(m)) => m.dict.clone(),
            _ => crate::vm::run::main_module(self.ts, None).dict.clone(),
        }
    }

    fn exec_in(&mut self, source: &str, filename: &str, mode: Mode, globals: &Gc<PyDict>) -> Result<Object<'py>> {
        self.enter_call();
        let result = crate::vm::run::run_source_in(self.ts, source, filename, mode, globals, Some(globals.clone()));
        self.wrap(result)
    }

    /// Runs `source` in `__main__` (its globals persist between runs).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.with(|py| {
    ///     py.run("x = 1")?;
    ///     py.run("x += 1")?;
    ///     assert_eq!(py.global::<i64>("x")?, 2);
    ///     Ok(())
    /// })
    /// # ;Ok::<(), gilvm::Error>(())
    /// ```
    pub fn run(&mut self, source: &str) -> Result<()> {
        let globals = self.main_dict();
        self.exec_in(source, "<string>", Mode::File, &globals).map(drop)
    }

    /// Runs the file at `path` as `__main__` (`__file__` set; its directory
    /// is where its imports are looked for).
    ///
    /// ```
    /// let path = std::env::temp_dir().join(format!("gilvm_doc_{}.py", std::process::id()));
    /// std::fs::write(&path, "answer = 6 * 7\n").unwrap();
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.with(|py| py.run_file(&path))?;
    /// assert_eq!(interp.global::<i64>("answer")?, 42);
    /// # std::fs::remove_file(&path).ok();
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn run_file(&mut self, path: impl AsRef<std::path::Path>) -> Result<()> {
        let path = path.as_ref();
        let source = std::fs::read_to_string(path).map_err(|e| Error::new("OSError", format!("{}: {e}", path.display())))?;
        let filename = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let dir = filename.parent().map(|d| d.to_string_lossy().into_owned());
        crate::vm::run::set_argv(self.ts, &[filename.to_string_lossy().into_owned()], dir.as_deref());
        let filename = filename.to_string_lossy().into_owned();
        let globals = self.main_dict();
        globals.set_str(self.ts.intern("__file__"), Value::str(&filename));
        self.exec_in(&source, &filename, Mode::File, &globals).map(drop)
    }

    /// Runs `source` as the body of a new module `name`, registered in
    /// `sys.modules` (so scripts can `import` it), and returns the module.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.with(|py| {
    ///     py.run_module("shapes", "def area(w, h):\n    return w * h")?;
    ///     py.run("import shapes\nprint_me = shapes.area(2, 3)")?;
    ///     assert_eq!(py.global::<i64>("print_me")?, 6);
    ///     Ok(())
    /// })
    /// # ;Ok::<(), gilvm::Error>(())
    /// ```
    pub fn run_module(&mut self, name: &str, source: &str) -> Result<Object<'py>> {
        let module = PyModule::new(self.ts, name);
        module.set(self.ts, "__builtins__", Value::Dict(self.ts.objs.builtins.clone()));
        let key = self.ts.intern(name);
        self.ts.objs.modules.set_str(key.clone(), Value::Module(module.clone()));
        let filename = format!("<{name}>");
        if let Err(e) = self.exec_in(source, &filename, Mode::File, &module.dict) {
            self.ts.objs.modules.del_str(&key);
            return Err(e);
        }
        Ok(Object::new(self, Value::Module(module)))
    }

    /// Evaluates the expression `expr` in `__main__` and converts the result.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// let big: num_bigint::BigInt = interp.with(|py| py.eval("2 ** 100"))?;
    /// assert_eq!(big.to_string(), "1267650600228229401496703205376");
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn eval<T: FromValue<'py>>(&mut self, expr: &str) -> Result<T> {
        let globals = self.main_dict();
        let obj = self.exec_in(expr, "<string>", Mode::Eval, &globals)?;
        T::from_object(obj, self)
    }

    /// The global `name` of `__main__`; a `NameError` if there is none.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.with(|py| {
    ///     py.run("greeting = 'hi'")?;
    ///     assert_eq!(py.global::<String>("greeting")?, "hi");
    ///     assert_eq!(py.global::<i64>("nope").unwrap_err().class(), "NameError");
    ///     Ok(())
    /// })
    /// # ;Ok::<(), gilvm::Error>(())
    /// ```
    pub fn global<T: FromValue<'py>>(&mut self, name: &str) -> Result<T> {
        let globals = self.main_dict();
        let key = self.ts.intern(name);
        match globals.get_str(&key) {
            Some(value) => {
                let obj = Object::new(self, value);
                T::from_object(obj, self)
            }
            None => Err(Error::new("NameError", format!("name '{name}' is not defined"))),
        }
    }

    /// Sets the global `name` of `__main__`.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.with(|py| {
    ///     py.set_global("limit", 10)?;
    ///     assert_eq!(py.eval::<i64>("limit * 2")?, 20);
    ///     Ok(())
    /// })
    /// # ;Ok::<(), gilvm::Error>(())
    /// ```
    pub fn set_global(&mut self, name: &str, value: impl IntoValue<'py>) -> Result<()> {
        let value = value.into_object(self)?.value_in(self)?.clone();
        let globals = self.main_dict();
        globals.set_str(self.ts.intern(name), value);
        Ok(())
    }

    /// Imports module `name` (dotted names allowed) as `import` does.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.with(|py| {
    ///     let math = py.import("math")?;
    ///     let root: f64 = math.call_method(py, "sqrt", (16.0,))?.extract(py)?;
    ///     assert_eq!(root, 4.0);
    ///     Ok(())
    /// })
    /// # ;Ok::<(), gilvm::Error>(())
    /// ```
    pub fn import(&mut self, name: &str) -> Result<Object<'py>> {
        self.enter_call();
        let result = crate::vm::import::import_module(self.ts, name);
        self.wrap(result)
    }

    /// Calls the function `name` of `__main__` with `args` and converts the result.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.with(|py| {
    ///     py.run("def greet(name, punct='!'):\n    return 'hello ' + name + punct")?;
    ///     assert_eq!(py.call::<String>("greet", ("ann",))?, "hello ann!");
    ///     Ok(())
    /// })
    /// # ;Ok::<(), gilvm::Error>(())
    /// ```
    pub fn call<T: FromValue<'py>>(&mut self, name: &str, args: impl IntoArgs<'py>) -> Result<T> {
        let func: Object<'py> = self.global(name)?;
        let result = func.call(self, args)?;
        T::from_object(result, self)
    }

    /// Converts a Rust value to a script object.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.with(|py| {
    ///     let obj = py.object(vec!["a", "b"])?;
    ///     assert_eq!(obj.repr(py)?, "['a', 'b']");
    ///     Ok(())
    /// })
    /// # ;Ok::<(), gilvm::Error>(())
    /// ```
    pub fn object(&mut self, value: impl IntoValue<'py>) -> Result<Object<'py>> {
        value.into_object(self)
    }

    /// Runs the blocking call `f` with the GIL released, so the
    /// interpreter's other threads run meanwhile — the same guard the
    /// builtins use for `sleep` and I/O. `f` must be `Send`, so it cannot
    /// capture an [`Object`] (nor this `Attached`, which is borrowed):
    /// script objects cannot be touched while the GIL is released.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// let n = interp.with(|py| Ok(py.allow_threads(|| (1..=10u64).product::<u64>())))?;
    /// assert_eq!(n, 3628800);
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn allow_threads<F: FnOnce() -> R + Send, R: Send>(&mut self, f: F) -> R {
        self.ts.allow_threads_as(BlockingKind::Other, f)
    }

    /// `threading.get_ident()` of this thread (what an
    /// [`InterruptHandle`](crate::InterruptHandle) aims at).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// let (a, b) = interp.with(|py| Ok((py.thread_ident(), py.eval::<u64>("__import__('threading').get_ident()")?)))?;
    /// assert_eq!(a, b);
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn thread_ident(&self) -> u64 {
        self.ts.ident()
    }
}
