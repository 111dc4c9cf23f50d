//! The format-spec mini-language (`format(v, spec)`, f-strings, `str.format`)
//! for int, float and str, and `__format__` of Python classes.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::text::{exponent_suffix, float_repr};
use super::{PyResult, Value};
use crate::vm::ThreadState;

#[derive(Clone, Debug)]
pub struct Spec {
    pub fill: char,
    pub align: Option<char>,
    pub sign: char,
    pub no_neg_zero: bool,
    pub alt: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// Parses a spec; `Err` carries the message of the `ValueError`.
pub fn parse_spec(spec: &str, type_name: &str) -> Result<Spec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec { fill: ' ', align: None, sign: '-', no_neg_zero: false, alt: false, width: 0, grouping: None, precision: None, ty: None };
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = chars[0];
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(i) {
        s.sign = c;
        i += 1;
    }
    if chars.get(i) == Some(&'z') {
        s.no_neg_zero = true;
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        s.alt = true;
        i += 1;
    }
    if chars.get(i) == Some(&'0') {
        if s.align.is_none() {
            s.fill = '0';
            s.align = Some('=');
        }
        i += 1;
    }
    let digits = |i: &mut usize| -> Option<usize> {
        let start = *i;
        while *i < chars.len() && chars[*i].is_ascii_digit() {
            *i += 1;
        }
        (start < *i).then(|| chars[start..*i].iter().collect::<String>().parse().unwrap_or(usize::MAX))
    };
    s.width = digits(&mut i).unwrap_or(0);
    if let Some(&c @ (',' | '_')) = chars.get(i) {
        s.grouping = Some(c);
        i += 1;
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        match digits(&mut i) {
            Some(p) => s.precision = Some(p),
            None => return Err("Format specifier missing precision".into()),
        }
    }
    if i + 1 < chars.len() {
        return Err(format!("Invalid format specifier '{spec}' for object of type '{type_name}'"));
    }
    s.ty = chars.get(i).copied();
    if let (Some(g), Some(t)) = (s.grouping, s.ty) {
        let ok = match g {
            ',' => matches!(t, 'd' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%'),
            _ => matches!(t, 'd' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' | 'b' | 'o' | 'x' | 'X'),
        };
        if !ok {
            return Err(format!("Cannot specify '{g}' with '{t}'."));
        }
    }
    if s.width > 1 << 30 || s.precision.is_some_and(|p| p > 1 << 30) {
        return Err("Too many decimal digits in format string".into());
    }
    Ok(s)
}

/// Pads `body` (with `sign_prefix` kept in front for `=`) to the spec's width.
fn pad(spec: &Spec, sign_prefix: &str, body: &str, default_align: char) -> String {
    let len = sign_prefix.chars().count() + body.chars().count();
    if len >= spec.width {
        return format!("{sign_prefix}{body}");
    }
    let n = spec.width - len;
    let fill = |k: usize| spec.fill.to_string().repeat(k);
    match spec.align.unwrap_or(default_align) {
        '<' => format!("{sign_prefix}{body}{}", fill(n)),
        '^' => format!("{}{sign_prefix}{body}{}", fill(n / 2), fill(n - n / 2)),
        '=' => format!("{sign_prefix}{}{body}", fill(n)),
        _ => format!("{}{sign_prefix}{body}", fill(n)),
    }
}

/// Inserts `sep` every `every` digits from the right.
fn group(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / every);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Groups digits, and with `0`-padding grows the zeros through the separators as CPython.
fn group_padded(spec: &Spec, digits: &str, every: usize, room: usize) -> String {
    let Some(sep) = spec.grouping else {
        return digits.to_string();
    };
    let mut d = digits.to_string();
    let mut out = group(&d, sep, every);
    if spec.fill == '0' && spec.align == Some('=') {
        while out.len() < room {
            d.insert(0, '0');
            out = group(&d, sep, every);
        }
    }
    out
}

fn sign_str(negative: bool, sign: char) -> &'static str {
    match (negative, sign) {
        (true, _) => "-",
        (false, '+') => "+",
        (false, ' ') => " ",
        _ => "",
    }
}

/// An int to format: machine-sized ones skip the big-integer conversion.
#[derive(Clone, Copy)]
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    fn is_negative(&self) -> bool {
        match self {
            IntRef::Small(i) => *i < 0,
            IntRef::Big(b) => b.is_negative(),
        }
    }

