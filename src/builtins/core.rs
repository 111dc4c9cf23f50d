//! Builtin functions over values (`print`, `len`, `abs`, `hex`, ...) and the
//! installation of the builtin types, their methods and the exception classes.

use num_bigint::BigInt;
use num_traits::{Signed, Zero};

use super::args::{bind, int_arg, positional};
use super::io;
use crate::objects::num::{int_of, round_float};
use crate::objects::{Args, Gc, NativeFnPtr, NativeFunction, PyResult, Value};
use crate::vm::ThreadState;

pub fn install(ts: &mut ThreadState) {
    let types = ts.types().plain_types();
    for (name, t) in types {
        let internal = name.starts_with("dict_") || name.ends_with("iterator") || matches!(name, "TextIOWrapper" | "BufferedReader" | "BufferedWriter" | "struct_time" | "stat_result");
        if !internal {
            set_builtin(ts, name, Value::Type(t));
        }
    }
    let excs = ts.types().exceptions();
    for (name, t) in excs {
        if name != "UnsupportedOperation" {
            set_builtin(ts, name, Value::Type(t));
        }
    }
    set_builtin(ts, "EnvironmentError", Value::Type(ts.types().os_error.clone()));
    set_builtin(ts, "IOError", Value::Type(ts.types().os_error.clone()));
    set_builtin(ts, "NotImplemented", Value::NotImplemented);
    set_builtin(ts, "Ellipsis", Value::Ellipsis);
    set_builtin(ts, "None", Value::None);
    set_builtin(ts, "True", Value::Bool(true));
    set_builtin(ts, "False", Value::Bool(false));
    let functions: [(&'static str, NativeFnPtr); 18] = [
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", repr),
        ("abs", abs),
        ("round", round),
        ("divmod", divmod),
        ("pow", pow),
        ("hash", hash),
        ("id", id),
        ("chr", chr),
        ("ord", ord),
        ("hex", hex),
        ("oct", oct),
        ("bin", bin),
        ("format", format),
        ("input", input),
        ("callable", callable),
    ];
    for (name, f) in functions {
        add_builtin(ts, name, f);
    }
    super::iterfns::install(ts);
    super::file::install(ts);
    super::constructors::install(ts);
    super::methods::install(ts);
    super::structseq::install(ts);
    let (stdin, stdout, stderr) = io::std_streams(ts);
    set_builtin(ts, "__gilvm_stdin__", stdin);
    set_builtin(ts, "__gilvm_stdout__", stdout);
    set_builtin(ts, "__gilvm_stderr__", stderr);
}

pub fn set_builtin(ts: &mut ThreadState, name: &str, v: Value) {
    let key = ts.intern(name);
    ts.objs.builtins.set_str(key, v);
}

pub fn add_builtin(ts: &mut ThreadState, name: &'static str, f: NativeFnPtr) {
    set_builtin(ts, name, Value::NativeFunction(Gc::new(NativeFunction::new("builtins", name, f))));
}

/// `sys.stdout`, if a script replaced it with an object of its own.
fn replaced_stdout(ts: &mut ThreadState, name: &str) -> Option<Value> {
    let sys_name = ts.intern("sys");
    let Some(Value::Module(sys)) = ts.objs.modules.get_str(&sys_name) else { return None };
    let key = ts.intern(name);
    let v = sys.dict.get_str(&key)?;
    match &v {
        Value::Native(n) if n.downcast::<io::StdStream>().is_some() => None,
        _ => Some(v),
    }
}

fn print(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = Value::None;
    let mut flush = false;
    for (k, v) in args.keywords() {
        match (k.as_str(), v) {
            ("sep" | "end", Value::None) => {}
            ("sep", Value::Str(s)) => sep = s.as_str().to_string(),
            ("end", Value::Str(s)) => end = s.as_str().to_string(),
            ("sep" | "end", other) => {
                let t = ts.type_of(other).name.clone();
                return Err(ts.type_error(format!("{} must be None or a string, not {t}", k.as_str())));
            }
            ("file", f) => file = f.clone(),
            ("flush", f) => flush = ts.truthy(f)?,
            (other, _) => return Err(ts.type_error(format!("'{other}' is an invalid keyword argument for print()"))),
        }
    }
    if file.is_none() {
        file = replaced_stdout(ts, "stdout").unwrap_or(Value::None);
    }
    if !file.is_none() && !is_std_stream(&file) {
        return print_to_object(ts, &file, args.positional(), &sep, &end, flush);
    }
    let mut text = String::new();
    for (i, v) in args.positional().iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        text.push_str(&ts.str_string(v)?);
    }
    text.push_str(&end);
    match &file {
        Value::None => {
            io::write_stdout(text.as_bytes());
            if flush {
                io::flush_std();
            }
        }
        Value::Native(n) if n.downcast::<io::StdStream>().is_some() => {
            let fd = n.downcast::<io::StdStream>().map_or(1, |s| s.fd);
            io::write_fd(fd, text.as_bytes());
            if flush {
                io::flush_std();
            }
        }
        _ => {}
    }
    Ok(Value::None)
}

