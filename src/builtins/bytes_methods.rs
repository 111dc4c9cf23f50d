//! The methods of `bytes`.

use super::args::{int_arg, method};
use super::constructors::bytes_value;
use crate::objects::bytes::find_bytes;
use crate::objects::module::add_method;
use crate::objects::{Args, Gc, NativeFnPtr, PyResult, Value};
use crate::vm::ThreadState;

pub fn install(ts: &mut ThreadState) {
    let d = ts.types().bytes.dict.clone();
    let methods: &[(&'static str, NativeFnPtr)] = &[
        ("decode", decode),
        ("hex", hex),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("isdigit", isdigit),
        ("isalpha", isalpha),
        ("isspace", isspace),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("split", split),
        ("strip", strip),
        ("join", join),
        ("upper", upper),
        ("lower", lower),
        ("replace", replace),
    ];
    for &(name, f) in methods {
        add_method(ts, &d, "bytes", name, f);
    }
    let f = Value::NativeFunction(Gc::new(crate::objects::NativeFunction::new("bytes", "fromhex", fromhex)));
    d.set_str(ts.intern("fromhex"), Value::ClassMethod(Gc::new(f)));
}

#[inline]
fn recv(ts: &mut ThreadState, v: &Value, name: &str) -> PyResult<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.value.to_vec()),
        other => Err(super::args::wrong_receiver(ts, other, name, "bytes")),
    }
}

fn bytes_arg(ts: &mut ThreadState, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.value.to_vec()),
        other => {
            let t = ts.type_of(other).name.clone();
            Err(ts.type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

/// `b.decode(encoding, errors)`.
pub fn decode_bytes(ts: &mut ThreadState, b: &[u8], encoding: Option<&Value>, errors: Option<&Value>) -> PyResult<Value> {
    let enc = match encoding {
        Some(Value::Str(e)) => e.as_str().to_ascii_lowercase().replace('_', "-"),
        _ => "utf-8".into(),
    };
    let errors = match errors {
        Some(Value::Str(e)) => e.as_str().to_string(),
        _ => "strict".into(),
    };
    match enc.as_str() {
        "utf-8" | "utf8" => match std::str::from_utf8(b) {
            Ok(s) => Ok(Value::str(s)),
            Err(e) if errors == "strict" => {
                let pos = e.valid_up_to();
                let msg = format!(
                    "'utf-8' codec can't decode byte {:#04x} in position {pos}: invalid start byte",
                    b.get(pos).copied().unwrap_or(0)
                );
                let cls = ts.types().unicode_decode_error.clone();
                Err(ts.new_error(&cls, msg))
            }
            Err(_) if errors == "ignore" => {
                let s = String::from_utf8_lossy(b).replace('\u{fffd}', "");
                Ok(Value::str(&s))
            }
            Err(_) => Ok(Value::str(&String::from_utf8_lossy(b))),
        },
        "ascii" | "us-ascii" => {
            let mut out = String::with_capacity(b.len());
            for (pos, &c) in b.iter().enumerate() {
                if c < 128 {
                    out.push(c as char);
                } else if errors == "replace" {
                    out.push('\u{fffd}');
                } else if errors != "ignore" {
                    let msg = format!("'ascii' codec can't decode byte {c:#04x} in position {pos}: ordinal not in range(128)");
                    let cls = ts.types().unicode_decode_error.clone();
                    return Err(ts.new_error(&cls, msg));
                }
            }
            Ok(Value::str(&out))
        }
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => Ok(Value::str(&b.iter().map(|&c| c as char).collect::<String>())),
        other => {
            let cls = ts.types().lookup_error.clone();
            Err(ts.new_error(&cls, format!("unknown encoding: {other}")))
        }
    }
}

fn decode(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = super::args::bind(ts, "decode", args, &["self", "encoding", "errors"], 1)?;
    let b = recv(ts, a[0].as_ref().unwrap_or(&Value::None), "decode")?;
    decode_bytes(ts, &b, a[1].as_ref(), a[2].as_ref())
}

fn hex(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "hex", args, 0, 0)?;
    let b = recv(ts, r, "hex")?;
    Ok(Value::str(&b.iter().map(|x| format!("{x:02x}")).collect::<String>()))
}

fn fromhex(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    let Some(Value::Str(s)) = pos.last() else {
        return Err(ts.type_error("fromhex() argument must be str"));
    };
    let digits: Vec<char> = s.as_str().chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < digits.len() {
        if digits[i].is_whitespace() {
            i += 1;
            continue;
        }
        let pair = (digits[i].to_digit(16), digits.get(i + 1).and_then(|c| c.to_digit(16)));
        match pair {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                let at = if pair.0.is_none() { i } else { i + 1 };
                return Err(ts.value_error(format!("non-hexadecimal number found in fromhex() arg at position {at}")));
            }
        }
        i += 2;
    }
    Ok(bytes_value(out))
}

