//! `str.split`, `str.rsplit` and `str.join`: the methods that take text apart
//! and put it together, sized exactly so the common cases allocate once.

use super::args::{bind, int_arg, method};
use super::str_methods::{recv, s, str_param};
use crate::objects::{Args, Gc, PyResult, PyStr, Value};
use crate::vm::ThreadState;

fn split_impl(ts: &mut ThreadState, args: Args<'_>, name: &str, from_right: bool) -> PyResult<Value> {
    let a = bind(ts, name, args, &["self", "sep", "maxsplit"], 1)?;
    let this = recv(ts, a[0].as_ref().unwrap_or(&Value::None), name)?.clone();
    let maxsplit = match &a[2] {
        Some(v) => int_arg(ts, v)?,
        None => -1,
    };
    let max = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let text = this.as_str();
    let parts: Vec<Value> = match &a[1] {
        None | Some(Value::None) => split_whitespace(text, max, from_right).into_iter().map(s).collect(),
        Some(sep) => {
            let sep = str_param(ts, sep, "")?;
            if sep.is_empty() {
                return Err(ts.value_error("empty separator"));
            }
            if from_right {
                let mut v: Vec<Value> = text.rsplitn(max.saturating_add(1), sep).map(s).collect();
                v.reverse();
                v
            } else if let [b] = *sep.as_bytes() {
                split_byte(&this, b, max)
            } else if let Some(c) = single_char(sep) {
                split_exact(text.matches(c).count(), max, text.splitn(max.saturating_add(1), c))
            } else {
                split_exact(text.matches(sep).count(), max, text.splitn(max.saturating_add(1), sep))
            }
        }
    };
    Ok(Value::list(parts))
}

/// The separator's only character, if it has exactly one.
fn single_char(sep: &str) -> Option<char> {
    let mut chars = sep.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// The parts straight into a list of the exact size (`found` separators, at
/// most `max` used): no intermediate vector of slices, no regrowth.
fn split_exact<'a>(found: usize, max: usize, parts: impl Iterator<Item = &'a str>) -> Vec<Value> {
    let mut v = Vec::with_capacity(found.min(max).saturating_add(1));
    v.extend(parts.map(s));
    v
}

/// `text.split(sep)` for a one-byte (ASCII) separator, the common
/// `"a b".split(" ")`: a plain byte scan, since an ASCII byte never occurs
/// inside a multi-byte character (a per-match memchr call costs more than the
/// short parts it skips). The list has the exact size.
fn split_byte(this: &PyStr, sep: u8, max: usize) -> Vec<Value> {
    let text = this.as_str();
    // Cut at an ASCII byte, an ASCII string's parts are ASCII: no recount.
    let piece: fn(&str) -> PyStr = if this.is_ascii() { PyStr::ascii_piece } else { PyStr::new };
    let part = |a: usize, b: Option<usize>| {
        let t = match b {
            Some(b) => text.get(a..b),
            None => text.get(a..),
        };
        Value::Str(Gc::new(piece(t.unwrap_or_default())))
    };
    let bytes = text.as_bytes();
    let found = bytes.iter().filter(|&&b| b == sep).count();
    let mut parts = Vec::with_capacity(found.min(max).saturating_add(1));
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == sep {
            if parts.len() == max {
                break;
            }
            parts.push(part(start, Some(i)));
            start = i + 1;
        }
    }
    parts.push(part(start, None));
    parts
}

fn split_whitespace(text: &str, max: usize, from_right: bool) -> Vec<&str> {
    let mut parts = Vec::new();
    if from_right {
        let mut rest = text.trim_end();
        while !rest.is_empty() {
            if parts.len() == max {
                parts.push(rest);
                break;
            }
            match rest.rfind(char::is_whitespace) {
                Some(p) => {
                    let ws_len = rest[p..].chars().next().map_or(1, |c| c.len_utf8());
                    parts.push(&rest[p + ws_len..]);
                    rest = rest[..p].trim_end();
                }
                None => {
                    parts.push(rest);
                    break;
                }
            }
        }
        parts.reverse();
        return parts;
    }
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        if parts.len() == max {
            parts.push(rest);
            break;
        }
        match rest.find(char::is_whitespace) {
            Some(p) => {
                parts.push(&rest[..p]);
                rest = rest[p..].trim_start();
            }
            None => {
                parts.push(rest);
                break;
            }
        }
    }
    parts
}

pub(super) fn split(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    split_impl(ts, args, "split", false)
}

pub(super) fn rsplit(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    split_impl(ts, args, "rsplit", true)
}

pub(super) fn join(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "join", args, 1, 1)?;
    let sep = recv(ts, r, "join")?;
    // A list or tuple is read in place (no copy of its items: nothing below
    // runs Python code while the list is borrowed).
    match &rest[0] {
        Value::List(l) => join_items(ts, sep, &l.items.borrow()),
        Value::Tuple(t) => join_items(ts, sep, &t.items),
        other => {
            let Ok(it) = ts.get_iter(other) else {
                return Err(ts.type_error("can only join an iterable"));
            };
            let items = ts.collect_items(&it)?;
            join_items(ts, sep, &items)
        }
    }
}

/// One pass to check the items and size the result, one to copy: the text
/// is written once into a buffer of the exact size.
/// Appends `texts` to `out` with `push_sep` between them (generic, so the
/// separator's push is inlined).
fn join_into<'a>(out: &mut String, texts: impl Iterator<Item = &'a str>, push_sep: impl Fn(&mut String)) {
    for (i, text) in texts.enumerate() {
        if i > 0 {
            push_sep(out);
        }
        out.push_str(text);
    }
}

fn join_items(ts: &mut ThreadState, sep: &PyStr, items: &[Value]) -> PyResult<Value> {
    let sep = sep.as_str();
    let mut len = sep.len().saturating_mul(items.len().saturating_sub(1));
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Str(x) => len = len.saturating_add(x.as_str().len()),
            other => {
                let t = ts.type_of(other).name.clone();
                return Err(ts.type_error(format!("sequence item {i}: expected str instance, {t} found")));
            }
        }
    }
    if len as u128 > crate::objects::MAX_ALLOC_BYTES {
        return Err(ts.no_memory());
    }
    let mut out = String::with_capacity(len);
    let texts = items.iter().filter_map(|item| match item {
        Value::Str(x) => Some(x.as_str()),
        _ => None,
    });
    match *sep.as_bytes() {
        // `" ".join(words)`: a one-character separator is pushed as a
        // character, not copied as a slice (a call per item).
        [b] if b.is_ascii() => join_into(&mut out, texts, |out| out.push(char::from(b))),
        _ => join_into(&mut out, texts, |out| out.push_str(sep)),
    }
    Ok(Value::Str(Gc::new(PyStr::from_string(out))))
}
