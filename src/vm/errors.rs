//! Creating exceptions from Rust: `ts.type_error("...")` and friends.

use std::cell::RefCell;

use super::ThreadState;
use crate::objects::{ExceptionData, Gc, PyDict, PyErr, PyInstance, PyType, Value};

impl ThreadState {
    /// An instance of exception class `cls` with `args`, not yet raised.
    pub fn new_exception(&mut self, cls: &Gc<PyType>, args: Vec<Value>) -> PyErr {
        let data = ExceptionData::new(Value::tuple(args));
        let exc = PyInstance::new(cls.clone(), PyDict::new(), Some(RefCell::new(data)));
        PyErr { exc: Gc::new(exc) }
    }

    /// `cls(message)`.
    pub fn new_error(&mut self, cls: &Gc<PyType>, message: impl Into<String>) -> PyErr {
        let msg = Value::str(&message.into());
        self.new_exception(cls, vec![msg])
    }
}

macro_rules! error_constructors {
    ($($method:ident => $field:ident),* $(,)?) => {
        impl ThreadState {
            $(
                pub fn $method(&mut self, message: impl Into<String>) -> PyErr {
                    let cls = self.types().$field.clone();
                    self.new_error(&cls, message)
                }
            )*
        }
    };
}

error_constructors! {
    type_error => type_error,
    value_error => value_error,
    index_error => index_error,
    attribute_error => attribute_error,
    name_error => name_error,
    unbound_local_error => unbound_local_error,
    zero_division_error => zero_division_error,
    overflow_error => overflow_error,
    runtime_error => runtime_error,
    recursion_error => recursion_error,
    not_implemented_error => not_implemented_error,
    import_error => import_error,
    module_not_found_error => module_not_found_error,
    memory_error => memory_error,
    assertion_error => assertion_error,
    os_error_msg => os_error,
    timeout_error => timeout_error,
    eof_error => eof_error,
    system_error => system_error,
}

impl ThreadState {
    /// `KeyError(key)`: the key itself is the argument, as CPython.
    pub fn key_error(&mut self, key: Value) -> PyErr {
        let cls = self.types().key_error.clone();
        self.new_exception(&cls, vec![key])
    }

    /// `StopIteration(value)`, or `StopIteration()` for `None`.
    pub fn stop_iteration(&mut self, value: Value) -> PyErr {
        let cls = self.types().stop_iteration.clone();
        let args = if value.is_none() { vec![] } else { vec![value] };
        self.new_exception(&cls, args)
    }

    /// Whether `err` is an instance of `cls` (or a subclass).
    pub fn err_matches(&self, err: &PyErr, cls: &Gc<PyType>) -> bool {
        err.exc.class().is_subtype(cls)
    }
}
