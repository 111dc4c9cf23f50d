//! The methods of `str`.

use super::args::{bind, int_arg, method};
use super::constructors::bytes_value;
use super::str_split_join::{join, rsplit, split};
use crate::objects::module::add_method;
use crate::objects::function::{Method0Ptr, Method1Ptr};
use crate::objects::{Args, Gc, NativeFnPtr, NativeImpl, PyResult, PyStr, Value};
use crate::vm::ThreadState;

pub fn install(ts: &mut ThreadState) {
    let d = ts.types().str.dict.clone();
    let methods: &[(&'static str, NativeFnPtr)] = &[
        ("split", split),
        ("rsplit", rsplit),
        ("join", join),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("replace", replace),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("title", title),
        ("capitalize", capitalize),
        ("swapcase", swapcase),
        ("isdigit", isdigit),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("isascii", isascii),
        ("isidentifier", isidentifier),
        ("isprintable", isprintable),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("partition", partition),
        ("rpartition", rpartition),
        ("splitlines", splitlines),
        ("encode", encode),
        ("format", super::strformat::str_format),
        ("format_map", super::strformat::str_format_map),
        ("expandtabs", expandtabs),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("__format__", dunder_format),
    ];
    for &(name, f) in methods {
        add_method(ts, &d, "str", name, f);
    }
    let fixed: &[(&'static str, Method0Ptr)] = &[("upper", upper), ("lower", lower), ("casefold", casefold)];
    for &(name, f) in fixed {
        super::methods::add_fixed(ts, &d, "str", name, NativeImpl::Method0(f));
    }
    let affixes: &[(&'static str, Method1Ptr, NativeFnPtr)] =
        &[("startswith", startswith1, startswith), ("endswith", endswith1, endswith)];
    for &(name, one, general) in affixes {
        super::methods::add_fixed(ts, &d, "str", name, NativeImpl::Method1Or(one, general));
    }
}

#[inline]
pub(super) fn recv<'a>(ts: &mut ThreadState, v: &'a Value, name: &str) -> PyResult<&'a Gc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(super::args::wrong_receiver(ts, other, name, "str")),
    }
}

pub(super) fn s(text: &str) -> Value {
    Value::str(text)
}

pub(super) fn str_param<'a>(ts: &mut ThreadState, v: &'a Value, what: &str) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        other => {
            let t = ts.type_of(other).name.clone();
            let _ = what;
            Err(ts.type_error(format!("must be str or None, not {t}")))
        }
    }
}

fn must_str<'a>(ts: &mut ThreadState, v: &'a Value) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        other => {
            let t = ts.type_of(other).name.clone();
            Err(ts.type_error(format!("must be str, not {t}")))
        }
    }
}

fn strip_impl(ts: &mut ThreadState, args: Args<'_>, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let (r, rest) = method(ts, name, args, 0, 1)?;
    let this = recv(ts, r, name)?;
    let text = this.as_str();
    let out = match rest.first() {
        None | Some(Value::None) => {
            let t = if left { text.trim_start() } else { text };
            if right { t.trim_end() } else { t }
        }
        Some(chars) => {
            let chars: Vec<char> = str_param(ts, chars, &format!("{name}"))?.chars().collect();
            let t = if left { text.trim_start_matches(chars.as_slice()) } else { text };
            if right { t.trim_end_matches(chars.as_slice()) } else { t }
        }
    };
    Ok(s(out))
}

fn strip(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    strip_impl(ts, args, "strip", true, true)
}

fn lstrip(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    strip_impl(ts, args, "lstrip", true, false)
}

fn rstrip(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    strip_impl(ts, args, "rstrip", false, true)
}

fn replace(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "replace", args, 2, 3)?;
    let this = recv(ts, r, "replace")?.clone();
    let old = must_str(ts, &rest[0])?.to_string();
    let new = must_str(ts, &rest[1])?.to_string();
    let count = match rest.get(2) {
        Some(v) => int_arg(ts, v)?,
        None => -1,
    };
    let text = this.as_str();
    if count < 0 {
        if old.is_empty() {
            let n = (text.chars().count() + 1) as u128 * new.len() as u128;
            if n > crate::objects::MAX_ALLOC_BYTES {
                return Err(ts.no_memory());
            }
        }
        return Ok(s(&text.replace(&old, &new)));
    }
    Ok(s(&text.replacen(&old, &new, count as usize)))
}

