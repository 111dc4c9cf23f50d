//! Methods of `object`, `int`, `float`, `range`, `slice`, `property`.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use super::args::{bind, int_arg, method};
use super::constructors::bytes_value;
use crate::objects::module::add_method;
use crate::objects::num::int_of;
use crate::objects::{Args, Gc, NativeFnPtr, NativeFunction, PyProperty, PyResult, Value};
use crate::vm::ThreadState;

pub fn install(ts: &mut ThreadState) {
    let t = ts.types();
    let (object, int, float, range, slice, property) =
        (t.object.dict.clone(), t.int.dict.clone(), t.float.dict.clone(), t.range.dict.clone(), t.slice.dict.clone(), t.property.dict.clone());
    let groups: &[(&crate::objects::PyDict, &'static str, &[(&'static str, NativeFnPtr)])] = &[
        (&object, "object", &[("__repr__", object_repr), ("__str__", object_str), ("__format__", object_format)]),
        (&int, "int", &[("bit_length", bit_length), ("to_bytes", to_bytes), ("conjugate", int_self), ("__index__", int_self), ("__int__", int_self), ("bit_count", bit_count)]),
        (&float, "float", &[("is_integer", is_integer), ("as_integer_ratio", as_integer_ratio), ("conjugate", float_self)]),
        (&range, "range", &[("index", range_index), ("count", range_count)]),
        (&slice, "slice", &[("indices", slice_indices)]),
        (&property, "property", &[("setter", prop_setter), ("getter", prop_getter), ("deleter", prop_deleter), ("__get__", prop_get), ("__set__", prop_set), ("__delete__", prop_delete)]),
    ];
    for (dict, owner, methods) in groups {
        for &(name, f) in methods.iter() {
            add_method(ts, dict, owner, name, f);
        }
    }
    let from_bytes = Value::NativeFunction(Gc::new(NativeFunction::new("int", "from_bytes", from_bytes)));
    int.set_str(ts.intern("from_bytes"), Value::ClassMethod(Gc::new(from_bytes)));
    for (name, getter) in [("real", int_self as NativeFnPtr), ("numerator", int_self), ("denominator", int_one), ("imag", int_zero)] {
        add_getter(ts, &int, "int", name, getter);
    }
    for (name, getter) in [("real", float_self as NativeFnPtr), ("imag", float_zero)] {
        add_getter(ts, &float, "float", name, getter);
    }
    for (name, getter) in [("start", range_start as NativeFnPtr), ("stop", range_stop), ("step", range_step)] {
        add_getter(ts, &range, "range", name, getter);
    }
    for (name, getter) in [("start", slice_start as NativeFnPtr), ("stop", slice_stop), ("step", slice_step)] {
        add_getter(ts, &slice, "slice", name, getter);
    }
    for (name, getter) in [("fget", prop_fget as NativeFnPtr), ("fset", prop_fset), ("fdel", prop_fdel), ("__doc__", prop_doc)] {
        add_getter(ts, &property, "property", name, getter);
    }
}

/// A read-only attribute computed by a native function (a `property` whose getter is native).
pub fn add_getter(ts: &mut ThreadState, dict: &crate::objects::PyDict, owner: &'static str, name: &'static str, f: NativeFnPtr) {
    let fget = Value::NativeFunction(Gc::new(NativeFunction::new(owner, name, f)));
    let prop = PyProperty { fget, fset: Value::None, fdel: Value::None, doc: Value::None };
    dict.set_str(ts.intern(name), Value::Property(Gc::new(prop)));
}

fn object_repr(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "__repr__", args, 0, 0)?;
    Ok(Value::str(&ts.default_repr(r)))
}

fn object_str(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "__str__", args, 0, 0)?;
    Ok(Value::Str(ts.repr(r)?))
}

fn object_format(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "__format__", args, 1, 1)?;
    let spec = super::args::str_arg(ts, &rest[0], "format_spec")?.to_string();
    Ok(Value::str(&ts.format_default(r, &spec)?))
}

fn int_recv(ts: &mut ThreadState, v: &Value) -> PyResult<BigInt> {
    match int_of(v) {
        Some(i) => Ok(i),
        None => {
            let t = ts.type_of(v).name.clone();
            Err(ts.type_error(format!("descriptor requires a 'int' object but received a '{t}'")))
        }
    }
}

fn bit_length(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "bit_length", args, 0, 0)?;
    Ok(Value::Int(int_recv(ts, r)?.bits() as i64))
}

