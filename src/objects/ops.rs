//! Binary, in-place and unary operators: builtin types natively, Python
//! classes through `__add__`/`__radd__`/`__iadd__` and friends.

use super::dictview::as_view;
use super::num::{self, float_of, int_binop, is_int};
use super::{Gc, PyBytes, PyDict, PyErr, PyResult, PySet, PyStr, Value};
use crate::bytecode::{BinOp, UnaryOp};
use crate::vm::ThreadState;

/// Refuse to build containers beyond this many bytes (a `MemoryError`, as
/// CPython's failed allocation, instead of an abort).
pub const MAX_ALLOC_BYTES: u128 = 1 << 33;

fn is_user(v: &Value) -> bool {
    matches!(v, Value::Instance(_) | Value::Native(_))
}

impl ThreadState {
    pub(crate) fn binary_impl(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let Some(v) = self.builtin_binop(op, a, b)? {
            return Ok(v);
        }
        if is_user(a) || is_user(b) {
            if let Some(v) = self.binop_special(op, a, b)? {
                return Ok(v);
            }
        }
        Err(self.binop_error(op, a, b, ""))
    }

    fn binop_error(&mut self, op: BinOp, a: &Value, b: &Value, suffix: &str) -> PyErr {
        let (ta, tb) = (self.type_of(a).name.clone(), self.type_of(b).name.clone());
        let concat = matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_));
        // `+=` and `*=` on a sequence fall back to its concat/repeat, whose
        // errors CPython reports for both spellings.
        if op == BinOp::Add && concat && !is_user(b) {
            if let Value::Bytes(_) = a {
                return self.type_error(format!("can't concat {tb} to bytes"));
            }
            return self.type_error(format!("can only concatenate {ta} (not \"{tb}\") to {ta}"));
        }
        let seq = |v: &Value| matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_));
        if op == BinOp::Mul && (seq(a) || seq(b)) && !is_user(a) && !is_user(b) {
            let other = if seq(a) { tb } else { ta };
            return self.type_error(format!("can't multiply sequence by non-int of type '{other}'"));
        }
        let sym = if suffix.is_empty() { op.symbol().to_string() } else { format!("{}{suffix}", op.symbol().trim_end_matches(" or pow()")) };
        self.type_error(format!("unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"))
    }

    fn builtin_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        use Value::*;
        if let (Bool(x), Bool(y)) = (a, b) {
            match op {
                BinOp::And => return Ok(Some(Bool(x & y))),
                BinOp::Or => return Ok(Some(Bool(x | y))),
                BinOp::Xor => return Ok(Some(Bool(x ^ y))),
                _ => {}
            }
        }
        if is_int(a) && is_int(b) {
            return int_binop(self, op, a, b).map(Some);
        }
        if matches!(a, Float(_)) && (is_int(b) || matches!(b, Float(_)))
            || matches!(b, Float(_)) && is_int(a)
        {
            let (Some(x), Some(y)) = (float_of(self, a)?, float_of(self, b)?) else { return Ok(Option::None) };
            if matches!(op, BinOp::LShift | BinOp::RShift | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::MatMul) {
                return Ok(Option::None);
            }
            return num::float_binop(self, op, x, y).map(Some);
        }
        Ok(match (op, a, b) {
            (BinOp::Add, Str(x), Str(y)) => Some(Value::Str(Gc::new(PyStr::add(x, y)))),
            (BinOp::Mul, Str(s), n) | (BinOp::Mul, n, Str(s)) if is_int(n) => {
                let count = self.repeat_count(n, s.as_str().len(), 1)?;
                Some(Value::Str(Gc::new(PyStr::from_string(s.as_str().repeat(count)))))
            }
            (BinOp::Mod, Str(s), args) => Some(Value::str(&self.percent_format(s.as_str(), args)?)),
            (BinOp::Mod, Bytes(fmt), args) => Some(self.bytes_percent(&fmt.value, args)?),
            (BinOp::Add, Bytes(x), Bytes(y)) => Some(Value::Bytes(Gc::new(PyBytes::new([&x.value[..], &y.value[..]].concat())))),
            (BinOp::Mul, Bytes(s), n) | (BinOp::Mul, n, Bytes(s)) if is_int(n) => {
                let count = self.repeat_count(n, s.value.len(), 1)?;
                Some(Value::Bytes(Gc::new(PyBytes::new(s.value.repeat(count)))))
            }
            (BinOp::Add, List(x), List(y)) => {
                let mut items = x.items.borrow().clone();
                items.extend(y.items.borrow().iter().cloned());
                Some(Value::list(items))
            }
            (BinOp::Mul, List(l), n) | (BinOp::Mul, n, List(l)) if is_int(n) => {
                let items = l.items.borrow().clone();
                let count = self.repeat_count(n, items.len(), std::mem::size_of::<Value>())?;
                Some(Value::list(repeat_values(&items, count)))
            }
            (BinOp::Add, Tuple(x), Tuple(y)) => Some(Value::tuple([&x.items[..], &y.items[..]].concat())),
            (BinOp::Mul, Tuple(t), n) | (BinOp::Mul, n, Tuple(t)) if is_int(n) => {
                let count = self.repeat_count(n, t.items.len(), std::mem::size_of::<Value>())?;
                Some(Value::tuple(repeat_values(&t.items, count)))
            }
            (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, Set(x), Set(y)) => {
                Some(Value::Set(Gc::new(self.set_operation(op, x, y, x.frozen)?)))
            }
            (BinOp::Or, Dict(x), Dict(y)) => {
                let d = PyDict::new();
                self.dict_update_from(&d, a)?;
                self.dict_update_from(&d, &Value::Dict(y.clone()))?;
                let _ = x;
                Some(Value::Dict(Gc::new(d)))
            }
            (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, _, _) if as_view(a).is_some() || as_view(b).is_some() => {
                let sa = self.new_set(a, false)?;
                let sb = self.new_set(b, false)?;
                Some(Value::Set(Gc::new(self.set_operation(op, &sa, &sb, false)?)))
            }
            _ => Option::None,
        })
    }

    /// `bytes % args`: formatted through the str machinery with bytes seen as Latin-1 text.
    fn bytes_percent(&mut self, fmt: &[u8], args: &Value) -> PyResult<Value> {
        let latin = |b: &[u8]| -> String { b.iter().map(|&c| c as char).collect() };
        let as_text = |v: &Value| match v {
            Value::Bytes(b) => Value::str(&latin(&b.value)),
            other => other.clone(),
        };
        let args = match args {
            Value::Tuple(t) => Value::tuple(t.items.iter().map(as_text).collect()),
            other => as_text(other),
        };
        let text = self.percent_format(&latin(fmt), &args)?;
        let out: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
        Ok(Value::Bytes(Gc::new(PyBytes::new(out))))
    }

    /// How many times to repeat a sequence of `len` items of `item_size` bytes.
    pub fn repeat_count(&mut self, n: &Value, len: usize, item_size: usize) -> PyResult<usize> {
        let count = match n {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::BigInt(b) if b.sign() == num_bigint::Sign::Minus => 0,
            _ => return Err(self.overflow_error("cannot fit 'int' into an index-sized integer")),
        };
        if count <= 0 || len == 0 {
            return Ok(0);
        }
        if (count as u128) * (len as u128) * (item_size.max(1) as u128) > MAX_ALLOC_BYTES {
            return Err(self.no_memory());
        }
        Ok(count as usize)
    }

    /// `x | y`, `x & y`, `x - y`, `x ^ y` on sets, CPython's algorithms (so the
    /// result iterates in CPython's order).
    pub fn set_operation(&mut self, op: BinOp, x: &PySet, y: &PySet, frozen: bool) -> PyResult<PySet> {
        let out = PySet::new(frozen);
        match op {
            BinOp::Or => {
                self.table_extend(&out.table, &Value::Set(Gc::new(PySet::with_table(x.table.borrow().clone(), true))))?;
                self.table_extend(&out.table, &Value::Set(Gc::new(PySet::with_table(y.table.borrow().clone(), true))))?;
            }
            BinOp::And => {
                let (small, big) = if x.len() > y.len() { (y, x) } else { (x, y) };
                let items: Vec<(i64, Value)> = small.table.borrow().iter_hashed().map(|(h, k)| (h, k.clone())).collect();
                for (h, k) in items {
                    if self.set_contains(big, &k)? {
                        self.table_add(&out.table, k, h)?;
                    }
                }
            }
            BinOp::Sub => {
                let items: Vec<(i64, Value)> = x.table.borrow().iter_hashed().map(|(h, k)| (h, k.clone())).collect();
                for (h, k) in items {
                    if !self.set_contains(y, &k)? {
                        self.table_add(&out.table, k, h)?;
                    }
                }
            }
            _ => {
                self.table_extend(&out.table, &Value::Set(Gc::new(PySet::with_table(x.table.borrow().clone(), true))))?;
                let items: Vec<Value> = y.table.borrow().iter().cloned().collect();
                for k in items {
                    if !self.set_discard(&out, &k)? {
                        self.set_add(&out, k)?;
                    }
                }
            }
        }
        Ok(out)
    }

    /// The dunder protocol with reflected operands; `None` when every
    /// candidate returned `NotImplemented`.
    fn binop_special(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let (name, rname, _) = op.dunders();
        let (ta, tb) = (self.type_of(a), self.type_of(b));
        let same = std::ptr::eq(&*ta, &*tb);
        let b_first = is_user(b) && !same && tb.is_subtype(&ta) && self.lookup_special(b, rname).is_some();
        if b_first {
            if let Some(r) = self.try_dunder(b, rname, a)? {
                return Ok(Some(r));
            }
        }
        if is_user(a) {
            if let Some(r) = self.try_dunder(a, name, b)? {
                return Ok(Some(r));
            }
        }
        if is_user(b) && !b_first && !same {
            if let Some(r) = self.try_dunder(b, rname, a)? {
                return Ok(Some(r));
            }
        }
        Ok(None)
    }

    fn try_dunder(&mut self, obj: &Value, name: &str, arg: &Value) -> PyResult<Option<Value>> {
        match self.call_special(obj, name, std::slice::from_ref(arg))? {
            Some(Value::NotImplemented) | None => Ok(None),
            Some(r) => Ok(Some(r)),
        }
    }

    pub(crate) fn inplace_impl(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        match (op, a, b) {
            (BinOp::Add, Value::List(l), _) => {
                let items = self.collect_items(b)?;
                l.items.borrow_mut().extend(items);
                return Ok(a.clone());
            }
            (BinOp::Mul, Value::List(l), n) if is_int(n) => {
                let items = l.items.borrow().clone();
                let count = self.repeat_count(n, items.len(), std::mem::size_of::<Value>())?;
                *l.items.borrow_mut() = repeat_values(&items, count);
                return Ok(a.clone());
            }
            (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, Value::Set(x), Value::Set(y)) if !x.frozen => {
                self.set_update_inplace(op, x, y)?;
                return Ok(a.clone());
            }
            (BinOp::Or, Value::Dict(d), _) if matches!(b, Value::Dict(_)) || as_view(b).is_none() && !is_int(b) => {
                self.dict_update_from(d, b)?;
                return Ok(a.clone());
            }
            _ => {}
        }
        if is_user(a) {
            let (_, _, iname) = op.dunders();
            if let Some(r) = self.try_dunder(a, iname, b)? {
                return Ok(r);
            }
        }
        if let Some(v) = self.builtin_binop(op, a, b)? {
            return Ok(v);
        }
        if is_user(a) || is_user(b) {
            if let Some(v) = self.binop_special(op, a, b)? {
                return Ok(v);
            }
        }
        Err(self.binop_error(op, a, b, "="))
    }

    fn set_update_inplace(&mut self, op: BinOp, x: &PySet, y: &PySet) -> PyResult<()> {
        match op {
            BinOp::Or => {
                let snapshot = Value::Set(Gc::new(PySet::with_table(y.table.borrow().clone(), true)));
                self.table_extend(&x.table, &snapshot)
            }
            BinOp::Sub => {
                let items: Vec<Value> = y.table.borrow().iter().cloned().collect();
                for k in items {
                    self.set_discard(x, &k)?;
                }
                Ok(())
            }
            _ => {
                let result = self.set_operation(op, x, y, false)?;
                let table = result.table.borrow().clone();
                *x.table.borrow_mut() = table;
                Ok(())
            }
        }
    }

    pub(crate) fn unary_impl(&mut self, op: UnaryOp, a: &Value) -> PyResult<Value> {
        use Value::*;
        match (op, a) {
            (UnaryOp::Not, _) => return Ok(Bool(!self.truthy(a)?)),
            (UnaryOp::Neg, Int(i)) => {
                return Ok(i.checked_neg().map(Int).unwrap_or_else(|| Value::from_bigint(-num_bigint::BigInt::from(*i))))
            }
            (UnaryOp::Neg, Bool(b)) => return Ok(Int(-(*b as i64))),
            (UnaryOp::Neg, BigInt(b)) => return Ok(Value::from_bigint(-(**b).clone())),
            (UnaryOp::Neg, Float(f)) => return Ok(Float(-f)),
            (UnaryOp::Pos, Int(_) | BigInt(_) | Float(_)) => return Ok(a.clone()),
            (UnaryOp::Pos, Bool(b)) => return Ok(Int(*b as i64)),
            (UnaryOp::Invert, Int(i)) => return Ok(Int(!i)),
            (UnaryOp::Invert, Bool(b)) => return Ok(Int(!(*b as i64))),
            (UnaryOp::Invert, BigInt(b)) => return Ok(Value::from_bigint(!(**b).clone())),
            _ => {}
        }
        let (name, sym) = match op {
            UnaryOp::Neg => ("__neg__", "-"),
            UnaryOp::Pos => ("__pos__", "+"),
            UnaryOp::Invert => ("__invert__", "~"),
            UnaryOp::Not => ("__bool__", "not"),
        };
        if is_user(a) {
            if let Some(r) = self.call_special(a, name, &[])? {
                return Ok(r);
            }
        }
        let t = self.type_of(a).name.clone();
        Err(self.type_error(format!("bad operand type for unary {sym}: '{t}'")))
    }

    /// The items of any iterable as a vector (a snapshot for lists and tuples).
    pub fn collect_items(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.items.borrow().clone()),
            Value::Tuple(t) => Ok(t.items.to_vec()),
            Value::Range(r) if (r.len().max(0) as u128) * 16 > MAX_ALLOC_BYTES => Err(self.no_memory()),
            Value::Generator(g) => crate::vm::generator::collect(self, g, usize::MAX),
            _ => {
                let it = self.get_iter(v)?;
                if let Value::Generator(g) = &it {
                    return crate::vm::generator::collect(self, g, usize::MAX);
                }
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                }
                Ok(out)
            }
        }
    }

    /// `d.update(other)` for a mapping (dict or `keys()` + `[]`) or an iterable of pairs.
    pub fn dict_update_from(&mut self, d: &PyDict, other: &Value) -> PyResult<()> {
        if let Value::Dict(src) = other {
            for (k, v) in src.items() {
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        if is_user(other) && self.lookup_special(other, "keys").is_some() {
            let keys = self.call_method(other, "keys", &[])?;
            for k in self.collect_items(&keys)? {
                let v = self.get_item(other, &k)?;
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        let it = self.get_iter(other)?;
        let mut index = 0;
        while let Some(pair) = self.next(&it)? {
            let items = match &pair {
                Value::Tuple(_) | Value::List(_) | Value::Str(_) | Value::Instance(_) | Value::Iterator(_) => {
                    self.collect_items(&pair)?
                }
                _ => {
                    let t = self.type_of(&pair).name.clone();
                    let msg = format!("cannot convert dictionary update sequence element #{index} to a sequence");
                    let _ = t;
                    return Err(self.type_error(msg));
                }
            };
            if items.len() != 2 {
                let msg = format!(
                    "dictionary update sequence element #{index} has length {}; 2 is required",
                    items.len()
                );
                return Err(self.value_error(msg));
            }
            let mut it2 = items.into_iter();
            if let (Some(k), Some(v)) = (it2.next(), it2.next()) {
                self.dict_set(d, k, v)?;
            }
            index += 1;
        }
        Ok(())
    }
}

fn repeat_values(items: &[Value], count: usize) -> Vec<Value> {
    let mut out = Vec::with_capacity(items.len() * count);
    for _ in 0..count {
        out.extend_from_slice(items);
    }
    out
}