    fn to_f64(self) -> f64 {
        match self {
            IntRef::Small(i) => i as f64,
            IntRef::Big(b) => b.to_f64().unwrap_or(f64::INFINITY),
        }
    }

    fn to_u32(self) -> Option<u32> {
        match self {
            IntRef::Small(i) => u32::try_from(i).ok(),
            IntRef::Big(b) => b.to_u32(),
        }
    }

    /// Digits of the magnitude in `radix` (2, 8, 10 or 16), lowercase.
    fn magnitude_digits(self, radix: u32) -> String {
        match self {
            IntRef::Small(i) => {
                let u = i.unsigned_abs();
                match radix {
                    2 => format!("{u:b}"),
                    8 => format!("{u:o}"),
                    16 => format!("{u:x}"),
                    _ => u.to_string(),
                }
            }
            IntRef::Big(b) => b.magnitude().to_str_radix(radix),
        }
    }
}

pub fn format_int(v: IntRef<'_>, spec: &Spec) -> Result<String, String> {
    let ty = spec.ty.unwrap_or('d');
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return format_float(v.to_f64(), spec);
    }
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    if ty == 'c' {
        if spec.sign != '-' {
            return Err("Sign not allowed with integer format specifier 'c'".into());
        }
        let c = v.to_u32().and_then(char::from_u32).ok_or("%c arg not in range(0x110000)")?;
        return Ok(pad(spec, "", &c.to_string(), '<'));
    }
    let (digits, prefix, every) = match ty {
        'd' | 'n' => (v.magnitude_digits(10), "", 3),
        'b' => (v.magnitude_digits(2), "0b", 4),
        'o' => (v.magnitude_digits(8), "0o", 4),
        'x' => (v.magnitude_digits(16), "0x", 4),
        'X' => (v.magnitude_digits(16).to_uppercase(), "0X", 4),
        other => return Err(format!("Unknown format code '{other}' for object of type 'int'")),
    };
    let prefix = if spec.alt { prefix } else { "" };
    let head = format!("{}{prefix}", sign_str(v.is_negative(), spec.sign));
    let room = spec.width.saturating_sub(head.len());
    let body = group_padded(spec, &digits, every, room);
    Ok(pad(spec, &head, &body, '>'))
}

/// Digits of `x` in `ty` ('e', 'f', 'g', or 'r' for repr) with `prec`.
fn float_body(x: f64, ty: char, prec: usize, alt: bool, add_dot_0: bool) -> String {
    match ty {
        'f' | 'F' | '%' => {
            let s = format!("{:.*}", prec, x);
            if alt && prec == 0 {
                format!("{s}.")
            } else {
                s
            }
        }
        'e' | 'E' => sci(x, prec, alt),
        'r' => float_repr(x),
        _ => {
            let p = prec.max(1);
            let probe = format!("{:.*e}", p - 1, x);
            let exp: i32 = probe.split_once('e').and_then(|(_, e)| e.parse().ok()).unwrap_or(0);
            let limit = if add_dot_0 { p as i32 - 1 } else { p as i32 };
            let mut s = if exp < -4 || exp >= limit {
                sci(x, p - 1, alt)
            } else {
                format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, x)
            };
            if !alt {
                s = strip_zeros(&s);
            }
            if add_dot_0 && !s.contains(['.', 'e']) {
                s.push_str(".0");
            }
            s
        }
    }
}

fn sci(x: f64, prec: usize, alt: bool) -> String {
    let s = format!("{:.*e}", prec, x);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let m = if alt && prec == 0 { format!("{m}.") } else { m.to_string() };
    format!("{m}e{}", exponent_suffix(e.parse().unwrap_or(0)))
}

/// Drops trailing zeros of the fraction (and a bare point), keeping any exponent.
fn strip_zeros(s: &str) -> String {
    let (mant, exp) = match s.find('e') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    if !mant.contains('.') {
        return s.to_string();
    }
    let m = mant.trim_end_matches('0').trim_end_matches('.');
    format!("{m}{exp}")
}

