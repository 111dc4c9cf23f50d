//! Native `__new__` of the builtin types: what `int("5")`, `list(x)`,
//! `dict(a=1)`, `object.__new__(cls)` run. The VM calls `__new__(cls, ...)`
//! then, for an instance of `cls`, `__init__`.

use std::cell::RefCell;

use num_bigint::BigInt;
use num_traits::Num;

use super::args::{bind, int_arg, positional};
use super::core::float_to_int;
use crate::objects::module::add_method;
use crate::objects::num::bigint_to_f64;
use crate::objects::{
    Args, ExceptionData, Gc, Layout, NativeFnPtr, PyBytes, PyDict, PyInstance, PyProperty, PyRange, PyResult, PySlice,
    PyType, Value,
};
use crate::vm::ThreadState;

pub fn install(ts: &mut ThreadState) {
    let t = ts.types();
    let news: Vec<(Gc<PyType>, NativeFnPtr)> = vec![
        (t.object.clone(), object_new),
        (t.int.clone(), int_new),
        (t.bool_.clone(), bool_new),
        (t.float.clone(), float_new),
        (t.str.clone(), str_new),
        (t.bytes.clone(), bytes_new),
        (t.list.clone(), list_new),
        (t.tuple.clone(), tuple_new),
        (t.dict.clone(), dict_new),
        (t.set.clone(), set_new),
        (t.frozenset.clone(), frozenset_new),
        (t.range.clone(), range_new),
        (t.slice.clone(), slice_new),
        (t.property.clone(), property_new),
        (t.staticmethod.clone(), staticmethod_new),
        (t.classmethod.clone(), classmethod_new),
        (t.none_type.clone(), none_new),
    ];
    for (cls, f) in news {
        let d = cls.dict.clone();
        add_method(ts, &d, "type", "__new__", f);
    }
    let d = ts.types().object.dict.clone();
    add_method(ts, &d, "object", "__init__", object_init);
}

/// `cls(x)` for the builtin types whose one-argument call is a conversion:
/// what their `__new__` computes, without looking up `__new__` and `__init__`
/// (both fixed: builtin types reject attribute assignment) or copying the
/// arguments behind the class. `None` for any other class (subclasses
/// included), which takes the generic path.
pub(crate) fn convert(ts: &mut ThreadState, cls: &PyType, x: &Value) -> Option<PyResult<Value>> {
    let t = ts.types();
    let r = if std::ptr::eq(cls, &*t.str) {
        ts.to_str(x).map(Value::Str)
    } else if std::ptr::eq(cls, &*t.int) {
        to_int(ts, x)
    } else if std::ptr::eq(cls, &*t.float) {
        to_float(ts, x).map(Value::Float)
    } else if std::ptr::eq(cls, &*t.bool_) {
        ts.truthy(x).map(Value::Bool)
    } else {
        return None;
    };
    Some(r)
}

/// The class a `__new__` was called for (its first argument).
fn class_arg<'a>(ts: &mut ThreadState, args: &'a [Value], name: &str) -> PyResult<&'a Gc<PyType>> {
    match args.first() {
        Some(Value::Type(t)) => Ok(t),
        _ => Err(ts.type_error(format!("{name}.__new__(X): X is not a type object"))),
    }
}

/// `args` without the leading class.
fn rest<'a>(args: Args<'a>) -> Args<'a> {
    Args { values: args.values.get(1..).unwrap_or(&[]), kwnames: args.kwnames }
}

fn object_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let cls = class_arg(ts, args.values, "object")?.clone();
    if args.values.len() > 1 && !init_overridden(ts, &cls) {
        let name = cls.name.clone();
        let msg = if cls.builtin { "object() takes no arguments".to_string() } else { format!("{name}() takes no arguments") };
        return Err(ts.type_error(msg));
    }
    new_instance(ts, &cls, Value::tuple(vec![]))
}

fn init_overridden(ts: &mut ThreadState, cls: &PyType) -> bool {
    let name = ts.intern("__init__");
    let base = ts.types().object.dict.get_str(&name);
    match (cls.lookup(&name), base) {
        (Some(found), Some(base)) => !found.is(&base),
        _ => false,
    }
}

