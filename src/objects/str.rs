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

/// "000", "001", ..., "999" back to back: `str(n)` of an int below 1000 is
/// a slice of this text (leading zeros skipped), copied inline.
const TRIPLES: &str = match std::str::from_utf8(&TRIPLE_DIGITS) {
    Ok(text) => text,
    Err(_) => "",
};

const TRIPLE_DIGITS: [u8; 3000] = triple_digits();

const fn triple_digits() -> [u8; 3000] {
    let mut out = [0u8; 3000];
    let mut n = 0;
    while n < 1000 {
        out[3 * n] = b'0' + (n / 100) as u8;
        out[3 * n + 1] = b'0' + (n / 10 % 10) as u8;
        out[3 * n + 2] = b'0' + (n % 10) as u8;
        n += 1;
    }
    out
}

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
    #[inline]
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
    /// into its box, saving an allocation and a free; a short result after a
    /// unique left operand is appended in its inline buffer. No one can
    /// observe the change: a uniquely held object is reachable only through
    /// this call. (A long result is built at its exact size, as CPython's.)
    pub fn concat_owned(mut a: Gc<PyStr>, mut b: Gc<PyStr>) -> Gc<PyStr> {
        if let Some(x) = Gc::get_mut(&mut a) {
            if x.value.len() + b.value.len() <= INLINE_BYTES {
                x.value.push_str(b.as_str());
                x.char_len += b.char_len;
                x.hash.set(-1);
            } else {
                *x = PyStr::add(x, &b);
            }
            return a;
        }
        if let Some(y) = Gc::get_mut(&mut b) {
            *y = PyStr::add(&a, y);
            return b;
        }
        Gc::new(PyStr::add(&a, &b))
    }

    /// `str(i)` for an int. Below 1000 the text is cut from `TRIPLES`, with
    /// no formatting machinery.
    pub fn from_int(i: i64) -> PyStr {
        use compact_str::ToCompactString;
        let value = match usize::try_from(i) {
            Ok(n) if n < 1000 => {
                let skip = if n < 10 { 2 } else if n < 100 { 1 } else { 0 };
                CompactString::new(TRIPLES.get(3 * n + skip..3 * n + 3).unwrap_or_default())
            }
            _ => i.to_compact_string(),
        };
        PyStr { char_len: value.len(), value, hash: Cell::new(-1) }
    }

    /// A copy of this string changed in place by `f`, which must keep every
    /// character's length (an ASCII case mapping on ASCII text). Generic, so
    /// the mapping is inlined rather than called through a pointer.
    #[inline]
    pub fn map_in_place(&self, f: impl FnOnce(&mut str)) -> PyStr {
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
