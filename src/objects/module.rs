//! Module objects, and the helpers native modules use to fill themselves.

use super::{Gc, NativeFnPtr, NativeFunction, PyDict, PyStr, Value};
use crate::vm::ThreadState;

pub struct PyModule {
    pub name: Gc<PyStr>,
    /// The module's globals.
    pub dict: Gc<PyDict>,
}

impl PyModule {
    /// An empty module with `__name__` set.
    pub fn new(ts: &mut ThreadState, name: &str) -> Gc<PyModule> {
        let name = ts.intern(name);
        let dict = Gc::new(PyDict::new());
        dict.set_str(ts.intern("__name__"), Value::Str(name.clone()));
        Gc::new(PyModule { name, dict })
    }

    /// Sets attribute `name`.
    pub fn set(&self, ts: &mut ThreadState, name: &str, value: Value) {
        self.dict.set_str(ts.intern(name), value);
    }

    /// Adds a native function `name`.
    pub fn add_fn(&self, ts: &mut ThreadState, name: &'static str, func: NativeFnPtr) {
        let owner: &'static str = Box::leak(self.name.as_str().to_string().into_boxed_str());
        let f = Value::NativeFunction(Gc::new(NativeFunction::new(owner, name, func)));
        self.set(ts, name, f);
    }
}

/// Adds native method `name` to a builtin type's namespace.
pub fn add_method(ts: &mut ThreadState, dict: &PyDict, owner: &'static str, name: &'static str, func: NativeFnPtr) {
    let f = Value::NativeFunction(Gc::new(NativeFunction::new(owner, name, func)));
    dict.set_str(ts.intern(name), f);
}
