//! Rich comparison: builtin types compared natively, Python classes through
//! `__eq__`/`__lt__`/... with `NotImplemented` and reflected operands.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_traits::FromPrimitive;

use super::dictview::as_view;
use super::mapping::eq_fast;
use super::num::int_of;
use super::{PyResult, Value};
use crate::bytecode::CmpOp;
use crate::vm::ThreadState;

fn dunder(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "__lt__",
        CmpOp::Le => "__le__",
        CmpOp::Eq => "__eq__",
        CmpOp::Ne => "__ne__",
        CmpOp::Gt => "__gt__",
        CmpOp::Ge => "__ge__",
    }
}

fn reflected(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        other => other,
    }
}

fn ordering_matches(op: CmpOp, ord: Ordering) -> bool {
    match op {
        CmpOp::Lt => ord == Ordering::Less,
        CmpOp::Le => ord != Ordering::Greater,
        CmpOp::Eq => ord == Ordering::Equal,
        CmpOp::Ne => ord != Ordering::Equal,
        CmpOp::Gt => ord == Ordering::Greater,
        CmpOp::Ge => ord != Ordering::Less,
    }
}

/// An int compared with a float exactly (no rounding of big ints).
fn cmp_int_float(i: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let fl = f.floor();
    let fl_int = BigInt::from_f64(fl)?;
    Some(match i.cmp(&fl_int) {
        Ordering::Equal if f > fl => Ordering::Less,
        other => other,
    })
}

fn is_number(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_))
}

/// Ordering of two numbers; `None` when unordered (NaN).
fn cmp_numbers(a: &Value, b: &Value) -> Option<Ordering> {
    use Value::*;
    match (a, b) {
        (Float(x), Float(y)) => x.partial_cmp(y),
        (Float(x), _) => cmp_int_float(&int_of(b)?, *x).map(Ordering::reverse),
        (_, Float(y)) => match a {
            Int(i) if i.unsigned_abs() < (1 << 53) => (*i as f64).partial_cmp(y),
            _ => cmp_int_float(&int_of(a)?, *y),
        },
        (Int(x), Int(y)) => Some(x.cmp(y)),
        _ => Some(int_of(a)?.cmp(&int_of(b)?)),
    }
}

