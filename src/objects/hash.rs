//! CPython's numeric and tuple hash algorithms (`pyhash.c`, `tupleobject.c`):
//! numbers hash to their value modulo the Mersenne prime 2**61 - 1, so equal
//! ints, floats and bools hash alike; -1 is reserved and becomes -2.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

const MODULUS_BITS: u32 = 61;
const MODULUS: u64 = (1u64 << MODULUS_BITS) - 1;
pub const HASH_INF: i64 = 314159;

fn fix_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

#[inline]
pub fn hash_int(i: i64) -> i64 {
    // Below the modulus an int is its own hash: no division.
    if i.unsigned_abs() < MODULUS {
        return fix_minus_one(i);
    }
    let m = (i.unsigned_abs() % MODULUS) as i64;
    fix_minus_one(if i < 0 { -m } else { m })
}

pub fn hash_bigint(b: &BigInt) -> i64 {
    let m = (b.magnitude() % MODULUS).to_i64().unwrap_or(0);
    fix_minus_one(if b.sign() == Sign::Minus { -m } else { m })
}

/// `hash(x)` for a float; NaN hashes by identity in CPython, callers handle it.
pub fn hash_float(x: f64) -> i64 {
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if x.is_nan() {
        return 0;
    }
    let (mut m, mut e) = frexp(x.abs());
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & MODULUS) | (h >> (MODULUS_BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= MODULUS {
            h -= MODULUS;
        }
    }
    let e = if e >= 0 { e % MODULUS_BITS as i32 } else { MODULUS_BITS as i32 - 1 - ((-1 - e) % MODULUS_BITS as i32) };
    h = ((h << e) & MODULUS) | (h >> (MODULUS_BITS as i32 - e));
    let h = h as i64;
    fix_minus_one(if x < 0.0 { -h } else { h })
}

/// `frexp` for finite positive x: x == m * 2**e with 0.5 <= m < 1.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * f64::powi(2.0, 54));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// Combines element hashes as CPython's tuple hash (xxHash-based, 3.8+).
pub fn hash_tuple(hashes: impl ExactSizeIterator<Item = i64>) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let len = hashes.len() as u64;
    let mut acc = P5;
    for h in hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(len ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// Hash of an object without `__hash__` of its own: derived from its address
/// as CPython (rotated right by 4 bits).
pub fn hash_pointer(p: usize) -> i64 {
    fix_minus_one(p.rotate_right(4) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython() {
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(1 << 61), 1);
        assert_eq!(hash_float(1.0), 1);
        assert_eq!(hash_float(1.5), 1152921504606846977);
        assert_eq!(hash_float(-2.5), -1152921504606846978);
        assert_eq!(hash_tuple([1i64, 2].into_iter()), -3550055125485641917);
        assert_eq!(hash_tuple([].into_iter()), 5740354900026072187);
        assert_eq!(hash_float(0.1), 230584300921369408);
        assert_eq!(hash_float(1e300), 1224995262755759164);
        assert_eq!(hash_bigint(&(BigInt::from(1) << 100)), 549755813888);
    }
}
