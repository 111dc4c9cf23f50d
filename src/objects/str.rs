//! `str`: immutable Unicode text with a cached hash.

use std::cell::Cell;

pub struct PyStr {
    value: Box<str>,
    /// Number of characters (not bytes); equal to the byte length for ASCII text,
    /// which makes indexing O(1) in the common case.
    char_len: usize,
    /// Cached `hash(s)`; `-1` until first computed (as CPython).
    hash: Cell<i64>,
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr { char_len: s.chars().count(), value: s.into(), hash: Cell::new(-1) }
    }

    pub fn from_string(s: String) -> PyStr {
        PyStr { char_len: s.chars().count(), value: s.into_boxed_str(), hash: Cell::new(-1) }
    }

    pub fn as_str(&self) -> &str {
        &self.value
    }

    pub fn char_len(&self) -> usize {
        self.char_len
    }

    pub fn is_ascii(&self) -> bool {
        self.char_len == self.value.len()
    }

    /// Python's `hash(s)`. CPython randomises string hashes per process, so any
    /// good hash is faithful; this one is FNV-1a, cached after the first call.
    pub fn hash_value(&self) -> i64 {
        let cached = self.hash.get();
        if cached != -1 {
            return cached;
        }
        let h = super::bytes::hash_bytes(self.value.as_bytes());
        self.hash.set(h);
        h
    }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        self.value == other.value
    }
}
