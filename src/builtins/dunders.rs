//! Dunder methods of the builtin types (`int.__add__`, `list.__len__`,
//! `object.__eq__`, ...) for scripts that call them explicitly, e.g.
//! `super().__eq__(other)` or `(5).__add__(3)`. The operators themselves
//! never go through these: the protocol handles builtin values natively.

use super::args::method;
use crate::bytecode::{BinOp, CmpOp, UnaryOp};
use crate::objects::module::add_method;
use crate::objects::{Args, NativeFnPtr, PyResult, Value};
use crate::vm::ThreadState;

/// `a op b`, with `NotImplemented` for operand types the operator refuses.
fn binary(ts: &mut ThreadState, args: Args<'_>, name: &str, op: BinOp, reflected: bool) -> PyResult<Value> {
    let (a, rest) = method(ts, name, args, 1, 1)?;
    let (x, y) = if reflected { (&rest[0], a) } else { (a, &rest[0]) };
    match ts.binary_op(op, x, y) {
        Err(e) if ts.err_matches(&e, &ts.types().type_error.clone()) => Ok(Value::NotImplemented),
        other => other,
    }
}

fn compare(ts: &mut ThreadState, args: Args<'_>, name: &str, op: CmpOp) -> PyResult<Value> {
    let (a, rest) = method(ts, name, args, 1, 1)?;
    match ts.compare(op, a, &rest[0]) {
        Err(e) if ts.err_matches(&e, &ts.types().type_error.clone()) => Ok(Value::NotImplemented),
        other => other,
    }
}

macro_rules! binary_dunders {
    ($($f:ident $rf:ident $name:literal $rname:literal $op:ident),* $(,)?) => {
        $(
            fn $f(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
                binary(ts, args, $name, BinOp::$op, false)
            }
            fn $rf(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
                binary(ts, args, $rname, BinOp::$op, true)
            }
        )*
        const BINARY: &[(&str, &str, NativeFnPtr, NativeFnPtr)] = &[$(($name, $rname, $f, $rf)),*];
    };
}

binary_dunders! {
    add radd "__add__" "__radd__" Add,
    sub rsub "__sub__" "__rsub__" Sub,
    mul rmul "__mul__" "__rmul__" Mul,
    truediv rtruediv "__truediv__" "__rtruediv__" TrueDiv,
    floordiv rfloordiv "__floordiv__" "__rfloordiv__" FloorDiv,
    modulo rmodulo "__mod__" "__rmod__" Mod,
    power rpower "__pow__" "__rpow__" Pow,
    lshift rlshift "__lshift__" "__rlshift__" LShift,
    rshift rrshift "__rshift__" "__rrshift__" RShift,
    and_ rand "__and__" "__rand__" And,
    or_ ror "__or__" "__ror__" Or,
    xor rxor "__xor__" "__rxor__" Xor,
}

macro_rules! compare_dunders {
    ($($f:ident $name:literal $op:ident),* $(,)?) => {
        $(
            fn $f(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
                compare(ts, args, $name, CmpOp::$op)
            }
        )*
        const COMPARE: &[(&str, NativeFnPtr)] = &[$(($name, $f)),*];
    };
}

compare_dunders! {
    lt "__lt__" Lt,
    le "__le__" Le,
    eq "__eq__" Eq,
    ne "__ne__" Ne,
    gt "__gt__" Gt,
    ge "__ge__" Ge,
}

fn neg(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (a, _) = method(ts, "__neg__", args, 0, 0)?;
    ts.unary_op(UnaryOp::Neg, a)
}

fn pos(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (a, _) = method(ts, "__pos__", args, 0, 0)?;
    ts.unary_op(UnaryOp::Pos, a)
}

fn invert(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (a, _) = method(ts, "__invert__", args, 0, 0)?;
    ts.unary_op(UnaryOp::Invert, a)
}

fn abs(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (a, _) = method(ts, "__abs__", args, 0, 0)?;
    if let Value::Float(f) = a {
        return Ok(Value::Float(f.abs()));
    }
    let negative = ts.compare(CmpOp::Lt, a, &Value::Int(0))?;
    if ts.truthy(&negative)? {
        ts.unary_op(UnaryOp::Neg, a)
    } else {
        ts.unary_op(UnaryOp::Pos, a)
    }
}

fn bool_(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (a, _) = method(ts, "__bool__", args, 0, 0)?;
    Ok(Value::Bool(ts.truthy(a)?))
}

fn hash(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (a, _) = method(ts, "__hash__", args, 0, 0)?;
    match a {
        Value::Instance(_) | Value::Native(_) => Ok(Value::Int(crate::objects::hash::hash_pointer(a.heap_ptr().unwrap_or(0)))),
        _ => Ok(Value::Int(ts.hash(a)?)),
    }
}