pub fn format_float(x: f64, spec: &Spec) -> Result<String, String> {
    let ty = spec.ty;
    if let Some(t) = ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
            return Err(format!("Unknown format code '{t}' for object of type 'float'"));
        }
    }
    let mut x = x;
    if spec.no_neg_zero && x == 0.0 {
        x = 0.0;
    }
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let negative = x.is_sign_negative() && !x.is_nan();
    let ax = x.abs();
    let mut body = if !ax.is_finite() {
        if ax.is_nan() { "nan".to_string() } else { "inf".to_string() }
    } else {
        match ty {
            None => match spec.precision {
                None => float_body(ax, 'r', 0, spec.alt, true),
                Some(p) => float_body(ax, 'g', p, spec.alt, true),
            },
            Some('%') => float_body(ax * 100.0, 'f', spec.precision.unwrap_or(6), spec.alt, false),
            Some(t) => {
                let t = match t.to_ascii_lowercase() {
                    'n' => 'g',
                    other => other,
                };
                float_body(ax, t, spec.precision.unwrap_or(6), spec.alt, false)
            }
        }
    };
    if spec.no_neg_zero && body.trim_start_matches(['0', '.']).is_empty() {
        return format_float(0.0, &Spec { no_neg_zero: false, ..spec.clone() });
    }
    if ty == Some('%') {
        body.push('%');
    }
    if upper {
        body = body.to_uppercase();
    }
    let head = sign_str(negative, spec.sign);
    if let Some(sep) = spec.grouping {
        let int_end = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
        let (int_part, rest) = body.split_at(int_end);
        let room = spec.width.saturating_sub(head.len() + rest.chars().count());
        let grouped = group_padded(&Spec { grouping: Some(sep), ..spec.clone() }, int_part, 3, room);
        body = format!("{grouped}{rest}");
    }
    Ok(pad(spec, head, &body, '>'))
}

pub fn format_str(s: &str, spec: &Spec) -> Result<String, String> {
    if let Some(t) = spec.ty {
        if t != 's' {
            return Err(format!("Unknown format code '{t}' for object of type 'str'"));
        }
    }
    if spec.sign != '-' {
        return Err("Sign not allowed in string format specifier".into());
    }
    if spec.alt {
        return Err("Alternate form (#) not allowed in string format specifier".into());
    }
    if spec.align == Some('=') {
        return Err("'=' alignment not allowed in string format specifier".into());
    }
    if spec.grouping.is_some() {
        return Err(format!("Cannot specify '{}' with 's'.", spec.grouping.unwrap_or(',')));
    }
    let body: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(spec, "", &body, '<'))
}

impl ThreadState {
    pub(crate) fn format_impl(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        let result = match v {
            Value::Bool(b) if spec.is_empty() => return Ok(if *b { "True" } else { "False" }.into()),
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                if spec.is_empty() {
                    return self.repr_impl(v);
                }
                let n = match v {
                    Value::Int(i) => IntRef::Small(*i),
                    Value::Bool(b) => IntRef::Small(*b as i64),
                    Value::BigInt(b) => IntRef::Big(b),
                    _ => IntRef::Small(0),
                };
                parse_spec(spec, "int").and_then(|s| format_int(n, &s))
            }
            Value::Float(f) => parse_spec(spec, "float").and_then(|s| format_float(*f, &s)),
            Value::Str(s) => {
                if spec.is_empty() {
                    return Ok(s.as_str().to_string());
                }
                parse_spec(spec, "str").and_then(|sp| format_str(s.as_str(), &sp))
            }
            Value::Instance(_) | Value::Native(_) => return self.format_special(v, spec),
            _ => return self.format_default(v, spec),
        };
        result.map_err(|msg| self.value_error(msg))
    }

    fn format_special(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        let spec_v = Value::str(spec);
        match self.call_special(v, "__format__", &[spec_v])? {
            Some(Value::Str(s)) => Ok(s.as_str().to_string()),
            Some(other) => {
                let t = self.type_of(&other).name.clone();
                Err(self.type_error(format!("__format__ must return a str, not {t}")))
            }
            None => self.format_default(v, spec),
        }
    }

    /// `object.__format__`: only the empty spec is allowed.
    pub fn format_default(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if spec.is_empty() {
            return self.str_string(v);
        }
        let t = self.type_of(v).name.clone();
        Err(self.type_error(format!("unsupported format string passed to {t}.__format__")))
    }
}