impl ThreadState {
    pub(crate) fn compare_impl(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let Some(r) = self.builtin_compare(op, a, b)? {
            return Ok(Value::Bool(r));
        }
        if matches!(a, Value::Instance(_) | Value::Native(_)) || matches!(b, Value::Instance(_) | Value::Native(_)) {
            if let Some(r) = self.compare_special(op, a, b)? {
                return Ok(r);
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::Ne => Ok(Value::Bool(!a.is(b))),
            _ => {
                let (ta, tb) = (self.type_of(a).name.clone(), self.type_of(b).name.clone());
                let msg = format!("'{}' not supported between instances of '{ta}' and '{tb}'", op.symbol());
                Err(self.type_error(msg))
            }
        }
    }

    /// The dunder protocol; `None` when both sides return `NotImplemented`.
    fn compare_special(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let (ta, tb) = (self.type_of(a), self.type_of(b));
        let b_first = !std::ptr::eq(&*ta, &*tb) && tb.is_subtype(&ta);
        if b_first {
            if let Some(r) = self.try_cmp_dunder(b, reflected(op), a)? {
                return Ok(Some(r));
            }
        }
        if let Some(r) = self.try_cmp_dunder(a, op, b)? {
            return Ok(Some(r));
        }
        if !b_first {
            if let Some(r) = self.try_cmp_dunder(b, reflected(op), a)? {
                return Ok(Some(r));
            }
        }
        if op == CmpOp::Ne {
            if let Some(r) = self.compare_special(CmpOp::Eq, a, b)? {
                let t = self.truthy(&r)?;
                return Ok(Some(Value::Bool(!t)));
            }
        }
        Ok(None)
    }

    fn try_cmp_dunder(&mut self, obj: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        if !matches!(obj, Value::Instance(_) | Value::Native(_)) {
            return Ok(None);
        }
        match self.call_special(obj, dunder(op), std::slice::from_ref(other))? {
            Some(Value::NotImplemented) | None => Ok(None),
            Some(r) => Ok(Some(r)),
        }
    }

    /// Comparison between builtin values; `None` means `NotImplemented`.
    fn builtin_compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        use Value::*;
        if is_number(a) && is_number(b) {
            return Ok(Some(match cmp_numbers(a, b) {
                Some(ord) => ordering_matches(op, ord),
                Option::None => op == CmpOp::Ne,
            }));
        }
        let ord = match (a, b) {
            (Str(x), Str(y)) => x.as_str().cmp(y.as_str()),
            (Bytes(x), Bytes(y)) => x.value.cmp(&y.value),
            (Tuple(x), Tuple(y)) => return self.compare_sequences(op, &x.items, &y.items).map(Some),
            (List(x), List(y)) => {
                let (xs, ys) = (x.items.borrow().clone(), y.items.borrow().clone());
                return self.compare_sequences(op, &xs, &ys).map(Some);
            }
            (Set(x), Set(y)) => return self.compare_sets(op, x, y),
            (Dict(x), Dict(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let eq = self.dicts_equal(x, y)?;
                return Ok(Some(eq == (op == CmpOp::Eq)));
            }
            (Range(x), Range(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let same = x.len() == y.len()
                    && (x.is_empty() || (x.start == y.start && (x.len() == 1 || x.step == y.step)));
                return Ok(Some(same == (op == CmpOp::Eq)));
            }
            (Slice(x), Slice(y)) => {
                let xs = [x.start.clone(), x.stop.clone(), x.step.clone()];
                let ys = [y.start.clone(), y.stop.clone(), y.step.clone()];
                return self.compare_sequences(op, &xs, &ys).map(Some);
            }
            (BoundMethod(x), BoundMethod(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let same = x.func.is(&y.func) && x.receiver.is(&y.receiver);
                return Ok(Some(same == (op == CmpOp::Eq)));
            }
            (Native(_), Native(_)) if as_view(a).is_some() && as_view(b).is_some() => {
                return self.compare_views(op, a, b);
            }
            _ => return Ok(Option::None),
        };
        Ok(Some(ordering_matches(op, ord)))
    }

    /// Lexicographic comparison with the identity shortcut for `==` of items.
    pub fn compare_sequences(&mut self, op: CmpOp, xs: &[Value], ys: &[Value]) -> PyResult<bool> {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) && xs.len() != ys.len() {
            return Ok(op == CmpOp::Ne);
        }
        let _guard = self.enter_native("in comparison")?;
        for (x, y) in xs.iter().zip(ys) {
            if !self.eq(x, y)? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::Ne => Ok(true),
                    _ => {
                        let r = self.compare(op, x, y)?;
                        self.truthy(&r)
                    }
                };
            }
        }
        Ok(ordering_matches(op, xs.len().cmp(&ys.len())))
    }

    fn dicts_equal(&mut self, x: &super::PyDict, y: &super::PyDict) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        let _guard = self.enter_native("in comparison")?;
        for (k, v) in x.items() {
            match self.dict_get(y, &k)? {
                Some(w) if self.eq(&v, &w)? => {}
                _ => return Ok(false),
            }
        }
        Ok(true)
    }

    /// `<=` is subset, `<` proper subset, and so on.
    fn compare_sets(&mut self, op: CmpOp, x: &super::PySet, y: &super::PySet) -> PyResult<Option<bool>> {
        let (lx, ly) = (x.len(), y.len());
        let r = match op {
            CmpOp::Eq => lx == ly && self.set_is_subset(x, y)?,
            CmpOp::Ne => !(lx == ly && self.set_is_subset(x, y)?),
            CmpOp::Le => lx <= ly && self.set_is_subset(x, y)?,
            CmpOp::Lt => lx < ly && self.set_is_subset(x, y)?,
            CmpOp::Ge => lx >= ly && self.set_is_subset(y, x)?,
            CmpOp::Gt => lx > ly && self.set_is_subset(y, x)?,
        };
        Ok(Some(r))
    }

    pub fn set_is_subset(&mut self, x: &super::PySet, y: &super::PySet) -> PyResult<bool> {
        let items: Vec<Value> = x.table.borrow().iter().cloned().collect();
        for item in &items {
            if !self.set_contains(y, item)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn compare_views(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        let (Some(va), Some(vb)) = (as_view(a), as_view(b)) else { return Ok(None) };
        if va.kind == super::iter::TableIterKind::Values || vb.kind == super::iter::TableIterKind::Values {
            return Ok(None);
        }
        let sa = self.new_set(a, true)?;
        let sb = self.new_set(b, true)?;
        self.compare_sets(op, &sa, &sb)
    }

    /// `a == b` for builtin values without Python code, else the full protocol.
    pub(crate) fn eq_impl(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = eq_fast(a, b) {
            return Ok(r);
        }
        let r = self.compare_impl(CmpOp::Eq, a, b)?;
        match r {
            Value::Bool(b) => Ok(b),
            other => self.truthy(&other),
        }
    }
}