/// A fresh instance of a class defined in Python, with exception data when it derives from BaseException.
pub fn new_instance(ts: &mut ThreadState, cls: &Gc<PyType>, exc_args: Value) -> PyResult<Value> {
    let exception = match cls.layout {
        Layout::Exception => Some(RefCell::new(ExceptionData::new(exc_args))),
        Layout::Object => None,
        Layout::Builtin => {
            let msg = format!("object.__new__({}) is not safe, use {}.__new__()", cls.name, cls.name);
            return Err(ts.type_error(msg));
        }
    };
    let inst = PyInstance::new(cls.clone(), PyDict::new(), exception);
    Ok(Value::Instance(Gc::new(inst)))
}

fn object_init(_ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

fn none_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    positional(ts, "NoneType", rest(args), 0, 0)?;
    Ok(Value::None)
}

fn int_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    // `x` is positional-only: an empty name no keyword can match.
    let a = bind(ts, "int", rest(args), &["", "base"], 0)?;
    let Some(x) = &a[0] else { return Ok(Value::Int(0)) };
    if let Some(b) = &a[1] {
        let base = int_arg(ts, b)?;
        let text = match x {
            Value::Str(s) => s.as_str().to_string(),
            Value::Bytes(b) => String::from_utf8_lossy(&b.value).into_owned(),
            _ => return Err(ts.type_error("int() can't convert non-string with explicit base")),
        };
        return parse_int(ts, &text, base);
    }
    to_int(ts, x)
}

/// `int(x)` for one argument.
pub fn to_int(ts: &mut ThreadState, x: &Value) -> PyResult<Value> {
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => float_to_int_checked(ts, *f),
        Value::Str(s) => parse_int(ts, s.as_str(), 10),
        Value::Bytes(b) => parse_int(ts, &String::from_utf8_lossy(&b.value), 10),
        _ => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(r) = ts.call_special(x, name, &[])? {
                    return Ok(r);
                }
            }
            let t = ts.type_of(x).name.clone();
            Err(ts.type_error(format!("int() argument must be a string, a bytes-like object or a real number, not '{t}'")))
        }
    }
}

pub fn float_to_int_checked(ts: &mut ThreadState, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(ts.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(ts.overflow_error("cannot convert float infinity to integer"));
    }
    Ok(float_to_int(f.trunc()))
}

/// `int(text, base)` with Python's literal rules: whitespace, sign, `_` between digits, prefixes.
pub fn parse_int(ts: &mut ThreadState, text: &str, base: i64) -> PyResult<Value> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(ts.value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = |ts: &mut ThreadState| {
        let shown = crate::objects::text::str_repr(text);
        ts.value_error(format!("invalid literal for int() with base {base}: {shown}"))
    };
    let t = text.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = body.to_ascii_lowercase();
    let (radix, digits) = match (base, lower.get(..2)) {
        (0 | 16, Some("0x")) => (16, &body[2..]),
        (0 | 8, Some("0o")) => (8, &body[2..]),
        (0 | 2, Some("0b")) => (2, &body[2..]),
        (0, _) => (10, body),
        (b, _) => (b as u32, body),
    };
    let prefixed = digits.len() != body.len();
    let digits = digits.strip_prefix('_').filter(|_| prefixed).unwrap_or(digits);
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return Err(invalid(ts));
    }
    if base == 0 && radix == 10 && digits.len() > 1 && digits.starts_with('0') && digits.chars().any(|c| c != '0' && c != '_') {
        return Err(invalid(ts));
    }
    let clean: String = digits.chars().filter(|&c| c != '_').map(unicode_digit).collect();
    if radix == 10 && clean.len() > crate::objects::text::INT_MAX_STR_DIGITS {
        return Err(ts.value_error(
            format!("Exceeds the limit (4300 digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit", clean.len()),
        ));
    }
    match BigInt::from_str_radix(&clean, radix) {
        Ok(n) if !clean.starts_with(['+', '-']) => Ok(Value::from_bigint(if neg { -n } else { n })),
        _ => Err(invalid(ts)),
    }
}