fn bit_count(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "bit_count", args, 0, 0)?;
    let n = int_recv(ts, r)?;
    Ok(Value::Int(n.magnitude().to_u64_digits().iter().map(|d| d.count_ones() as i64).sum()))
}

fn int_self(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "__index__", args, 0, 0)?;
    Ok(Value::from_bigint(int_recv(ts, r)?))
}

fn int_one(_ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(1))
}

fn int_zero(_ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn to_bytes(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = bind(ts, "to_bytes", args, &["self", "length", "byteorder", "signed"], 1)?;
    let n = int_recv(ts, a[0].as_ref().unwrap_or(&Value::None))?;
    let length = match &a[1] {
        Some(v) => int_arg(ts, v)?,
        None => 1,
    };
    let big = byteorder(ts, a[2].as_ref())?;
    let signed = match &a[3] {
        Some(v) => ts.truthy(v)?,
        None => false,
    };
    if length < 0 {
        return Err(ts.value_error("length argument must be non-negative"));
    }
    if length as u128 > crate::objects::MAX_ALLOC_BYTES {
        return Err(ts.no_memory());
    }
    if n.is_negative() && !signed {
        return Err(ts.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { n.to_signed_bytes_le() } else { n.to_bytes_le().1 };
    if n.is_zero() {
        bytes.clear();
    }
    if bytes.len() > length as usize {
        return Err(ts.overflow_error("int too big to convert"));
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    bytes.resize(length as usize, fill);
    if big {
        bytes.reverse();
    }
    Ok(bytes_value(bytes))
}

fn byteorder(ts: &mut ThreadState, v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(true),
        Some(Value::Str(s)) if s.as_str() == "big" => Ok(true),
        Some(Value::Str(s)) if s.as_str() == "little" => Ok(false),
        Some(_) => Err(ts.value_error("byteorder must be either 'little' or 'big'")),
    }
}

fn from_bytes(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = bind(ts, "from_bytes", args, &["cls", "bytes", "byteorder", "signed"], 2)?;
    let data = match &a[1] {
        Some(Value::Bytes(b)) => b.value.to_vec(),
        Some(other) => {
            let mut out = Vec::new();
            for item in ts.collect_items(other)? {
                out.push(int_arg(ts, &item)? as u8);
            }
            out
        }
        None => Vec::new(),
    };
    let big = byteorder(ts, a[2].as_ref())?;
    let signed = match &a[3] {
        Some(v) => ts.truthy(v)?,
        None => false,
    };
    let n = match (big, signed) {
        (true, true) => BigInt::from_signed_bytes_be(&data),
        (false, true) => BigInt::from_signed_bytes_le(&data),
        (true, false) => BigInt::from_bytes_be(Sign::Plus, &data),
        (false, false) => BigInt::from_bytes_le(Sign::Plus, &data),
    };
    Ok(Value::from_bigint(n))
}

fn float_recv(ts: &mut ThreadState, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        other => {
            let t = ts.type_of(other).name.clone();
            Err(ts.type_error(format!("descriptor requires a 'float' object but received a '{t}'")))
        }
    }
}

fn is_integer(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "is_integer", args, 0, 0)?;
    let f = float_recv(ts, r)?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_self(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "real", args, 0, 0)?;
    Ok(Value::Float(float_recv(ts, r)?))
}

fn float_zero(_ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(0.0))
}

fn as_integer_ratio(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "as_integer_ratio", args, 0, 0)?;
    let f = float_recv(ts, r)?;
    if f.is_nan() {
        return Err(ts.value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(ts.overflow_error("cannot convert Infinity to integer ratio"));
    }
    let (m, e) = crate::objects::hash::frexp(f);
    let mut mant = m;
    let mut exp = e;
    for _ in 0..300 {
        if mant.fract() == 0.0 {
            break;
        }
        mant *= 2.0;
        exp -= 1;
    }
    let num = BigInt::from(mant as i64);
    let (num, den) = if exp > 0 { (num << exp as usize, BigInt::from(1)) } else { (num, BigInt::from(1) << (-exp) as usize) };
    let g = num_integer::Integer::gcd(&num, &den);
    Ok(Value::tuple(vec![Value::from_bigint(&num / &g), Value::from_bigint(&den / &g)]))
}

fn range_recv(ts: &mut ThreadState, v: &Value) -> PyResult<Gc<crate::objects::PyRange>> {
    match v {
        Value::Range(r) => Ok(r.clone()),
        _ => Err(ts.type_error("descriptor requires a 'range' object")),
    }
}

