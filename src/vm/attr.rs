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

impl ThreadState {
    /// Special-method lookup, as CPython does it: on the type only (never the
    /// instance dict), unbound. `None` when the type has no such attribute.
    pub fn lookup_special(&mut self, obj: &Value, name: &str) -> Option<Value> {
        let name = self.intern(name);
        self.type_of(obj).lookup(&name)
    }

    /// Calls special method `name` of `obj` with `args` (receiver prepended),
    /// or returns `Ok(None)` when the type does not define it.
    pub fn call_special(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
        let Some(method) = self.lookup_special(obj, name) else { return Ok(None) };
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(obj.clone());
        full.extend_from_slice(args);
        self.call_positional(&method, &full).map(Some)
    }
}