/// Maps a Unicode decimal digit (Arabic-Indic, fullwidth, ...) to ASCII.
fn unicode_digit(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    const ZEROS: [u32; 8] = [0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0xff10, 0x1d7ce, 0x7c0];
    for z in ZEROS {
        let v = c as u32;
        if (z..z + 10).contains(&v) {
            return char::from_digit(v - z, 10).unwrap_or(c);
        }
    }
    c
}

fn bool_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "bool", rest(args), 0, 1)?;
    match a.first() {
        Some(v) => Ok(Value::Bool(ts.truthy(v)?)),
        None => Ok(Value::Bool(false)),
    }
}

fn float_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "float", rest(args), 0, 1)?;
    let Some(x) = a.first() else { return Ok(Value::Float(0.0)) };
    to_float(ts, x).map(Value::Float)
}

pub fn to_float(ts: &mut ThreadState, x: &Value) -> PyResult<f64> {
    match x {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => bigint_to_f64(ts, b),
        Value::Str(s) => parse_float(s.as_str()).ok_or_else(|| {
            let shown = crate::objects::text::str_repr(s.as_str());
            ts.value_error(format!("could not convert string to float: {shown}"))
        }),
        _ => {
            if let Some(r) = ts.call_special(x, "__float__", &[])? {
                if let Value::Float(f) = r {
                    return Ok(f);
                }
                let t = ts.type_of(x).name.clone();
                return Err(ts.type_error(format!("{t}.__float__ returned non-float")));
            }
            if let Some(r) = ts.call_special(x, "__index__", &[])? {
                return to_float(ts, &r);
            }
            let t = ts.type_of(x).name.clone();
            Err(ts.type_error(format!("float() argument must be a string or a real number, not '{t}'")))
        }
    }
}

/// Python's float literal syntax (plus `inf`, `nan`, `infinity`), with `_` between digits.
pub fn parse_float(text: &str) -> Option<f64> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if lower.len() - unsigned.len() > 1 {
        return None;
    }
    let neg = lower.starts_with('-');
    let special = match unsigned {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if neg { -v } else { v });
    }
    let ok_chars = unsigned.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '+' | '-' | '_'));
    if !ok_chars || unsigned.is_empty() || unsigned.contains("__") || unsigned.starts_with('_') || unsigned.ends_with('_') {
        return None;
    }
    let bad_underscore = unsigned.char_indices().any(|(i, c)| {
        c == '_' && !(unsigned.as_bytes()[i - 1].is_ascii_digit() && unsigned.as_bytes().get(i + 1).is_some_and(|b| b.is_ascii_digit()))
    });
    if bad_underscore {
        return None;
    }
    let clean: String = t.chars().filter(|&c| c != '_').collect();
    clean.parse::<f64>().ok()
}

fn str_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    if let ([_, x], []) = (args.values, args.kwnames) {
        return Ok(Value::Str(ts.to_str(x)?));
    }
    let a = bind(ts, "str", rest(args), &["object", "encoding", "errors"], 0)?;
    let Some(x) = &a[0] else { return Ok(Value::str("")) };
    if a[1].is_some() || a[2].is_some() {
        return match x {
            Value::Bytes(b) => super::bytes_methods::decode_bytes(ts, &b.value, a[1].as_ref(), a[2].as_ref()),
            _ => {
                let t = ts.type_of(x).name.clone();
                Err(ts.type_error(format!("decoding to str: need a bytes-like object, {t} found")))
            }
        };
    }
    Ok(Value::Str(ts.to_str(x)?))
}

fn bytes_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = bind(ts, "bytes", rest(args), &["source", "encoding", "errors"], 0)?;
    let Some(src) = &a[0] else { return Ok(bytes_value(Vec::new())) };
    match src {
        Value::Str(s) => match &a[1] {
            Some(enc) => super::str_methods::encode_str(ts, s.as_str(), Some(enc), a[2].as_ref()),
            None => Err(ts.type_error("string argument without an encoding")),
        },
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let n = int_arg(ts, src)?;
            if n < 0 {
                return Err(ts.value_error("negative count"));
            }
            if n as u128 > crate::objects::MAX_ALLOC_BYTES {
                return Err(ts.no_memory());
            }
            Ok(bytes_value(vec![0; n as usize]))
        }
        Value::Bytes(_) => Ok(src.clone()),
        _ => {
            let mut out = Vec::new();
            for item in ts.collect_items(src)? {
                match ts.index_value(&item)? {
                    Some(b @ 0..=255) => out.push(b as u8),
                    Some(_) => return Err(ts.value_error("bytes must be in range(0, 256)")),
                    None => {
                        let t = ts.type_of(&item).name.clone();
                        return Err(ts.type_error(format!("'{t}' object cannot be interpreted as an integer")));
                    }
                }
            }
            Ok(bytes_value(out))
        }
    }
}

