//! `Error`: a Python exception seen from Rust, or one a native function raises.

use std::fmt;

use crate::objects::{PyErr, Value};
use crate::vm::ThreadState;

/// What the embedding API returns: `Result<T, gilvm::Error>`.
pub type Result<T> = std::result::Result<T, Error>;

/// One frame of a traceback, outermost first.
///
/// ```
/// let interp = gilvm::Interpreter::builder().build()?;
/// let err = interp.run("def f():\n    1/0\nf()").unwrap_err();
/// let last = err.traceback().last().unwrap();
/// assert_eq!((last.function.as_str(), last.line), ("f", 2));
/// # Ok::<(), gilvm::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    /// The code's file name (`<string>` for source run from a string).
    pub file: String,
    /// The line being run in that frame.
    pub line: u32,
    /// The function's name (`<module>` for a module body).
    pub function: String,
}

/// A Python exception: its class, message and traceback. `Display` prints it
/// as CPython prints an uncaught exception (`Traceback (most recent call
/// last):` ...). It holds no script object, so it is `Send` and outlives the
/// interpreter.
///
/// A native function returns one to raise an exception of the class it names.
///
/// ```
/// let interp = gilvm::Interpreter::builder().build()?;
/// let err = interp.run("raise ValueError('bad input')").unwrap_err();
/// assert_eq!(err.class(), "ValueError");
/// assert_eq!(err.message(), "bad input");
/// assert!(err.is_instance("Exception"));
/// assert!(err.to_string().ends_with("ValueError: bad input"));
/// # Ok::<(), gilvm::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Error {
    class: String,
    /// The class and its bases, most derived first (`ValueError`, `Exception`, ...).
    mro: Vec<String>,
    message: String,
    traceback: Vec<Frame>,
    /// CPython's report, when the error came from a script.
    report: Option<String>,
}

impl Error {
    /// An exception of class `class` (a builtin name such as `"ValueError"`, a
    /// class of `__main__`, or `"module.Class"`) for a native function to raise.
    ///
    /// ```
    /// let err = gilvm::Error::new("KeyError", "no such user");
    /// assert_eq!(err.to_string(), "KeyError: no such user");
    /// ```
    pub fn new(class: impl Into<String>, message: impl Into<String>) -> Error {
        let class = class.into();
        Error { mro: vec![class.clone()], class, message: message.into(), traceback: Vec::new(), report: None }
    }

    /// The exception's class name.
    ///
    /// ```
    /// assert_eq!(gilvm::Error::new("OSError", "x").class(), "OSError");
    /// ```
    pub fn class(&self) -> &str {
        &self.class
    }

    /// `str(exception)`.
    ///
    /// ```
    /// assert_eq!(gilvm::Error::new("OSError", "disk full").message(), "disk full");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The frames the exception passed through, outermost first.
    ///
    /// ```
    /// assert!(gilvm::Error::new("OSError", "x").traceback().is_empty());
    /// ```
    pub fn traceback(&self) -> &[Frame] {
        &self.traceback
    }

    /// Whether the class is `class` or derives from it.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// let err = interp.run("import nosuchmodule").unwrap_err();
    /// assert!(err.is_instance("ModuleNotFoundError") && err.is_instance("ImportError"));
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn is_instance(&self, class: &str) -> bool {
        self.mro.iter().any(|c| c == class)
    }

    /// The Rust view of a raised exception.
    pub(crate) fn from_py(ts: &mut ThreadState, err: &PyErr) -> Error {
        let cls = err.exc.class();
        let mut mro: Vec<String> = cls.mro.iter().map(|t| t.name.clone()).collect();
        if mro.first() != Some(&cls.name) {
            mro.insert(0, cls.name.clone());
        }
        let message = match ts.to_str(&err.value()) {
            Ok(s) => s.as_str().to_string(),
            Err(_) => "<exception str() failed>".to_string(),
        };
        let traceback = err
            .data()
            .traceback
            .iter()
            .map(|e| Frame { file: e.code.filename.to_string(), line: e.line, function: e.code.name.clone() })
            .collect();
        let report = crate::vm::traceback::format_exception(ts, &err.value());
        Error { class: cls.name.clone(), mro, message, traceback, report: Some(report) }
    }

    /// The exception to raise in a script: the class is looked up in
    /// `builtins`, then `__main__`, then (for `a.b.C`) by importing `a.b`;
    /// `RuntimeError` if none is an exception class.
    pub(crate) fn to_py(&self, ts: &mut ThreadState) -> PyErr {
        let cls = find_class(ts, &self.class).unwrap_or_else(|| ts.types().runtime_error.clone());
        let args = if self.message.is_empty() { Vec::new() } else { vec![Value::str(&self.message)] };
        ts.new_exception(&cls, args)
    }
}

fn find_class(ts: &mut ThreadState, name: &str) -> Option<crate::objects::Gc<crate::objects::PyType>> {
    let base = ts.types().base_exception.clone();
    let is_exception = |v: Option<Value>| match v {
        Some(Value::Type(t)) if t.is_subtype(&base) => Some(t),
        _ => None,
    };
    let key = ts.intern(name);
    if let Some(t) = is_exception(ts.objs.builtins.get_str(&key)) {
        return Some(t);
    }
    let (module, attr) = name.rsplit_once('.').unwrap_or(("__main__", name));
    let module = crate::vm::import::import_module(ts, module).ok()?;
    let attr = ts.intern(attr);
    let found = ts.get_attr_opt(&module, &attr).ok().flatten();
    is_exception(found)
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.report {
            Some(report) => f.write_str(report.trim_end_matches('\n')),
            None if self.message.is_empty() => f.write_str(&self.class),
            None => write!(f, "{}: {}", self.class, self.message),
        }
    }
}

impl std::error::Error for Error {}