/// Byte range of the char-index slice `[start:end]` of `text`.
fn byte_range(ts: &mut ThreadState, text: &PyStr, start: Option<&Value>, end: Option<&Value>) -> PyResult<(usize, usize, bool)> {
    let len = text.char_len() as i64;
    let resolve = |ts: &mut ThreadState, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let i = int_arg(ts, v)?;
                Ok(if i < 0 { (i + len).max(0) } else { i })
            }
        }
    };
    let (a, b) = (resolve(ts, start, 0)?, resolve(ts, end, len)?);
    // A start past the end matches nothing, not even "" (CPython's ADJUST_INDICES).
    let empty = a > b || a > len;
    let (a, b) = (a.min(len), b.min(len));
    let to_byte = |ci: i64| -> usize {
        if text.is_ascii() {
            ci as usize
        } else {
            text.as_str().char_indices().nth(ci as usize).map_or(text.as_str().len(), |(b, _)| b)
        }
    };
    Ok((to_byte(a), to_byte(b.max(a)), empty))
}

fn char_index(text: &PyStr, byte: usize) -> i64 {
    if text.is_ascii() {
        byte as i64
    } else {
        text.as_str()[..byte].chars().count() as i64
    }
}

fn find_impl(ts: &mut ThreadState, args: Args<'_>, name: &str, right: bool) -> PyResult<Option<i64>> {
    let (r, rest) = match method(ts, name, args, 1, 3) {
        Ok(found) => found,
        Err(e) => return Err(old_style_arity(ts, name, args, e)),
    };
    let this = recv(ts, r, name)?.clone();
    let sub = must_str(ts, &rest[0])?.to_string();
    let (a, b, empty) = byte_range(ts, &this, rest.get(1), rest.get(2))?;
    if empty {
        return Ok(None);
    }
    let hay = &this.as_str()[a..b];
    let pos = if right { hay.rfind(&sub) } else { hay.find(&sub) };
    Ok(pos.map(|p| char_index(&this, a + p)))
}

fn find(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(find_impl(ts, args, "find", false)?.unwrap_or(-1)))
}

fn rfind(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(find_impl(ts, args, "rfind", true)?.unwrap_or(-1)))
}

fn index(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    match find_impl(ts, args, "index", false)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(ts.value_error("substring not found")),
    }
}

fn rindex(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    match find_impl(ts, args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(ts.value_error("substring not found")),
    }
}

fn count(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "count", args, 1, 3)?;
    let this = recv(ts, r, "count")?.clone();
    let sub = must_str(ts, &rest[0])?.to_string();
    let (a, b, empty) = byte_range(ts, &this, rest.get(1), rest.get(2))?;
    if empty {
        return Ok(Value::Int(0));
    }
    let hay = &this.as_str()[a..b];
    let n = if sub.is_empty() { hay.chars().count() + 1 } else { hay.matches(&sub).count() };
    Ok(Value::Int(n as i64))
}

#[inline]
fn affix_impl(ts: &mut ThreadState, args: Args<'_>, name: &str, end: bool) -> PyResult<Value> {
    let (r, rest) = match method(ts, name, args, 1, 3) {
        Ok(found) => found,
        Err(e) => return Err(old_style_arity(ts, name, args, e)),
    };
    let this = recv(ts, r, name)?;
    // The common call, one str and no range: no candidate list, no range parsing.
    if let [Value::Str(p)] = rest {
        let (hay, p) = (this.as_str(), p.as_str());
        return Ok(Value::Bool(if end { hay.ends_with(p) } else { hay.starts_with(p) }));
    }
    affix_general(ts, this, rest, name, end)
}

