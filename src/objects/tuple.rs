//! `tuple`: an immutable sequence.

use super::Value;

pub struct PyTuple {
    pub items: Box<[Value]>,
}

/// Items are freed through the trashcan (see `PyList`'s `Drop`).
impl Drop for PyTuple {
    fn drop(&mut self) {
        super::trashcan::free(std::mem::take(&mut self.items));
    }
}

impl PyTuple {
    pub fn new(items: Vec<Value>) -> PyTuple {
        PyTuple { items: items.into_boxed_slice() }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}