pub fn bytes_value(b: Vec<u8>) -> Value {
    Value::Bytes(Gc::new(PyBytes::new(b)))
}

fn list_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "list", rest(args), 0, 1)?;
    match a.first() {
        Some(v) => Ok(Value::list(ts.collect_items(v)?)),
        None => Ok(Value::list(Vec::new())),
    }
}

fn tuple_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "tuple", rest(args), 0, 1)?;
    match a.first() {
        Some(Value::Tuple(_)) => Ok(a[0].clone()),
        Some(v) => Ok(Value::tuple(ts.collect_items(v)?)),
        None => Ok(Value::tuple(Vec::new())),
    }
}

fn dict_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let r = rest(args);
    let pos = r.positional();
    if pos.len() > 1 {
        return Err(ts.type_error(format!("dict expected at most 1 argument, got {}", pos.len())));
    }
    let d = PyDict::new();
    if let Some(src) = pos.first() {
        ts.dict_update_from(&d, src)?;
    }
    for (k, v) in r.keywords() {
        d.set_str(k.clone(), v.clone());
    }
    Ok(Value::Dict(Gc::new(d)))
}

fn set_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "set", rest(args), 0, 1)?;
    match a.first() {
        Some(v) => Ok(Value::Set(Gc::new(ts.new_set(v, false)?))),
        None => Ok(Value::Set(Gc::new(crate::objects::PySet::new(false)))),
    }
}

fn frozenset_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "frozenset", rest(args), 0, 1)?;
    match a.first() {
        Some(v @ Value::Set(s)) if s.frozen => Ok(v.clone()),
        Some(v) => Ok(Value::Set(Gc::new(ts.new_set(v, true)?))),
        None => Ok(Value::Set(Gc::new(crate::objects::PySet::new(true)))),
    }
}

fn range_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "range", rest(args), 1, 3)?;
    let mut n = [0i64; 3];
    for (slot, v) in n.iter_mut().zip(a) {
        *slot = match ts.index_value(v)? {
            Some(i) => i,
            None => {
                let t = ts.type_of(v).name.clone();
                return Err(ts.type_error(format!("'{t}' object cannot be interpreted as an integer")));
            }
        };
    }
    let (start, stop, step) = match a.len() {
        1 => (0, n[0], 1),
        2 => (n[0], n[1], 1),
        _ => (n[0], n[1], n[2]),
    };
    if step == 0 {
        return Err(ts.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Gc::new(PyRange { start, stop, step })))
}

fn slice_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "slice", rest(args), 1, 3)?;
    let (start, stop, step) = match a {
        [stop] => (Value::None, stop.clone(), Value::None),
        [start, stop] => (start.clone(), stop.clone(), Value::None),
        [start, stop, step, ..] => (start.clone(), stop.clone(), step.clone()),
        [] => (Value::None, Value::None, Value::None),
    };
    Ok(Value::Slice(Gc::new(PySlice { start, stop, step })))
}

fn property_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = bind(ts, "property", rest(args), &["fget", "fset", "fdel", "doc"], 0)?;
    let get = |i: usize| a[i].clone().unwrap_or(Value::None);
    Ok(Value::Property(Gc::new(PyProperty { fget: get(0), fset: get(1), fdel: get(2), doc: get(3) })))
}

fn staticmethod_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "staticmethod", rest(args), 1, 1)?;
    Ok(Value::StaticMethod(Gc::new(a[0].clone())))
}

fn classmethod_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "classmethod", rest(args), 1, 1)?;
    Ok(Value::ClassMethod(Gc::new(a[0].clone())))
}
