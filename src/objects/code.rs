//! `CodeObject`: a compiled `bytecode::Code` loaded into one interpreter, with
//! its constants and names turned into that interpreter's objects once, so
//! `LoadConst` and name lookups never allocate.

use std::sync::Arc;

use super::{Gc, PyStr, Value};
use crate::bytecode::{Code, Constant};
use crate::vm::ThreadState;

pub struct CodeObject {
    pub code: Arc<Code>,
    pub consts: Box<[Value]>,
    /// Interned `code.names`.
    pub names: Box<[Gc<PyStr>]>,
    /// Interned `code.varnames` (parameter names, for keyword binding).
    pub varnames: Box<[Gc<PyStr>]>,
    /// This interpreter's inline caches for the code's instructions.
    pub(crate) caches: crate::vm::inline_cache::Caches,
}

impl CodeObject {
    pub fn load(ts: &mut ThreadState, code: Arc<Code>) -> Gc<CodeObject> {
        let consts = code.constants.iter().map(|c| constant_value(ts, c)).collect();
        let names = code.names.iter().map(|n| ts.intern(n)).collect();
        let varnames = code.varnames.iter().map(|n| ts.intern(n)).collect();
        Gc::new(CodeObject { code, consts, names, varnames, caches: Default::default() })
    }
}

fn constant_value(ts: &mut ThreadState, c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Ellipsis => Value::Ellipsis,
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(b) => Value::from_bigint(b.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Str(s) => Value::Str(ts.intern(s)),
        Constant::Bytes(b) => Value::Bytes(Gc::new(super::PyBytes::new(b.clone()))),
        Constant::Tuple(items) => Value::tuple(items.iter().map(|c| constant_value(ts, c)).collect()),
        Constant::Code(code) => Value::Code(CodeObject::load(ts, code.clone())),
    }
}
