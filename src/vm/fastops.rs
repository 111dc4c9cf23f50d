//! Inline fast paths for `int` and `float` arithmetic and comparisons. Each
//! returns `None` when the operands need the general protocol (other types,
//! overflow into big integers, division by zero, ...).

use crate::bytecode::{BinOp, CmpOp};
use crate::objects::Value;

/// A copy of `v` that skips `Value::clone`'s out-of-line match for immediates
/// (copied whole: see `gil_cell::copy_immediate` for why).
#[inline(always)]
pub fn dup(v: &Value) -> Value {
    if v.is_immediate() {
        super::gil_cell::copy_immediate(v)
    } else {
        v.clone()
    }
}

/// Drops both operands of an operation its fast path has answered.
#[inline(always)]
pub fn discard_operands(a: Value, b: Value) {
    a.discard();
    b.discard();
}

#[inline(always)]
pub fn binary(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => int_binary(op, *x, *y),
        (Value::Float(x), Value::Float(y)) => float_binary(op, *x, *y),
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < (1 << 53) => float_binary(op, *x, *y as f64),
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < (1 << 53) => float_binary(op, *x as f64, *y),
        _ => None,
    }
}

#[inline(always)]
fn int_binary(op: BinOp, x: i64, y: i64) -> Option<Value> {
    let r = match op {
        BinOp::Add => x.checked_add(y)?,
        BinOp::Sub => x.checked_sub(y)?,
        BinOp::Mul => x.checked_mul(y)?,
        BinOp::FloorDiv => {
            if y == 0 {
                return None;
            }
            let q = x.checked_div(y)?;
            if (x % y != 0) && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }
        }
        BinOp::Mod => {
            if y == 0 {
                return None;
            }
            let r = x.checked_rem(y)?;
            if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            }
        }
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::LShift if (0..63).contains(&y) => {
            let r = x.checked_shl(y as u32)?;
            if (r >> y) != x {
                return None;
            }
            r
        }
        BinOp::RShift if y >= 0 => x >> y.min(63),
        BinOp::TrueDiv if y != 0 && x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) => {
            return Some(Value::Float(x as f64 / y as f64))
        }
        _ => return None,
    };
    Some(Value::Int(r))
}

#[inline(always)]
fn float_binary(op: BinOp, x: f64, y: f64) -> Option<Value> {
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv if y != 0.0 => x / y,
        _ => return None,
    };
    Some(Value::Float(r))
}

#[inline(always)]
pub fn compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(cmp(op, x, y)),
        (Value::Float(x), Value::Float(y)) => Some(cmp_f(op, *x, *y)),
        (Value::Str(x), Value::Str(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
            let same = std::rc::Rc::ptr_eq(x, y) || x.as_str() == y.as_str();
            Some(same == (op == CmpOp::Eq))
        }
        _ => None,
    }
}

#[inline(always)]
fn cmp<T: PartialOrd>(op: CmpOp, x: T, y: T) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
    }
}

#[inline(always)]
fn cmp_f(op: CmpOp, x: f64, y: f64) -> bool {
    cmp(op, x, y)
}
