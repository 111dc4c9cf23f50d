//! Classes (`type` objects); their instances are in `instance.rs`.

use super::instance::SharedKeys;
use super::{Gc, PyDict, PyStr, Value};

/// What the instances of a type are made of: the builtin "solid base" of the
/// type. A class defined in Python has the layout of the builtin it derives from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Plain instances (`PyInstance` with a `__dict__`).
    Object,
    /// `BaseException` and subclasses (`PyInstance` with `ExceptionData`).
    Exception,
    /// A builtin type whose values are another `Value` variant (int, str, list...);
    /// Python classes cannot derive from these yet.
    Builtin,
}

pub struct PyType {
    pub name: String,
    pub qualname: String,
    pub bases: Vec<Gc<PyType>>,
    /// The method resolution order (C3), *excluding* the type itself, which would
    /// make a reference cycle; `PyType::mro_iter` yields the full order.
    pub mro: Vec<Gc<PyType>>,
    /// Class attributes, methods and descriptors.
    pub dict: Gc<PyDict>,
    pub layout: Layout,
    /// Builtin types reject attribute assignment (`str.x = 1` is a `TypeError`).
    pub builtin: bool,
    /// The attribute names its instances share (CPython's shared keys).
    pub instance_keys: SharedKeys,
}

/// Inline caches know a class by its address: one freed may not validate a
/// cache for another allocated at the same place (its dict may live on, unchanged).
impl Drop for PyType {
    fn drop(&mut self) {
        super::dict::advance_keys_epoch();
    }
}

impl PyType {
    /// The type itself, then its MRO.
    pub fn mro_iter(&self) -> impl Iterator<Item = &PyType> {
        std::iter::once(self).chain(self.mro.iter().map(|t| &**t))
    }

    /// Looks `name` up along the MRO (class attributes only, no instance dict).
    pub fn lookup(&self, name: &PyStr) -> Option<Value> {
        self.mro_iter().find_map(|t| t.dict.get_str(name))
    }

    /// Whether `self` is `other` or derives from it.
    pub fn is_subtype(&self, other: &PyType) -> bool {
        self.mro_iter().any(|t| std::ptr::eq(t, other))
    }
}
