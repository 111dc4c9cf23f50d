//! The state every exception instance carries, and `PyErr`, the Rust side of
//! a raised exception.

use std::sync::Arc;

use super::{Gc, PyInstance, Value};
use crate::bytecode::{Code, Span};

/// One line of a traceback: a frame that the exception passed through.
#[derive(Clone)]
pub struct TraceEntry {
    pub code: Arc<Code>,
    pub line: u32,
    /// The columns of the expression that raised, for the `^^^` marks.
    pub span: Option<Span>,
}

impl TraceEntry {
    /// The entry for instruction `pc` of `code`.
    pub fn at(code: Arc<Code>, pc: usize) -> TraceEntry {
        TraceEntry { line: code.line_of(pc), span: code.span_of(pc), code }
    }
}

pub struct ExceptionData {
    /// Always a tuple.
    pub args: Value,
    /// `raise ... from cause`: an exception instance or `None`.
    pub cause: Value,
    /// The exception being handled when this one was raised, or `None`.
    pub context: Value,
    pub suppress_context: bool,
    /// Innermost frame last, as printed.
    pub traceback: Vec<TraceEntry>,
}

impl ExceptionData {
    pub fn new(args: Value) -> ExceptionData {
        ExceptionData {
            args,
            cause: Value::None,
            context: Value::None,
            suppress_context: false,
            traceback: Vec::new(),
        }
    }
}

/// A raised Python exception travelling up the Rust stack as `Err`.
/// It always holds an instance whose class derives from `BaseException`.
#[derive(Clone)]
pub struct PyErr {
    pub exc: Gc<PyInstance>,
}

impl PyErr {
    pub fn value(&self) -> Value {
        Value::Instance(self.exc.clone())
    }

    pub fn class_name(&self) -> String {
        self.exc.class().name.clone()
    }

    pub fn data(&self) -> std::cell::RefMut<'_, ExceptionData> {
        self.exc.exception.as_ref().expect("PyErr holds an exception instance").borrow_mut()
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({})", self.class_name())
    }
}

pub type PyResult<T> = Result<T, PyErr>;
