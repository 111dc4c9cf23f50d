//! `bytes`: an immutable byte string.

pub struct PyBytes {
    pub value: Box<[u8]>,
}

impl PyBytes {
    pub fn new(value: Vec<u8>) -> PyBytes {
        PyBytes { value: value.into_boxed_slice() }
    }
}
