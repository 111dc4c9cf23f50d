//! `str`: immutable Unicode text with a cached hash.
//!
//! The text lives in a `CompactString`: up to 24 bytes are stored inside the
//! `PyStr` itself, so a short string (names, keys, words, digits) is one heap
//! allocation — the `Rc` box — instead of two. Longer text has its own buffer.

use std::cell::Cell;

use compact_str::CompactString;

use super::Gc;

/// Text up to this many bytes is stored inside the `PyStr` (`CompactString`'s inline capacity).
const INLINE_BYTES: usize = std::mem::size_of::<CompactString>();

pub struct PyStr {
    value: CompactString,
    /// Number of characters (not bytes); equal to the byte length for ASCII text,
    /// which makes indexing O(1) in the common case.
    char_len: usize,
    /// Cached `hash(s)`; `-1` until first computed (as CPython).
    hash: Cell<i64>,
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr { char_len: count_chars(s), value: CompactString::new(s), hash: Cell::new(-1) }
    }

    /// A piece of text known to be ASCII (cut from an ASCII string at ASCII
    /// bytes, as `split` does): its character count is its length, no scan.
    pub fn ascii_piece(s: &str) -> PyStr {
        debug_assert!(s.is_ascii());
        PyStr { char_len: s.len(), value: CompactString::new(s), hash: Cell::new(-1) }
    }

    pub fn from_string(mut s: String) -> PyStr {
        // Long text keeps its buffer; trim what a builder over-reserved, since
        // the string is immutable from now on.
        if s.capacity() - s.len() > s.len() / 8 {
            s.shrink_to_fit();
        }
        PyStr { char_len: count_chars(&s), value: CompactString::from(s), hash: Cell::new(-1) }
    }

    /// `a + b`. A short result is the left text stored inline with the right
    /// appended in place; the character count is the operands' sum (no rescan).
    pub fn add(a: &PyStr, b: &PyStr) -> PyStr {
        let (x, y) = (a.as_str(), b.as_str());
        let len = x.len() + y.len();
        let value = if len <= INLINE_BYTES {
            let mut v = CompactString::new(x);
            v.push_str(y);
            v
        } else {
            let mut s = String::with_capacity(len);
            s.push_str(x);
            s.push_str(y);
            CompactString::from(s)
        };
        PyStr { value, char_len: a.char_len + b.char_len, hash: Cell::new(-1) }
    }

    /// `a + b` for operands the caller owns: when one of them is a temporary
    /// nothing else holds (`"w" + str(i)`, `a + b + c`), the result is written
    /// into its box, saving an allocation and a free. No one can observe the
    /// change: a uniquely held object is reachable only through this call.
    pub fn concat_owned(mut a: Gc<PyStr>, mut b: Gc<PyStr>) -> Gc<PyStr> {
        if let Some(x) = Gc::get_mut(&mut a) {
            *x = PyStr::add(x, &b);
            return a;
        }
        if let Some(y) = Gc::get_mut(&mut b) {
            *y = PyStr::add(&a, y);
            return b;
        }
        Gc::new(PyStr::add(&a, &b))
    }

    /// `str(i)` for an int, formatted straight into the inline buffer.
    pub fn from_int(i: i64) -> PyStr {
        use compact_str::ToCompactString;
        let value = i.to_compact_string();
        PyStr { char_len: value.len(), value, hash: Cell::new(-1) }
    }

    /// A copy of this string changed in place by `f`, which must keep every
    /// character's length (an ASCII case mapping on ASCII text).
    pub fn map_in_place(&self, f: fn(&mut str)) -> PyStr {
        let mut value = self.value.clone();
        f(value.as_mut_str());
        PyStr { char_len: self.char_len, value, hash: Cell::new(-1) }
    }

    pub fn as_str(&self) -> &str {
        self.value.as_str()
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

/// Characters in `s`: ASCII text (checked a word at a time) needs no decoding.
fn count_chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        let (a, b) = (self.hash.get(), other.hash.get());
        if a != -1 && b != -1 && a != b {
            return false;
        }
        self.value == other.value
    }
}