/// `startswith`/`endswith` given a tuple of candidates or a range.
fn affix_general(ts: &mut ThreadState, this: &PyStr, rest: &[Value], name: &str, end: bool) -> PyResult<Value> {
    let (a, b, empty) = byte_range(ts, this, rest.get(1), rest.get(2))?;
    let hay = &this.as_str()[a..b];
    let candidates: Vec<Value> = match &rest[0] {
        Value::Tuple(t) => t.items.to_vec(),
        Value::Str(_) => vec![rest[0].clone()],
        other => {
            let t = ts.type_of(other).name.clone();
            let msg = format!("{name} first arg must be str or a tuple of str, not {t}");
            return Err(ts.type_error(msg));
        }
    };
    for c in &candidates {
        let Value::Str(p) = c else {
            let t = ts.type_of(c).name.clone();
            return Err(ts.type_error(format!("tuple for {name} must only contain str, not {t}")));
        };
        let hit = if end { hay.ends_with(p.as_str()) } else { hay.starts_with(p.as_str()) };
        if hit && !empty {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// CPython words the arity of `find`/`index`/`startswith`/`endswith` (one to
/// three arguments) as an old-style function's ("takes at least 1 argument
/// (0 given)"); other refusals keep `e`.
#[cold]
fn old_style_arity(ts: &mut ThreadState, name: &str, args: Args<'_>, e: crate::objects::PyErr) -> crate::objects::PyErr {
    match (args.values, args.kwnames) {
        ([_, rest @ ..], []) if rest.is_empty() || rest.len() > 3 => {
            let bound = if rest.is_empty() { "at least 1 argument" } else { "at most 3 arguments" };
            ts.type_error(format!("{name}() takes {bound} ({} given)", rest.len()))
        }
        _ => e,
    }
}

fn startswith(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    affix_impl(ts, args, "startswith", false)
}

fn endswith(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    affix_impl(ts, args, "endswith", true)
}

/// `s.startswith(p)` from the eval loop (`NativeImpl::Method1Or`): two strs
/// answered here, anything else by the general method.
fn startswith1(ts: &mut ThreadState, receiver: Value, prefix: Value) -> PyResult<Value> {
    if let (Value::Str(hay), Value::Str(p)) = (&receiver, &prefix) {
        return Ok(Value::Bool(hay.as_str().starts_with(p.as_str())));
    }
    startswith(ts, Args::positional_only(&[receiver, prefix]))
}

/// `s.endswith(p)`, as `startswith1`.
fn endswith1(ts: &mut ThreadState, receiver: Value, suffix: Value) -> PyResult<Value> {
    if let (Value::Str(hay), Value::Str(p)) = (&receiver, &suffix) {
        return Ok(Value::Bool(hay.as_str().ends_with(p.as_str())));
    }
    endswith(ts, Args::positional_only(&[receiver, suffix]))
}

fn map_text(ts: &mut ThreadState, args: Args<'_>, name: &str, f: fn(&str) -> String) -> PyResult<Value> {
    let (r, _) = method(ts, name, args, 0, 0)?;
    let this = recv(ts, r, name)?;
    Ok(Value::Str(Gc::new(PyStr::from_string(f(this.as_str())))))
}

/// A case mapping: `ascii` changes ASCII text in place (no intermediate
/// `String`); `f` handles the rest of Unicode.
#[inline]
fn map_case(ts: &mut ThreadState, receiver: Value, name: &str, ascii: impl FnOnce(&mut str), f: fn(&str) -> String) -> PyResult<Value> {
    let Value::Str(this) = receiver else {
        return Err(super::args::wrong_receiver(ts, &receiver, name, "str"));
    };
    if this.is_ascii() {
        return Ok(Value::Str(Gc::new(this.map_in_place(ascii))));
    }
    Ok(Value::Str(Gc::new(PyStr::from_string(f(this.as_str())))))
}

fn upper(ts: &mut ThreadState, receiver: Value) -> PyResult<Value> {
    map_case(ts, receiver, "upper", str::make_ascii_uppercase, str::to_uppercase)
}

fn lower(ts: &mut ThreadState, receiver: Value) -> PyResult<Value> {
    map_case(ts, receiver, "lower", str::make_ascii_lowercase, str::to_lowercase)
}

fn casefold(ts: &mut ThreadState, receiver: Value) -> PyResult<Value> {
    map_case(ts, receiver, "casefold", str::make_ascii_lowercase, fold_case)
}

/// Unicode's full case folding (`"Straße".casefold() == "strasse"`): each
/// character's uppercase form lowercased (char by char: no final-sigma
/// rule), which is the folding for every character but Cherokee (folded to
/// its capitals), dotless `ı` (kept) and capital sharp `ẞ`.
fn fold_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ı' => out.push(c),
            'ẞ' => out.push_str("ss"),
            '\u{13A0}'..='\u{13FD}' | '\u{AB70}'..='\u{ABBF}' => out.extend(c.to_uppercase()),
            _ => out.extend(c.to_uppercase().flat_map(char::to_lowercase)),
        }
    }
    out
}

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase()
}