fn range_args(ts: &mut ThreadState, len: usize, rest: &[Value]) -> PyResult<(usize, usize)> {
    let resolve = |ts: &mut ThreadState, v: Option<&Value>, d: i64| -> PyResult<usize> {
        let i = match v {
            None | Some(Value::None) => d,
            Some(v) => int_arg(ts, v)?,
        };
        let i = if i < 0 { (i + len as i64).max(0) } else { i.min(len as i64) };
        Ok(i as usize)
    };
    let a = resolve(ts, rest.get(1), 0)?;
    let b = resolve(ts, rest.get(2), len as i64)?;
    Ok((a, b.max(a)))
}

fn needle(ts: &mut ThreadState, v: &Value) -> PyResult<Vec<u8>> {
    match ts.index_value(v)? {
        Some(i @ 0..=255) => Ok(vec![i as u8]),
        Some(_) => Err(ts.value_error("byte must be in range(0, 256)")),
        None => bytes_arg(ts, v),
    }
}

fn find(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "find", args, 1, 3)?;
    let b = recv(ts, r, "find")?;
    let sub = needle(ts, &rest[0])?;
    let (a, e) = range_args(ts, b.len(), rest)?;
    Ok(Value::Int(find_bytes(&b[..e], &sub, a).map_or(-1, |p| p as i64)))
}

/// The position of the needle in `[start:end]`, searching from the right when `right`.
fn search(ts: &mut ThreadState, args: Args<'_>, name: &str, right: bool) -> PyResult<Option<usize>> {
    let (r, rest) = method(ts, name, args, 1, 3)?;
    let b = recv(ts, r, name)?;
    let sub = needle(ts, &rest[0])?;
    let (a, e) = range_args(ts, b.len(), rest)?;
    if !right {
        return Ok(find_bytes(&b[..e], &sub, a));
    }
    if sub.len() > e - a {
        return Ok(None);
    }
    Ok((a..=e - sub.len()).rev().find(|&p| b[p..p + sub.len()] == sub[..]))
}

fn rfind(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(search(ts, args, "rfind", true)?.map_or(-1, |p| p as i64)))
}

fn index(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    match search(ts, args, "index", false)? {
        Some(p) => Ok(Value::Int(p as i64)),
        None => Err(ts.value_error("subsection not found")),
    }
}

fn rindex(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    match search(ts, args, "rindex", true)? {
        Some(p) => Ok(Value::Int(p as i64)),
        None => Err(ts.value_error("subsection not found")),
    }
}

fn strip_side(ts: &mut ThreadState, args: Args<'_>, name: &str, left: bool) -> PyResult<Value> {
    let (r, rest) = method(ts, name, args, 0, 1)?;
    let b = recv(ts, r, name)?;
    let chars = match rest.first() {
        None | Some(Value::None) => b" \t\n\r\x0b\x0c".to_vec(),
        Some(v) => bytes_arg(ts, v)?,
    };
    let out = if left {
        let start = b.iter().position(|c| !chars.contains(c)).unwrap_or(b.len());
        b[start..].to_vec()
    } else {
        let end = b.iter().rposition(|c| !chars.contains(c)).map_or(0, |p| p + 1);
        b[..end].to_vec()
    };
    Ok(bytes_value(out))
}

fn lstrip(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    strip_side(ts, args, "lstrip", true)
}

fn rstrip(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    strip_side(ts, args, "rstrip", false)
}

fn test_bytes(ts: &mut ThreadState, args: Args<'_>, name: &str, f: fn(&u8) -> bool) -> PyResult<Value> {
    let (r, _) = method(ts, name, args, 0, 0)?;
    let b = recv(ts, r, name)?;
    Ok(Value::Bool(!b.is_empty() && b.iter().all(f)))
}

fn isdigit(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    test_bytes(ts, args, "isdigit", u8::is_ascii_digit)
}

fn isalpha(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    test_bytes(ts, args, "isalpha", u8::is_ascii_alphabetic)
}

fn isspace(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    test_bytes(ts, args, "isspace", |c| c.is_ascii_whitespace() || *c == 0x0b)
}

