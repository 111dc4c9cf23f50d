//! Attribute access on any value: instance dicts, class lookup along the MRO,
//! descriptors (functions bind, properties, static and class methods),
//! `__getattr__`. (Owned by the VM.)

use super::ThreadState;
use crate::objects::{Gc, PyResult, PyStr, Value};

impl ThreadState {
    /// `obj.name`
    pub fn get_attr(&mut self, obj: &Value, name: &Gc<PyStr>) -> PyResult<Value> {
        let _ = obj;
        Err(self.attribute_error(format!("attribute '{}' lookup is not implemented yet", name.as_str())))
    }

    /// `obj.name = value`
    pub fn set_attr(&mut self, obj: &Value, name: &Gc<PyStr>, value: Value) -> PyResult<()> {
        let _ = (obj, value);
        Err(self.attribute_error(format!("attribute '{}' assignment is not implemented yet", name.as_str())))
    }

    /// `obj.name(*args)` for a method name given as Rust text.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let name = self.intern(name);
        let method = self.get_attr(obj, &name)?;
        self.call_positional(&method, args)
    }
}
