//! Classes (`type` objects) and instances of classes defined in Python.

use std::cell::{OnceCell, RefCell};

use super::{DictTable, ExceptionData, Gc, PyDict, PyStr, Value};

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
    /// How many attributes instances have grown to (capped): new instance
    /// dicts are made that size, so `__init__` fills them without regrowth.
    pub instance_size: std::cell::Cell<u8>,
    /// Cleared attribute tables of freed instances, which new instances take
    /// first: a loop that makes and frees an instance per turn allocates and
    /// frees no table (at most `SPARE_TABLES` are kept).
    pub spare_tables: RefCell<Vec<DictTable>>,
}

/// The most spare attribute tables a class keeps, and the most attributes
/// a table kept may have held.
const SPARE_TABLES: usize = 4;
const MAX_SPARE_LEN: usize = 32;

/// Inline caches know a class by its address: one freed may not validate a
/// cache for another allocated at the same place (its dict may live on, unchanged).
impl Drop for PyType {
    fn drop(&mut self) {
        super::dict::advance_keys_epoch();
    }
}

impl PyType {
    /// Records that an instance dict now holds `len` attributes.
    #[inline]
    pub fn note_instance_size(&self, len: usize) {
        let len = len.min(32) as u8;
        if len > self.instance_size.get() {
            self.instance_size.set(len);
        }
    }

    /// An empty attribute table for a new instance: a spare one, else one
    /// of the size instances have grown to.
    #[inline]
    pub fn instance_table(&self) -> DictTable {
        if let Some(table) = self.spare_tables.try_borrow_mut().ok().and_then(|mut spare| spare.pop()) {
            return table;
        }
        DictTable::with_capacity(self.instance_size.get() as usize)
    }

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

/// An instance of a class defined in Python.
///
/// Its attribute dict lives inside the instance (one allocation fewer per
/// instance, CPython 3.11's inline values) until `__dict__` is asked for: then
/// the table moves into a dict object of its own, which the instance uses from
/// then on, so the script's `obj.__dict__` and the instance share one table.
pub struct PyInstance {
    /// Fixed for the instance's life (`__class__` cannot be assigned), so
    /// caches compare it without a borrow.
    pub class: Gc<PyType>,
    attrs: PyDict,
    shared: OnceCell<Gc<PyDict>>,
    /// Present for instances of exception classes (boxed: a plain instance
    /// stays small, so making and freeing one copies and allocates less).
    pub exception: Option<Box<RefCell<ExceptionData>>>,
}

impl PyInstance {
    /// An instance of `cls` whose dict is `attrs`.
    pub fn new(cls: Gc<PyType>, attrs: PyDict, exception: Option<RefCell<ExceptionData>>) -> PyInstance {
        PyInstance { class: cls, attrs, shared: OnceCell::new(), exception: exception.map(Box::new) }
    }

    pub fn class(&self) -> Gc<PyType> {
        self.class.clone()
    }

    /// An instance of `cls` with an empty attribute table (a spare one if the class has one).
    pub fn of_class(cls: &Gc<PyType>) -> PyInstance {
        let attrs = PyDict { table: RefCell::new(cls.instance_table()) };
        PyInstance::new(cls.clone(), attrs, None)
    }

    /// The attribute dict (inline, or the dict object `__dict__` made).
    #[inline]
    pub fn dict(&self) -> &PyDict {
        match self.shared.get() {
            Some(d) => d,
            None => &self.attrs,
        }
    }

    /// The attribute dict as an object (`obj.__dict__`), moving the inline
    /// table into it the first time. `None` only while the table is borrowed,
    /// which no caller does across Python code.
    pub fn dict_object(&self) -> Option<Gc<PyDict>> {
        if let Some(d) = self.shared.get() {
            return Some(d.clone());
        }
        let table = std::mem::take(&mut *self.attrs.table.try_borrow_mut().ok()?);
        let d = Gc::new(PyDict { table: RefCell::new(table) });
        Some(self.shared.get_or_init(|| d).clone())
    }
}

/// The inline table goes back to the class, cleared, for a new instance to
/// take (one `__dict__` moved out is shared and freed with its dict object).
impl Drop for PyInstance {
    fn drop(&mut self) {
        if self.exception.is_some() {
            // Chained through `__context__`, exceptions nest as deep as a loop runs.
            super::trashcan::free(self.exception.take());
        }
        // Large tables are not worth keeping: they are freed.
        if self.shared.get().is_some() || self.attrs.table.get_mut().len() > MAX_SPARE_LEN {
            return;
        }
        // Dropping the values may free other instances: cleared in place, in
        // this small frame, one trashcan level deeper, before the spare list
        // is borrowed; too deep, the table goes to the trashcan whole.
        let table = self.attrs.table.get_mut();
        let Some(_level) = super::trashcan::enter() else {
            return super::trashcan::defer(std::mem::take(table));
        };
        table.clear();
        keep_spare(&self.class, table);
    }
}

/// Moves a cleared table to `cls`'s spares, if it keeps fewer than `SPARE_TABLES`.
#[inline(never)]
fn keep_spare(cls: &PyType, table: &mut DictTable) {
    if let Ok(mut spare) = cls.spare_tables.try_borrow_mut() {
        if spare.len() < SPARE_TABLES {
            spare.push(std::mem::take(table));
        }
    }
}