fn count(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "count", args, 1, 3)?;
    let b = recv(ts, r, "count")?;
    let sub = needle(ts, &rest[0])?;
    let (mut a, e) = range_args(ts, b.len(), rest)?;
    let hay = &b[..e];
    let mut n = 0;
    while let Some(p) = find_bytes(hay, &sub, a) {
        n += 1;
        a = p + sub.len().max(1);
        if a > hay.len() {
            break;
        }
    }
    Ok(Value::Int(n))
}

fn affix(ts: &mut ThreadState, args: Args<'_>, name: &str, end: bool) -> PyResult<Value> {
    let (r, rest) = method(ts, name, args, 1, 3)?;
    let b = recv(ts, r, name)?;
    let (a, e) = range_args(ts, b.len(), rest)?;
    let hay = &b[a..e];
    let cands = match &rest[0] {
        Value::Tuple(t) => t.items.to_vec(),
        v => vec![v.clone()],
    };
    for c in &cands {
        let p = bytes_arg(ts, c)?;
        if (end && hay.ends_with(&p)) || (!end && hay.starts_with(&p)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    affix(ts, args, "startswith", false)
}

fn endswith(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    affix(ts, args, "endswith", true)
}

fn split(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "split", args, 0, 2)?;
    let b = recv(ts, r, "split")?;
    let max = match rest.get(1) {
        Some(v) => int_arg(ts, v)?,
        None => -1,
    };
    let max = if max < 0 { usize::MAX } else { max as usize };
    let mut parts: Vec<Value> = Vec::new();
    match rest.first() {
        None | Some(Value::None) => {
            let mut fields = b.split(|c| c.is_ascii_whitespace()).filter(|f| !f.is_empty()).peekable();
            while let Some(f) = fields.next() {
                if parts.len() == max {
                    let start = f.as_ptr() as usize - b.as_ptr() as usize;
                    let tail = b[start..].trim_ascii_end();
                    parts.push(bytes_value(tail.to_vec()));
                    break;
                }
                parts.push(bytes_value(f.to_vec()));
            }
        }
        Some(sep) => {
            let sep = bytes_arg(ts, sep)?;
            if sep.is_empty() {
                return Err(ts.value_error("empty separator"));
            }
            let mut start = 0;
            while parts.len() < max {
                match find_bytes(&b, &sep, start) {
                    Some(p) => {
                        parts.push(bytes_value(b[start..p].to_vec()));
                        start = p + sep.len();
                    }
                    None => break,
                }
            }
            parts.push(bytes_value(b[start..].to_vec()));
        }
    }
    Ok(Value::list(parts))
}

fn strip(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "strip", args, 0, 1)?;
    let b = recv(ts, r, "strip")?;
    let chars = match rest.first() {
        None | Some(Value::None) => b" \t\n\r\x0b\x0c".to_vec(),
        Some(v) => bytes_arg(ts, v)?,
    };
    let start = b.iter().position(|c| !chars.contains(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !chars.contains(c)).map_or(start, |p| p + 1);
    Ok(bytes_value(b[start..end.max(start)].to_vec()))
}

fn join(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "join", args, 1, 1)?;
    let sep = recv(ts, r, "join")?;
    let mut out = Vec::new();
    for (i, item) in ts.collect_items(&rest[0])?.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match item {
            Value::Bytes(x) => out.extend_from_slice(&x.value),
            other => {
                let t = ts.type_of(other).name.clone();
                return Err(ts.type_error(format!("sequence item {i}: expected a bytes-like object, {t} found")));
            }
        }
    }
    Ok(bytes_value(out))
}

fn upper(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "upper", args, 0, 0)?;
    Ok(bytes_value(recv(ts, r, "upper")?.to_ascii_uppercase()))
}

fn lower(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = method(ts, "lower", args, 0, 0)?;
    Ok(bytes_value(recv(ts, r, "lower")?.to_ascii_lowercase()))
}

fn replace(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "replace", args, 2, 3)?;
    let b = recv(ts, r, "replace")?;
    let (old, new) = (bytes_arg(ts, &rest[0])?, bytes_arg(ts, &rest[1])?);
    let mut limit = match rest.get(2) {
        Some(v) => int_arg(ts, v)?,
        None => -1,
    };
    if old.is_empty() {
        return Ok(bytes_value(b));
    }
    let mut out = Vec::with_capacity(b.len());
    let mut start = 0;
    while limit != 0 {
        let Some(p) = find_bytes(&b, &old, start) else { break };
        out.extend_from_slice(&b[start..p]);
        out.extend_from_slice(&new);
        start = p + old.len();
        limit -= 1;
    }
    out.extend_from_slice(&b[start..]);
    Ok(bytes_value(out))
}