fn is_std_stream(v: &Value) -> bool {
    matches!(v, Value::Native(n) if n.downcast::<io::StdStream>().is_some())
}

/// `print(..., file=f)` for a file object of a script's own: one `write` per piece, as CPython.
fn print_to_object(ts: &mut ThreadState, file: &Value, items: &[Value], sep: &str, end: &str, flush: bool) -> PyResult<Value> {
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            ts.call_method(file, "write", &[Value::str(sep)])?;
        }
        let s = ts.to_str(v)?;
        ts.call_method(file, "write", &[Value::Str(s)])?;
    }
    ts.call_method(file, "write", &[Value::str(end)])?;
    if flush {
        ts.call_method(file, "flush", &[])?;
    }
    Ok(Value::None)
}

fn len(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "len", args, 1, 1)?;
    Ok(Value::Int(ts.len(&a[0])? as i64))
}

fn repr(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "repr", args, 1, 1)?;
    Ok(Value::Str(ts.repr(&a[0])?))
}

fn callable(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "callable", args, 1, 1)?;
    Ok(Value::Bool(match &a[0] {
        Value::Function(_) | Value::NativeFunction(_) | Value::BoundMethod(_) | Value::Type(_) => true,
        v @ (Value::Instance(_) | Value::Native(_)) => ts.lookup_special(v, "__call__").is_some(),
        _ => false,
    }))
}

/// `abs(x)`: one int or float argument is answered before any argument
/// parsing (the common call); everything else takes `abs_general`.
fn abs(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    if let ([x], []) = (args.values, args.kwnames) {
        match x {
            Value::Int(i) if *i != i64::MIN => return Ok(Value::Int(i.abs())),
            Value::Float(f) => return Ok(Value::Float(f.abs())),
            _ => {}
        }
    }
    abs_general(ts, args)
}

#[inline(never)]
fn abs_general(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "abs", args, 1, 1)?;
    match &a[0] {
        Value::Int(i) => Ok(i.checked_abs().map(Value::Int).unwrap_or_else(|| Value::from_bigint(BigInt::from(*i).abs()))),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::BigInt(b) => Ok(Value::from_bigint(b.abs())),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        v => match ts.call_special(v, "__abs__", &[])? {
            Some(r) => Ok(r),
            None => {
                let t = ts.type_of(v).name.clone();
                Err(ts.type_error(format!("bad operand type for abs(): '{t}'")))
            }
        },
    }
}

fn round(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = bind(ts, "round", args, &["number", "ndigits"], 1)?;
    let x = a[0].clone().unwrap_or(Value::None);
    let nd = match &a[1] {
        None | Some(Value::None) => None,
        Some(v) => Some(int_arg(ts, v)?),
    };
    match (&x, nd) {
        (Value::Float(f), None) => {
            if f.is_nan() {
                return Err(ts.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(ts.overflow_error("cannot convert float infinity to integer"));
            }
            Ok(float_to_int(f.round_ties_even()))
        }
        (Value::Float(f), Some(n)) => Ok(Value::Float(round_float(*f, n))),
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), None) => Ok(Value::from_bigint(int_of(&x).unwrap_or_default())),
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), Some(n)) => Ok(round_int(&int_of(&x).unwrap_or_default(), n)),
        _ => {
            let mut extra = vec![];
            if let Some(n) = nd {
                extra.push(Value::Int(n));
            }
            match ts.call_special(&x, "__round__", &extra)? {
                Some(r) => Ok(r),
                None => {
                    let t = ts.type_of(&x).name.clone();
                    Err(ts.type_error(format!("type {t} doesn't define __round__ method")))
                }
            }
        }
    }
}