fn object_eq(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(ts, "__eq__", args, 1, 1)?;
    Ok(if a.is(&rest[0]) { Value::Bool(true) } else { Value::NotImplemented })
}

fn object_ne(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(ts, "__ne__", args, 1, 1)?;
    let r = ts.call_special(a, "__eq__", std::slice::from_ref(&rest[0]))?;
    match r {
        Some(Value::NotImplemented) | None => Ok(Value::NotImplemented),
        Some(v) => Ok(Value::Bool(!ts.truthy(&v)?)),
    }
}

fn len(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (a, _) = method(ts, "__len__", args, 0, 0)?;
    Ok(Value::Int(ts.len(a)? as i64))
}

fn getitem(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(ts, "__getitem__", args, 1, 1)?;
    ts.get_item(a, &rest[0])
}

fn setitem(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(ts, "__setitem__", args, 2, 2)?;
    ts.set_item(a, rest[0].clone(), rest[1].clone())?;
    Ok(Value::None)
}

fn delitem(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(ts, "__delitem__", args, 1, 1)?;
    ts.del_item(a, &rest[0])?;
    Ok(Value::None)
}

fn contains(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(ts, "__contains__", args, 1, 1)?;
    Ok(Value::Bool(ts.contains(a, &rest[0])?))
}

fn iter(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (a, _) = method(ts, "__iter__", args, 0, 0)?;
    ts.get_iter(a)
}

fn str_(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (a, _) = method(ts, "__str__", args, 0, 0)?;
    Ok(Value::Str(ts.to_str(a)?))
}

fn repr(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (a, _) = method(ts, "__repr__", args, 0, 0)?;
    Ok(Value::Str(ts.repr(a)?))
}

fn format(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(ts, "__format__", args, 1, 1)?;
    let spec = super::args::str_arg(ts, &rest[0], "format_spec")?.to_string();
    Ok(Value::Str(ts.format(a, &spec)?))
}

fn float_(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (a, _) = method(ts, "__float__", args, 0, 0)?;
    super::constructors::to_float(ts, a).map(Value::Float)
}

fn int_(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (a, _) = method(ts, "__int__", args, 0, 0)?;
    super::constructors::to_int(ts, a)
}

pub fn install(ts: &mut ThreadState) {
    let t = ts.types();
    let numbers = [t.int.clone(), t.float.clone()];
    let sequences = [t.str.clone(), t.bytes.clone(), t.list.clone(), t.tuple.clone()];
    let containers = [t.dict.clone(), t.set.clone(), t.frozenset.clone(), t.range.clone()];
    let object = t.object.clone();
    let (list, dict) = (t.list.clone(), t.dict.clone());
    let common: &[(&'static str, NativeFnPtr)] = &[("__str__", str_), ("__repr__", repr), ("__format__", format), ("__bool__", bool_)];
    for cls in numbers.iter().chain(&sequences).chain(&containers) {
        for &(name, f) in COMPARE.iter().chain(common) {
            add_method(ts, &cls.dict, "builtin", name, f);
        }
        if !matches!(cls.name.as_str(), "list" | "dict" | "set") {
            add_method(ts, &cls.dict, "builtin", "__hash__", hash);
        } else {
            cls.dict.set_str(ts.intern("__hash__"), Value::None);
        }
    }
    for cls in &numbers {
        for &(name, rname, f, rf) in BINARY {
            add_method(ts, &cls.dict, "builtin", name, f);
            add_method(ts, &cls.dict, "builtin", rname, rf);
        }
        let unary: &[(&'static str, NativeFnPtr)] =
            &[("__neg__", neg), ("__pos__", pos), ("__abs__", abs), ("__float__", float_), ("__int__", int_)];
        for &(name, f) in unary {
            add_method(ts, &cls.dict, "builtin", name, f);
        }
    }
    add_method(ts, &numbers[0].dict, "int", "__invert__", invert);
    for cls in sequences.iter().chain(&containers) {
        let items: &[(&'static str, NativeFnPtr)] =
            &[("__len__", len), ("__getitem__", getitem), ("__contains__", contains), ("__iter__", iter)];
        for &(name, f) in items {
            add_method(ts, &cls.dict, "builtin", name, f);
        }
        for &(name, rname, f, _) in BINARY {
            if matches!(name, "__add__" | "__mul__" | "__mod__" | "__or__" | "__and__" | "__sub__" | "__xor__") {
                add_method(ts, &cls.dict, "builtin", name, f);
                let _ = rname;
            }
        }
    }
    for cls in [list, dict] {
        add_method(ts, &cls.dict, "builtin", "__setitem__", setitem);
        add_method(ts, &cls.dict, "builtin", "__delitem__", delitem);
    }
    add_method(ts, &object.dict, "object", "__eq__", object_eq);
    add_method(ts, &object.dict, "object", "__ne__", object_ne);
    add_method(ts, &object.dict, "object", "__hash__", hash);
}
