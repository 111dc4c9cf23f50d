//! Calling any callable value. (Owned by the VM: Python functions, classes,
//! bound methods, `__call__`.)

use super::ThreadState;
use crate::objects::{Args, PyResult, Value};

impl ThreadState {
    /// `f(*args)` with keyword arguments as in `Args`.
    pub fn call(&mut self, f: &Value, args: Args<'_>) -> PyResult<Value> {
        match f {
            Value::NativeFunction(nf) => nf.clone().call(self, args),
            _ => Err(self.type_error("calling this object is not implemented yet")),
        }
    }

    /// `f(*args)` with positional arguments only.
    pub fn call_positional(&mut self, f: &Value, args: &[Value]) -> PyResult<Value> {
        self.call(f, Args::positional_only(args))
    }
}
