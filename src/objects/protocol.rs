//! The abstract object protocol (CPython's `abstract.c`): type, hash,
//! equality, truth, `repr`, `str`, operators, iteration and items for every
//! value, falling back to dunder methods of Python classes.
//! (Owned by the objects layer; the bodies live in the sibling modules
//! `compare`, `ops`, `repr`, `iterate`, `items`, `format`.)

use super::hash::{hash_bigint, hash_float, hash_int, hash_pointer, hash_tuple};
use super::repr::address;
use crate::bytecode::{BinOp, CmpOp, UnaryOp};
use crate::objects::{Gc, PyResult, PyStr, PyTuple, PyType, Value};
use crate::vm::ThreadState;

impl ThreadState {
    /// `type(v)`
    pub fn type_of(&self, v: &Value) -> Gc<PyType> {
        let t = self.types();
        match v {
            Value::Instance(i) => i.class(),
            Value::Native(n) => n.class.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::None | Value::Null => t.none_type.clone(),
            Value::NotImplemented => t.not_implemented_type.clone(),
            Value::Ellipsis => t.ellipsis_type.clone(),
            Value::Bytes(_) => t.bytes.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::List(_) => t.list.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(s) => if s.frozen { t.frozenset.clone() } else { t.set.clone() },
            Value::Range(_) => t.range.clone(),
            Value::Slice(_) => t.slice.clone(),
            Value::Function(_) => t.function.clone(),
            Value::NativeFunction(_) => t.builtin_function.clone(),
            Value::BoundMethod(_) => t.method.clone(),
            Value::Type(_) => t.type_.clone(),
            Value::Module(_) => t.module.clone(),
            Value::Cell(_) => t.cell.clone(),
            Value::Code(_) => t.code.clone(),
            Value::Generator(_) => t.generator.clone(),
            Value::Iterator(i) => i.class(t),
            Value::Property(_) => t.property.clone(),
            Value::StaticMethod(_) => t.staticmethod.clone(),
            Value::ClassMethod(_) => t.classmethod.clone(),
        }
    }

