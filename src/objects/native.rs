//! Objects implemented in Rust that have a Python class: locks, files, sockets.

use std::any::Any;

use super::{Gc, PyDict, PyType};

pub struct NativeObject {
    pub class: Gc<PyType>,
    /// The Rust state; methods downcast it (`data.downcast_ref::<Lock>()`).
    pub data: Box<dyn Any>,
    /// Attributes set from Python, for classes that allow them.
    pub dict: Option<Gc<PyDict>>,
}

impl NativeObject {
    pub fn downcast<T: 'static>(&self) -> Option<&T> {
        self.data.downcast_ref::<T>()
    }
}
