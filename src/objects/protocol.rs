//! The abstract object protocol (CPython's `abstract.c`): type, hash,
//! equality, truth, `repr`, `str`, operators, iteration and items for every
//! value, falling back to dunder methods of Python classes.
//! (Owned by the objects layer.)

use crate::bytecode::{BinOp, CmpOp, UnaryOp};
use crate::objects::{Gc, PyResult, PyStr, PyType, Value};
use crate::vm::ThreadState;

impl ThreadState {
    /// `type(v)`
    pub fn type_of(&self, v: &Value) -> Gc<PyType> {
        let t = self.types();
        match v {
            Value::Instance(i) => i.class(),
            Value::Native(n) => n.class.clone(),
            Value::None | Value::Null => t.none_type.clone(),
            Value::Bool(_) | Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str.clone(),
            _ => t.object.clone(),
        }
    }

    /// `hash(v)`
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Str(s) => Ok(s.hash_value()),
            _ => Err(self.type_error("unhashable type")),
        }
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        Ok(a.is(b))
    }

    /// `a op b` for a rich comparison.
    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        let _ = (op, a, b);
        Err(self.type_error("comparison is not implemented yet"))
    }

    /// `bool(v)`
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(!matches!(v, Value::None | Value::Bool(false) | Value::Int(0)))
    }

    /// `repr(v)`
    pub fn repr(&mut self, v: &Value) -> PyResult<Gc<PyStr>> {
        Ok(Gc::new(PyStr::from_string(format!("{v:?}"))))
    }

    /// `str(v)`
    pub fn to_str(&mut self, v: &Value) -> PyResult<Gc<PyStr>> {
        match v {
            Value::Str(s) => Ok(s.clone()),
            _ => self.repr(v),
        }
    }

    /// `a op b`
    pub fn binary_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        let _ = (op, a, b);
        Err(self.type_error("operator is not implemented yet"))
    }

    /// `a op= b`
    pub fn inplace_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        self.binary_op(op, a, b)
    }

    /// `op a`
    pub fn unary_op(&mut self, op: UnaryOp, a: &Value) -> PyResult<Value> {
        let _ = (op, a);
        Err(self.type_error("operator is not implemented yet"))
    }

    /// `iter(v)`
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        let _ = v;
        Err(self.type_error("iteration is not implemented yet"))
    }

    /// `next(it)`, with exhaustion as `Ok(None)` rather than `StopIteration`.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        let _ = it;
        Err(self.type_error("iteration is not implemented yet"))
    }

    /// `container[key]`
    pub fn get_item(&mut self, container: &Value, key: &Value) -> PyResult<Value> {
        let _ = (container, key);
        Err(self.type_error("subscription is not implemented yet"))
    }

    /// `container[key] = value`
    pub fn set_item(&mut self, container: &Value, key: &Value, value: Value) -> PyResult<()> {
        let _ = (container, key, value);
        Err(self.type_error("item assignment is not implemented yet"))
    }

    /// `del container[key]`
    pub fn del_item(&mut self, container: &Value, key: &Value) -> PyResult<()> {
        let _ = (container, key);
        Err(self.type_error("item deletion is not implemented yet"))
    }

    /// `item in container`
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let _ = (container, item);
        Err(self.type_error("'in' is not implemented yet"))
    }

    /// `len(v)`
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        let _ = v;
        Err(self.type_error("len() is not implemented yet"))
    }

    /// `format(v, spec)`
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<Gc<PyStr>> {
        let _ = spec;
        self.to_str(v)
    }
}