/// An integral float as an int (possibly big).
pub fn float_to_int(f: f64) -> Value {
    if f.abs() < 9.0e18 {
        return Value::Int(f as i64);
    }
    Value::from_bigint(bigint_from_f64(f))
}

fn bigint_from_f64(f: f64) -> BigInt {
    use num_traits::FromPrimitive;
    BigInt::from_f64(f).unwrap_or_default()
}

/// `round(i, n)` for an int with negative `n`: half to even at 10**-n.
fn round_int(i: &BigInt, n: i64) -> Value {
    if n >= 0 {
        return Value::from_bigint(i.clone());
    }
    if n < -4300 {
        return Value::Int(0);
    }
    let p = num_traits::pow(BigInt::from(10), (-n) as usize);
    let (q, r) = num_integer::Integer::div_mod_floor(i, &p);
    let twice = &r * 2;
    let up = twice > p || (twice == p && num_integer::Integer::is_odd(&q));
    let q = if up { q + 1 } else { q };
    Value::from_bigint(q * p)
}

fn divmod(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "divmod", args, 2, 2)?;
    if let (Value::Float(_), _) | (_, Value::Float(_)) = (&a[0], &a[1]) {
        if let (Some(x), Some(y)) = (crate::objects::num::float_of(ts, &a[0])?, crate::objects::num::float_of(ts, &a[1])?) {
            if y == 0.0 {
                return Err(ts.zero_division_error("float divmod()"));
            }
            let (q, r) = crate::objects::num::float_divmod(x, y);
            return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
        }
    }
    if let (Some(_), Some(y)) = (int_of(&a[0]), int_of(&a[1])) {
        if y.is_zero() {
            return Err(ts.zero_division_error("integer division or modulo by zero"));
        }
    }
    if let (Value::Instance(_), _) | (_, Value::Instance(_)) = (&a[0], &a[1]) {
        if let Some(r) = ts.call_special(&a[0], "__divmod__", &[a[1].clone()])? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if let Some(r) = ts.call_special(&a[1], "__rdivmod__", &[a[0].clone()])? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
    }
    let q = ts.binary_op(crate::bytecode::BinOp::FloorDiv, &a[0], &a[1]).map_err(|e| divmod_error(ts, e, &a[0], &a[1]))?;
    let r = ts.binary_op(crate::bytecode::BinOp::Mod, &a[0], &a[1])?;
    Ok(Value::tuple(vec![q, r]))
}

fn divmod_error(ts: &mut ThreadState, e: crate::objects::PyErr, a: &Value, b: &Value) -> crate::objects::PyErr {
    if ts.err_matches(&e, &ts.types().type_error.clone()) {
        let (ta, tb) = (ts.type_of(a).name.clone(), ts.type_of(b).name.clone());
        return ts.type_error(format!("unsupported operand type(s) for divmod(): '{ta}' and '{tb}'"));
    }
    e
}

fn pow(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = bind(ts, "pow", args, &["base", "exp", "mod"], 2)?;
    let (base, exp) = (a[0].clone().unwrap_or(Value::None), a[1].clone().unwrap_or(Value::None));
    match &a[2] {
        None | Some(Value::None) => ts.binary_op(crate::bytecode::BinOp::Pow, &base, &exp),
        Some(m) => match (int_of(&base), int_of(&exp), int_of(m)) {
            (Some(b), Some(e), Some(m)) => crate::objects::num::int_pow_mod(ts, &b, &e, &m),
            _ => Err(ts.type_error("pow() 3rd argument not allowed unless all arguments are integers")),
        },
    }
}

