//! `list`: a mutable sequence.

use std::cell::RefCell;

use super::Value;

pub struct PyList {
    /// Never hold a borrow across a call back into Python code (a `__eq__`,
    /// a key function): that code may touch the same list.
    pub items: RefCell<Vec<Value>>,
}

/// Items are freed through the trashcan: a list nested a million deep is freed iteratively.
impl Drop for PyList {
    fn drop(&mut self) {
        super::trashcan::free(std::mem::take(self.items.get_mut()));
    }
}

impl PyList {
    pub fn new(items: Vec<Value>) -> PyList {
        PyList { items: RefCell::new(items) }
    }

    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.borrow().is_empty()
    }
}
