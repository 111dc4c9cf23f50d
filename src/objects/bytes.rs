//! `bytes`: an immutable byte string.

pub struct PyBytes {
    pub value: Box<[u8]>,
}

impl PyBytes {
    pub fn new(value: Vec<u8>) -> PyBytes {
        PyBytes { value: value.into_boxed_slice() }
    }
}

/// `hash(b)`: the same function as `str`'s, so `hash(b'abc') == hash('abc')` as CPython.
pub fn hash_bytes(b: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= x as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The first position of `needle` in `hay` at or after `from`.
pub fn find_bytes(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= hay.len()).then_some(from);
    }
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}