fn title(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    map_text(ts, args, "title", |t| {
        let mut out = String::with_capacity(t.len());
        let mut prev_cased = false;
        for c in t.chars() {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            prev_cased = is_cased(c);
        }
        out
    })
}

fn capitalize(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    map_text(ts, args, "capitalize", |t| {
        let mut chars = t.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect(),
            None => String::new(),
        }
    })
}

fn swapcase(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    map_text(ts, args, "swapcase", |t| {
        t.chars()
            .flat_map(|c| -> Vec<char> {
                if c.is_uppercase() {
                    c.to_lowercase().collect()
                } else {
                    c.to_uppercase().collect()
                }
            })
            .collect()
    })
}

fn test_text(ts: &mut ThreadState, args: Args<'_>, name: &str, f: fn(&str) -> bool) -> PyResult<Value> {
    let (r, _) = method(ts, name, args, 0, 0)?;
    let this = recv(ts, r, name)?;
    Ok(Value::Bool(f(this.as_str())))
}

fn all_chars(t: &str, f: fn(char) -> bool) -> bool {
    !t.is_empty() && t.chars().all(f)
}

fn isdecimal(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    test_text(ts, args, "isdecimal", |t| all_chars(t, |c| c.is_ascii_digit() || is_unicode_decimal(c)))
}

/// Digits that are not decimal: superscripts, subscripts, circled digits.
fn is_other_digit(c: char) -> bool {
    matches!(c, '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{2070}' | '\u{2074}'..='\u{2079}' | '\u{2080}'..='\u{2089}')
        || matches!(c, '\u{2460}'..='\u{2468}' | '\u{2474}'..='\u{247c}' | '\u{2488}'..='\u{2490}' | '\u{24f5}'..='\u{24fd}')
        || matches!(c, '\u{2776}'..='\u{277e}' | '\u{2780}'..='\u{2788}' | '\u{278a}'..='\u{2792}')
}

fn isdigit(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    test_text(ts, args, "isdigit", |t| all_chars(t, |c| c.is_ascii_digit() || is_unicode_decimal(c) || is_other_digit(c)))
}

fn is_unicode_decimal(c: char) -> bool {
    [0x660u32, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50, 0xed0, 0xf20, 0x1040, 0xff10, 0x1d7ce].iter().any(|&z| (z..z + 10).contains(&(c as u32)))
}

fn isnumeric(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    test_text(ts, args, "isnumeric", |t| all_chars(t, char::is_numeric))
}

fn isalpha(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    test_text(ts, args, "isalpha", |t| all_chars(t, char::is_alphabetic))
}

fn isalnum(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    test_text(ts, args, "isalnum", |t| all_chars(t, char::is_alphanumeric))
}

fn isspace(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    test_text(ts, args, "isspace", |t| all_chars(t, |c| c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)))
}

fn isupper(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    test_text(ts, args, "isupper", |t| t.chars().any(is_cased) && !t.chars().any(char::is_lowercase))
}

fn islower(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    test_text(ts, args, "islower", |t| t.chars().any(is_cased) && !t.chars().any(char::is_uppercase))
}

