//! Arithmetic on ints (an `i64` fast path that continues in `BigInt` on
//! overflow) and floats, with Python's floor division, modulo and errors.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::Value;
use crate::bytecode::BinOp;
use crate::objects::PyResult;
use crate::vm::ThreadState;

/// The largest int `<<` builds before giving up with `MemoryError`.
const MAX_SHIFT_BITS: u64 = 1 << 32;

/// The value of an int-like (`int`, `bool`), if `v` is one.
pub fn int_of(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

pub fn small_int_of(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

pub fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

/// `float(v)` for ints and floats; `None` for anything else.
pub fn float_of(ts: &mut ThreadState, v: &Value) -> PyResult<Option<f64>> {
    Ok(Some(match v {
        Value::Float(f) => *f,
        Value::Int(i) => *i as f64,
        Value::Bool(b) => *b as i64 as f64,
        Value::BigInt(b) => bigint_to_f64(ts, b)?,
        _ => return Ok(None),
    }))
}

pub fn bigint_to_f64(ts: &mut ThreadState, b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(ts.overflow_error("int too large to convert to float")),
    }
}

pub fn floor_div_i64(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

pub fn mod_i64(a: i64, b: i64) -> Option<i64> {
    let r = a.checked_rem(b)?;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some(r + b)
    } else {
        Some(r)
    }
}

/// `a op b` for two ints.
pub fn int_binop(ts: &mut ThreadState, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (small_int_of(a), small_int_of(b)) {
        if let Some(v) = small_binop(ts, op, x, y)? {
            return Ok(v);
        }
    }
    let (Some(x), Some(y)) = (int_of(a), int_of(b)) else {
        return Err(ts.type_error("expected ints"));
    };
    big_binop(ts, op, &x, &y)
}

/// The i64 fast path; `None` when the result needs a big int.
fn small_binop(ts: &mut ThreadState, op: BinOp, x: i64, y: i64) -> PyResult<Option<Value>> {
    Ok(match op {
        BinOp::Add => x.checked_add(y).map(Value::Int),
        BinOp::Sub => x.checked_sub(y).map(Value::Int),
        BinOp::Mul => x.checked_mul(y).map(Value::Int),
        BinOp::FloorDiv => {
            if y == 0 {
                return Err(ts.zero_division_error("integer division or modulo by zero"));
            }
            floor_div_i64(x, y).map(Value::Int)
        }
        BinOp::Mod => {
            if y == 0 {
                return Err(ts.zero_division_error("integer modulo by zero"));
            }
            mod_i64(x, y).map(Value::Int)
        }
        BinOp::TrueDiv => {
            if y == 0 {
                return Err(ts.zero_division_error("division by zero"));
            }
            if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                Some(Value::Float(x as f64 / y as f64))
            } else {
                None
            }
        }
        BinOp::Pow => {
            if y < 0 {
                return float_pow(ts, x as f64, y as f64).map(Some);
            }
            u32::try_from(y).ok().and_then(|e| x.checked_pow(e)).map(Value::Int)
        }
        BinOp::LShift => {
            if y < 0 {
                return Err(ts.value_error("negative shift count"));
            }
            if y < 64 && x.unsigned_abs().leading_zeros() as i64 > y + 1 {
                Some(Value::Int(x << y))
            } else if x == 0 {
                Some(Value::Int(0))
            } else {
                None
            }
        }
        BinOp::RShift => {
            if y < 0 {
                return Err(ts.value_error("negative shift count"));
            }
            Some(Value::Int(x >> y.min(63)))
        }
        BinOp::And => Some(Value::Int(x & y)),
        BinOp::Or => Some(Value::Int(x | y)),
        BinOp::Xor => Some(Value::Int(x ^ y)),
        BinOp::MatMul => return Err(unsupported(ts, op, "int", "int")),
    })
}

fn big_binop(ts: &mut ThreadState, op: BinOp, x: &BigInt, y: &BigInt) -> PyResult<Value> {
    Ok(Value::from_bigint(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(ts.zero_division_error("integer division or modulo by zero"));
            }
            x.div_floor(y)
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(ts.zero_division_error("integer modulo by zero"));
            }
            x.mod_floor(y)
        }
        BinOp::TrueDiv => return big_true_div(ts, x, y),
        BinOp::Pow => {
            if y.is_negative() {
                let (fx, fy) = (bigint_to_f64(ts, x)?, bigint_to_f64(ts, y)?);
                return float_pow(ts, fx, fy);
            }
            let Some(e) = y.to_u32() else {
                return big_pow_huge(ts, x).map(Value::from_bigint);
            };
            if x.bits().saturating_mul(e as u64) > MAX_SHIFT_BITS {
                return Err(ts.no_memory());
            }
            num_traits::pow::Pow::pow(x, e)
        }
        BinOp::LShift => {
            if y.is_negative() {
                return Err(ts.value_error("negative shift count"));
            }
            match y.to_u64() {
                Some(n) if n < MAX_SHIFT_BITS => x << n,
                _ if x.is_zero() => BigInt::zero(),
                _ => return Err(ts.no_memory()),
            }
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Err(ts.value_error("negative shift count"));
            }
            match y.to_u64() {
                Some(n) if n < MAX_SHIFT_BITS => x >> n,
                _ => BigInt::from(if x.is_negative() { -1 } else { 0 }),
            }
        }
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::MatMul => return Err(unsupported(ts, op, "int", "int")),
    }))
}

