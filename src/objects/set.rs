//! `set` and `frozenset`, stored like a dict without values.

use std::cell::RefCell;

use super::DictTable;

pub struct PySet {
    /// Keys with `Value::None` as the (unused) value.
    pub table: RefCell<DictTable>,
    pub frozen: bool,
}

impl PySet {
    pub fn new(frozen: bool) -> PySet {
        PySet { table: RefCell::new(DictTable::new()), frozen }
    }
}