fn istitle(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    test_text(ts, args, "istitle", |t| {
        let (mut prev_cased, mut any) = (false, false);
        for c in t.chars() {
            if c.is_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else if c.is_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else {
                prev_cased = false;
            }
        }
        any
    })
}

fn isascii(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    test_text(ts, args, "isascii", |t| t.is_ascii())
}

fn isprintable(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    test_text(ts, args, "isprintable", |t| t.chars().all(crate::objects::text::is_printable))
}

fn isidentifier(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    test_text(ts, args, "isidentifier", |t| {
        let mut chars = t.chars();
        match chars.next() {
            Some(c) if c == '_' || c.is_alphabetic() => chars.all(|c| c == '_' || c.is_alphanumeric()),
            _ => false,
        }
    })
}

fn pad_impl(ts: &mut ThreadState, args: Args<'_>, name: &str, align: char) -> PyResult<Value> {
    let (r, rest) = method(ts, name, args, 1, 2)?;
    let this = recv(ts, r, name)?.clone();
    let width = int_arg(ts, &rest[0])?;
    let fill = match rest.get(1) {
        Some(Value::Str(f)) if f.char_len() == 1 => f.as_str().chars().next().unwrap_or(' '),
        Some(Value::Str(_)) => return Err(ts.type_error("The fill character must be exactly one character long")),
        Some(other) => {
            let t = ts.type_of(other).name.clone();
            return Err(ts.type_error(format!("{name}() argument 2 must be str, not {t}")));
        }
        None => ' ',
    };
    let len = this.char_len() as i64;
    if width <= len {
        return Ok(Value::Str(this));
    }
    if width as u128 > crate::objects::MAX_ALLOC_BYTES {
        return Err(ts.no_memory());
    }
    let n = (width - len) as usize;
    let f = |k: usize| fill.to_string().repeat(k);
    let text = this.as_str();
    Ok(s(&match align {
        '<' => format!("{text}{}", f(n)),
        '>' => format!("{}{text}", f(n)),
        _ => {
            let left = n / 2 + (n & width as usize & 1);
            format!("{}{text}{}", f(left), f(n - left))
        }
    }))
}

fn center(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    pad_impl(ts, args, "center", '^')
}

fn ljust(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    pad_impl(ts, args, "ljust", '<')
}

fn rjust(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    pad_impl(ts, args, "rjust", '>')
}

fn zfill(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "zfill", args, 1, 1)?;
    let this = recv(ts, r, "zfill")?.clone();
    let width = int_arg(ts, &rest[0])?;
    let len = this.char_len() as i64;
    if width <= len {
        return Ok(Value::Str(this));
    }
    if width as u128 > crate::objects::MAX_ALLOC_BYTES {
        return Err(ts.no_memory());
    }
    let text = this.as_str();
    let zeros = "0".repeat((width - len) as usize);
    Ok(s(&match text.strip_prefix(['+', '-']) {
        Some(body) => format!("{}{zeros}{body}", &text[..1]),
        None => format!("{zeros}{text}"),
    }))
}

fn partition_impl(ts: &mut ThreadState, args: Args<'_>, name: &str, right: bool) -> PyResult<Value> {
    let (r, rest) = method(ts, name, args, 1, 1)?;
    let this = recv(ts, r, name)?.clone();
    let sep = must_str(ts, &rest[0])?.to_string();
    if sep.is_empty() {
        return Err(ts.value_error("empty separator"));
    }
    let text = this.as_str();
    let found = if right { text.rfind(&sep) } else { text.find(&sep) };
    Ok(Value::tuple(match found {
        Some(p) => vec![s(&text[..p]), s(&sep), s(&text[p + sep.len()..])],
        None if right => vec![s(""), s(""), Value::Str(this.clone())],
        None => vec![Value::Str(this.clone()), s(""), s("")],
    }))
}

fn partition(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    partition_impl(ts, args, "partition", false)
}

fn rpartition(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    partition_impl(ts, args, "rpartition", true)
}