/// `x ** e` for an exponent beyond u32: only 0, 1 and -1 have small results.
fn big_pow_huge(ts: &mut ThreadState, x: &BigInt) -> PyResult<BigInt> {
    if x.is_zero() || x == &BigInt::from(1) {
        return Ok(x.clone());
    }
    Err(ts.no_memory())
}

fn big_true_div(ts: &mut ThreadState, x: &BigInt, y: &BigInt) -> PyResult<Value> {
    if y.is_zero() {
        return Err(ts.zero_division_error("division by zero"));
    }
    let (q, r) = x.div_rem(y);
    let fq = q.to_f64().unwrap_or(f64::INFINITY);
    let result = match (x.to_f64(), y.to_f64()) {
        (Some(fx), Some(fy)) if fx.is_finite() && fy.is_finite() && r.is_zero() => fq,
        (Some(fx), Some(fy)) if fx.is_finite() && fy.is_finite() => fx / fy,
        _ => fq + r.to_f64().unwrap_or(0.0) / y.to_f64().unwrap_or(f64::INFINITY),
    };
    if !result.is_finite() {
        return Err(ts.overflow_error("integer division result too large for a float"));
    }
    Ok(Value::Float(result))
}

/// `a op b` for two floats.
pub fn float_binop(ts: &mut ThreadState, op: BinOp, x: f64, y: f64) -> PyResult<Value> {
    Ok(Value::Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(ts.zero_division_error("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(ts.zero_division_error("float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(ts.zero_division_error("float modulo"));
            }
            float_divmod(x, y).1
        }
        BinOp::Pow => return float_pow(ts, x, y),
        _ => return Err(unsupported(ts, op, "float", "float")),
    }))
}

/// CPython's `float_divmod` (without the zero check).
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

pub fn float_pow(ts: &mut ThreadState, x: f64, y: f64) -> PyResult<Value> {
    if x == 0.0 && y < 0.0 {
        return Err(ts.zero_division_error("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && y.is_finite() && y.fract() != 0.0 {
        return Err(ts.value_error("math domain error"));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(ts.overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(Value::Float(r))
}

/// `pow(base, exp, modulus)` for ints.
pub fn int_pow_mod(ts: &mut ThreadState, base: &BigInt, exp: &BigInt, m: &BigInt) -> PyResult<Value> {
    if m.is_zero() {
        return Err(ts.value_error("pow() 3rd argument cannot be 0"));
    }
    let mabs = m.abs();
    let (base, exp) = if exp.is_negative() {
        match mod_inverse(&base.mod_floor(&mabs), &mabs) {
            Some(inv) => (inv, -exp),
            None => return Err(ts.value_error("base is not invertible for the given modulus")),
        }
    } else {
        (base.mod_floor(&mabs), exp.clone())
    };
    let mut r = base.modpow(&exp, &mabs);
    if m.is_negative() && !r.is_zero() {
        r += m;
    }
    Ok(Value::from_bigint(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    if g.gcd != BigInt::from(1) {
        return None;
    }
    Some(g.x.mod_floor(m))
}

pub fn unsupported(ts: &mut ThreadState, op: BinOp, a: &str, b: &str) -> crate::objects::PyErr {
    ts.type_error(format!("unsupported operand type(s) for {}: '{a}' and '{b}'", op.symbol()))
}

/// Python's `round(x)` for floats: half to even.
pub fn round_half_even(x: f64) -> f64 {
    x.round_ties_even()
}

/// `round(x, ndigits)` for floats, correctly rounded through decimal text as CPython.
pub fn round_float(x: f64, ndigits: i64) -> f64 {
    if !x.is_finite() || ndigits > 323 {
        return x;
    }
    if ndigits >= 0 {
        let s = format!("{:.*}", ndigits as usize, x);
        return s.parse().unwrap_or(x);
    }
    if ndigits < -308 {
        return 0.0f64.copysign(x);
    }
    let p = 10f64.powi((-ndigits) as i32);
    let r = (x / p).round_ties_even() * p;
    if r.is_finite() {
        r
    } else {
        x
    }
}