    /// `hash(v)`
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(hash_int(*i)),
            Value::Str(s) => Ok(s.hash_value()),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(b) => Ok(hash_bigint(b)),
            Value::Float(f) if f.is_nan() => Ok(hash_pointer(0x9e37_79b9)),
            Value::Float(f) => Ok(hash_float(*f)),
            Value::Bytes(b) => Ok(super::bytes::hash_bytes(&b.value)),
            Value::Tuple(t) => self.hash_nested_tuple(t),
            Value::Set(s) if s.frozen => {
                if s.hash.get() == -1 {
                    s.hash.set(s.table.borrow().frozen_hash());
                }
                Ok(s.hash.get())
            }
            Value::Range(r) => {
                let len = r.len();
                let parts = match len {
                    0 => [hash_int(0), hash_int(0x5e7), hash_int(0x5e7)],
                    1 => [hash_int(1), hash_int(r.start), hash_int(0x5e7)],
                    _ => [hash_int(len), hash_int(r.start), hash_int(r.step)],
                };
                Ok(hash_tuple(parts.into_iter()))
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => Err(self.unhashable(v)),
            Value::Instance(_) | Value::Native(_) => self.hash_special(v),
            _ => Ok(hash_pointer(address(v))),
        }
    }

    /// Tuples nested in tuples are hashed with an explicit stack, so any
    /// depth works (CPython recurses in C and manages 100,000 levels).
    fn hash_nested_tuple(&mut self, root: &Gc<PyTuple>) -> PyResult<i64> {
        let mut stack: Vec<(Gc<PyTuple>, usize, Vec<i64>)> = vec![(root.clone(), 0, Vec::with_capacity(root.items.len()))];
        loop {
            let Some((t, idx, hashes)) = stack.last_mut() else { return Ok(0) };
            if let Some(item) = t.items.get(*idx).cloned() {
                *idx += 1;
                match item {
                    Value::Tuple(inner) => {
                        let n = inner.items.len();
                        stack.push((inner, 0, Vec::with_capacity(n)));
                    }
                    other => {
                        let h = self.hash(&other)?;
                        if let Some((_, _, hashes)) = stack.last_mut() {
                            hashes.push(h);
                        }
                    }
                }
                continue;
            }
            let h = hash_tuple(std::mem::take(hashes).into_iter());
            stack.pop();
            match stack.last_mut() {
                Some((_, _, parent)) => parent.push(h),
                None => return Ok(h),
            }
        }
    }

    fn unhashable(&mut self, v: &Value) -> crate::objects::PyErr {
        let t = self.type_of(v).name.clone();
        self.type_error(format!("unhashable type: '{t}'"))
    }

    /// A class that defines `__eq__` without `__hash__` is unhashable (CPython
    /// sets its `__hash__` to None at class creation; the MRO walk is equivalent).
    fn hash_special(&mut self, v: &Value) -> PyResult<i64> {
        let t = self.type_of(v);
        let (hash_name, eq_name) = (self.intern("__hash__"), self.intern("__eq__"));
        for cls in t.mro_iter() {
            if let Some(f) = cls.dict.get_str(&hash_name) {
                if f.is_none() {
                    return Err(self.unhashable(v));
                }
                if cls.builtin {
                    return Ok(hash_pointer(address(v)));
                }
                let r = self.call_positional(&f, std::slice::from_ref(v))?;
                return match r {
                    Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                    Value::Bool(b) => Ok(b as i64),
                    Value::BigInt(b) => Ok(hash_bigint(&b)),
                    _ => Err(self.type_error("__hash__ method should return an integer")),
                };
            }
            if !cls.builtin && cls.dict.get_str(&eq_name).is_some() {
                return Err(self.unhashable(v));
            }
        }
        Ok(hash_pointer(address(v)))
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        self.eq_impl(a, b)
    }

    /// `a op b` for a rich comparison.
    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(Value::Bool(match op {
                CmpOp::Lt => x < y,
                CmpOp::Le => x <= y,
                CmpOp::Eq => x == y,
                CmpOp::Ne => x != y,
                CmpOp::Gt => x > y,
                CmpOp::Ge => x >= y,
            }));
        }
        self.compare_impl(op, a, b)
    }

    /// `bool(v)`
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None | Value::Null => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::Bytes(b) => !b.value.is_empty(),
            Value::Tuple(t) => !t.items.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Set(s) => !s.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Instance(_) | Value::Native(_) => return self.truthy_special(v),
            _ => true,
        })
    }

    fn truthy_special(&mut self, v: &Value) -> PyResult<bool> {
        if let Some(r) = self.call_special(v, "__bool__", &[])? {
            return match r {
                Value::Bool(b) => Ok(b),
                other => {
                    let t = self.type_of(&other).name.clone();
                    Err(self.type_error(format!("__bool__ should return bool, returned {t}")))
                }
            };
        }
        if self.lookup_special(v, "__len__").is_some() || super::dictview::as_view(v).is_some() {
            return Ok(self.len(v)? > 0);
        }
        Ok(true)
    }

    /// `repr(v)`
    pub fn repr(&mut self, v: &Value) -> PyResult<Gc<PyStr>> {
        Ok(Gc::new(PyStr::from_string(self.repr_impl(v)?)))
    }

    /// `str(v)`
    pub fn to_str(&mut self, v: &Value) -> PyResult<Gc<PyStr>> {
        self.str_impl(v)
    }

    /// `a op b`
    pub fn binary_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            let fast = match op {
                BinOp::Add => x.checked_add(*y),
                BinOp::Sub => x.checked_sub(*y),
                BinOp::Mul => x.checked_mul(*y),
                _ => None,
            };
            if let Some(r) = fast {
                return Ok(Value::Int(r));
            }
        }
        if let (BinOp::Add, Value::Str(x), Value::Str(y)) = (op, a, b) {
            return Ok(Value::Str(Gc::new(PyStr::add(x, y))));
        }
        if let (Value::Float(x), Value::Float(y)) = (a, b) {
            match op {
                BinOp::Add => return Ok(Value::Float(x + y)),
                BinOp::Sub => return Ok(Value::Float(x - y)),
                BinOp::Mul => return Ok(Value::Float(x * y)),
                _ => {}
            }
        }
        self.binary_impl(op, a, b)
    }

    /// `a op= b`
    pub fn inplace_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        self.inplace_impl(op, a, b)
    }

    /// `a op b`, or `a op= b` when `inplace`, for operands the caller gives up
    /// (the eval loop's): a str concatenation may then reuse a temporary
    /// operand (`PyStr::concat_owned`; str has no `__iadd__`, so both forms).
    pub fn binary_op_owned(&mut self, op: BinOp, a: Value, b: Value, inplace: bool) -> PyResult<Value> {
        match (op, a, b) {
            (BinOp::Add, Value::Str(x), Value::Str(y)) => Ok(Value::Str(PyStr::concat_owned(x, y))),
            (op, a, b) if inplace => self.inplace_op(op, &a, &b),
            (op, a, b) => self.binary_op(op, &a, &b),
        }
    }

    /// `op a`
    pub fn unary_op(&mut self, op: UnaryOp, a: &Value) -> PyResult<Value> {
        self.unary_impl(op, a)
    }

    /// `iter(v)`
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        self.iter_impl(v)
    }

    /// `next(it)`, with exhaustion as `Ok(None)` rather than `StopIteration`.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        self.next_impl(it)
    }

    /// `container[key]`
    pub fn get_item(&mut self, container: &Value, key: &Value) -> PyResult<Value> {
        self.get_item_impl(container, key)
    }

    /// `container[key] = value`
    pub fn set_item(&mut self, container: &Value, key: Value, value: Value) -> PyResult<()> {
        self.set_item_impl(container, key, value)
    }

    /// `del container[key]`
    pub fn del_item(&mut self, container: &Value, key: &Value) -> PyResult<()> {
        self.del_item_impl(container, key)
    }

    /// `item in container`
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        self.contains_impl(container, item)
    }

    /// `len(v)`
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        self.len_impl(v)
    }

    /// `format(v, spec)`
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<Gc<PyStr>> {
        self.format_impl(v, spec).map(|s| Gc::new(PyStr::from_string(s)))
    }
}