fn range_index(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "index", args, 1, 1)?;
    let range = range_recv(ts, r)?;
    if ts.contains(r, &rest[0])? {
        if let Some(i) = int_of(&rest[0]).and_then(|b| b.to_i64()) {
            return Ok(Value::Int((i - range.start) / range.step));
        }
    }
    let shown = ts.repr_string(&rest[0])?;
    Err(ts.value_error(format!("{shown} is not in range")))
}

fn range_count(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "count", args, 1, 1)?;
    Ok(Value::Int(ts.contains(r, &rest[0])? as i64))
}

fn range_start(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let r = range_recv(ts, args.values.first().unwrap_or(&Value::None))?;
    Ok(Value::Int(r.start))
}

fn range_stop(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let r = range_recv(ts, args.values.first().unwrap_or(&Value::None))?;
    Ok(Value::Int(r.stop))
}

fn range_step(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let r = range_recv(ts, args.values.first().unwrap_or(&Value::None))?;
    Ok(Value::Int(r.step))
}

fn slice_recv(ts: &mut ThreadState, v: Option<&Value>) -> PyResult<Gc<crate::objects::PySlice>> {
    match v {
        Some(Value::Slice(s)) => Ok(s.clone()),
        _ => Err(ts.type_error("descriptor requires a 'slice' object")),
    }
}

fn slice_start(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    Ok(slice_recv(ts, args.values.first())?.start.clone())
}

fn slice_stop(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    Ok(slice_recv(ts, args.values.first())?.stop.clone())
}

fn slice_step(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    Ok(slice_recv(ts, args.values.first())?.step.clone())
}

fn slice_indices(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "indices", args, 1, 1)?;
    let s = slice_recv(ts, Some(r))?;
    let len = int_arg(ts, &rest[0])?;
    if len < 0 {
        return Err(ts.value_error("length should not be negative"));
    }
    let idx = ts.slice_indices(&s, len as usize)?;
    Ok(Value::tuple(vec![Value::Int(idx.start), Value::Int(idx.stop), Value::Int(idx.step)]))
}

fn prop_recv(ts: &mut ThreadState, v: Option<&Value>) -> PyResult<Gc<PyProperty>> {
    match v {
        Some(Value::Property(p)) => Ok(p.clone()),
        _ => Err(ts.type_error("descriptor requires a 'property' object")),
    }
}

fn prop_with(ts: &mut ThreadState, args: Args<'_>, name: &str, which: usize) -> PyResult<Value> {
    let (r, rest) = method(ts, name, args, 1, 1)?;
    let p = prop_recv(ts, Some(r))?;
    let mut parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    parts[which] = rest[0].clone();
    let [fget, fset, fdel] = parts;
    Ok(Value::Property(Gc::new(PyProperty { fget, fset, fdel, doc: p.doc.clone() })))
}

fn prop_getter(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    prop_with(ts, args, "getter", 0)
}

fn prop_setter(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    prop_with(ts, args, "setter", 1)
}

fn prop_deleter(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    prop_with(ts, args, "deleter", 2)
}

fn prop_fget(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    Ok(prop_recv(ts, args.values.first())?.fget.clone())
}

fn prop_fset(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    Ok(prop_recv(ts, args.values.first())?.fset.clone())
}

fn prop_fdel(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    Ok(prop_recv(ts, args.values.first())?.fdel.clone())
}

fn prop_doc(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    Ok(prop_recv(ts, args.values.first())?.doc.clone())
}

fn prop_get(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "__get__", args, 1, 2)?;
    let p = prop_recv(ts, Some(r))?;
    if rest[0].is_none() {
        return Ok(r.clone());
    }
    if p.fget.is_none() {
        return Err(ts.attribute_error("property has no getter"));
    }
    ts.call_positional(&p.fget, &[rest[0].clone()])
}

fn prop_set(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "__set__", args, 2, 2)?;
    let p = prop_recv(ts, Some(r))?;
    if p.fset.is_none() {
        return Err(ts.attribute_error("property has no setter"));
    }
    ts.call_positional(&p.fset, &[rest[0].clone(), rest[1].clone()])?;
    Ok(Value::None)
}

fn prop_delete(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "__delete__", args, 1, 1)?;
    let p = prop_recv(ts, Some(r))?;
    if p.fdel.is_none() {
        return Err(ts.attribute_error("property has no deleter"));
    }
    ts.call_positional(&p.fdel, &[rest[0].clone()])?;
    Ok(Value::None)
}