fn splitlines(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = bind(ts, "splitlines", args, &["self", "keepends"], 1)?;
    let this = recv(ts, a[0].as_ref().unwrap_or(&Value::None), "splitlines")?.clone();
    let keep = match &a[1] {
        Some(v) => ts.truthy(v)?,
        None => false,
    };
    let text = this.as_str();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let is_break = matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if !is_break {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = iter.peek() {
                iter.next();
                end += 1;
            }
        }
        lines.push(s(if keep { &text[start..end] } else { &text[start..i] }));
        start = end;
    }
    if start < text.len() {
        lines.push(s(&text[start..]));
    }
    Ok(Value::list(lines))
}

/// `s.encode(encoding, errors)`.
pub fn encode_str(ts: &mut ThreadState, text: &str, encoding: Option<&Value>, errors: Option<&Value>) -> PyResult<Value> {
    let enc = match encoding {
        Some(Value::Str(e)) => e.as_str().to_ascii_lowercase().replace('_', "-"),
        _ => "utf-8".into(),
    };
    let errors = match errors {
        Some(Value::Str(e)) => e.as_str().to_string(),
        _ => "strict".into(),
    };
    let limit = match enc.as_str() {
        "utf-8" | "utf8" => return Ok(bytes_value(text.as_bytes().to_vec())),
        "ascii" | "us-ascii" => 128,
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => 256,
        other => {
            let cls = ts.types().lookup_error.clone();
            return Err(ts.new_error(&cls, format!("unknown encoding: {other}")));
        }
    };
    let mut out = Vec::with_capacity(text.len());
    for (pos, c) in text.chars().enumerate() {
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            continue;
        }
        match errors.as_str() {
            "ignore" => {}
            "replace" => out.push(b'?'),
            _ => {
                let name = if limit == 128 { "ascii" } else { "latin-1" };
                let shown = match c as u32 {
                    n @ 0..=0xff => format!("'\\x{n:02x}'"),
                    n @ 0..=0xffff => format!("'\\u{n:04x}'"),
                    n => format!("'\\U{n:08x}'"),
                };
                let msg = format!(
                    "'{name}' codec can't encode character {shown} in position {pos}: ordinal not in range({limit})"
                );
                let cls = ts.types().unicode_encode_error.clone();
                return Err(ts.new_error(&cls, msg));
            }
        }
    }
    Ok(bytes_value(out))
}

fn encode(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = bind(ts, "encode", args, &["self", "encoding", "errors"], 1)?;
    let this = recv(ts, a[0].as_ref().unwrap_or(&Value::None), "encode")?.clone();
    encode_str(ts, this.as_str(), a[1].as_ref(), a[2].as_ref())
}

fn expandtabs(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = bind(ts, "expandtabs", args, &["self", "tabsize"], 1)?;
    let this = recv(ts, a[0].as_ref().unwrap_or(&Value::None), "expandtabs")?.clone();
    let tab = match &a[1] {
        Some(v) => int_arg(ts, v)?,
        None => 8,
    };
    if tab as u128 * this.char_len() as u128 > crate::objects::MAX_ALLOC_BYTES {
        return Err(ts.no_memory());
    }
    let mut out = String::new();
    let mut col: i64 = 0;
    for c in this.as_str().chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    out.push_str(&" ".repeat(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(s(&out))
}

fn removeprefix(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "removeprefix", args, 1, 1)?;
    let this = recv(ts, r, "removeprefix")?.clone();
    let p = must_str(ts, &rest[0])?;
    Ok(s(this.as_str().strip_prefix(p).unwrap_or(this.as_str())))
}

fn removesuffix(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "removesuffix", args, 1, 1)?;
    let this = recv(ts, r, "removesuffix")?.clone();
    let p = must_str(ts, &rest[0])?;
    Ok(s(this.as_str().strip_suffix(p).unwrap_or(this.as_str())))
}

fn dunder_format(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = method(ts, "__format__", args, 1, 1)?;
    let spec = must_str(ts, &rest[0])?.to_string();
    Ok(Value::Str(ts.format(r, &spec)?))
}