fn hash(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "hash", args, 1, 1)?;
    Ok(Value::Int(ts.hash(&a[0])?))
}

fn id(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "id", args, 1, 1)?;
    let v = &a[0];
    Ok(Value::Int(match v.heap_ptr() {
        Some(p) => p as i64,
        None => match v {
            Value::Int(i) => 0x1000_0000_0000 + (*i & 0xffff_ffff) * 32,
            Value::Float(f) => 0x2000_0000_0000 + (f.to_bits() & 0xffff_ffff) as i64 * 32,
            Value::Bool(b) => 0x3000_0000_0000 + *b as i64 * 32,
            Value::None => 0x3000_0000_1000,
            Value::NotImplemented => 0x3000_0000_2000,
            _ => 0x3000_0000_3000,
        },
    }))
}

fn chr(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "chr", args, 1, 1)?;
    let i = int_arg(ts, &a[0])?;
    match u32::try_from(i).ok().filter(|&c| c < 0x110000) {
        Some(c) => {
            let ch = char::from_u32(c).unwrap_or('\u{fffd}');
            Ok(Value::str(ch.encode_utf8(&mut [0; 4])))
        }
        None => Err(ts.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "ord", args, 1, 1)?;
    match &a[0] {
        Value::Str(s) if s.char_len() == 1 => Ok(Value::Int(s.as_str().chars().next().map_or(0, |c| c as i64))),
        Value::Str(s) => {
            let n = s.char_len();
            Err(ts.type_error(format!("ord() expected a character, but string of length {n} found")))
        }
        Value::Bytes(b) if b.value.len() == 1 => Ok(Value::Int(b.value[0] as i64)),
        Value::Bytes(b) => {
            let n = b.value.len();
            Err(ts.type_error(format!("ord() expected a character, but string of length {n} found")))
        }
        v => {
            let t = ts.type_of(v).name.clone();
            Err(ts.type_error(format!("ord() expected string of length 1, but {t} found")))
        }
    }
}

fn radix(ts: &mut ThreadState, args: Args<'_>, name: &str, base: u32, prefix: &str) -> PyResult<Value> {
    let a = positional(ts, name, args, 1, 1)?;
    let n = match int_of(&a[0]) {
        Some(n) => n,
        None => BigInt::from(int_arg(ts, &a[0])?),
    };
    let digits = n.magnitude().to_str_radix(base);
    let sign = if n.is_negative() { "-" } else { "" };
    Ok(Value::str(&format!("{sign}{prefix}{digits}")))
}

fn hex(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    radix(ts, args, "hex", 16, "0x")
}

fn oct(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    radix(ts, args, "oct", 8, "0o")
}

fn bin(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    radix(ts, args, "bin", 2, "0b")
}

fn format(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "format", args, 1, 2)?;
    let spec = match a.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => {
            let t = ts.type_of(v).name.clone();
            return Err(ts.type_error(format!("format() argument 2 must be str, not {t}")));
        }
        None => String::new(),
    };
    Ok(Value::Str(ts.format(&a[0], &spec)?))
}

fn input(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "input", args, 0, 1)?;
    if let Some(prompt) = a.first() {
        let text = ts.str_string(prompt)?;
        match replaced_stdout(ts, "stdout") {
            Some(out) => {
                ts.call_method(&out, "write", &[Value::str(&text)])?;
            }
            None => io::write_stdout(text.as_bytes()),
        }
    }
    if let Some(stdin) = replaced_stdout(ts, "stdin") {
        let line = ts.call_method(&stdin, "readline", &[])?;
        let s = ts.str_string(&line)?;
        if s.is_empty() {
            return Err(ts.eof_error("EOF when reading a line"));
        }
        return Ok(Value::str(s.strip_suffix('\n').unwrap_or(&s)));
    }
    let line = io::read_stdin_line(ts)?;
    if line.is_empty() {
        return Err(ts.eof_error("EOF when reading a line"));
    }
    let line = line.strip_suffix('\n').unwrap_or(&line);
    Ok(Value::str(line.strip_suffix('\r').unwrap_or(line)))
}
