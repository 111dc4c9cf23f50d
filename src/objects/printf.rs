//! `str % args`: printf-style formatting.

use super::format::{format_float, format_int, IntRef, Spec};
use super::num::{float_of, int_of};
use super::{PyResult, Value};
use crate::vm::ThreadState;

/// Where conversions take their values from.
enum Source<'a> {
    Positional { items: Vec<Value>, next: usize },
    Mapping(&'a Value),
}

impl ThreadState {
    pub fn percent_format(&mut self, fmt: &str, args: &Value) -> PyResult<String> {
        let is_mapping = matches!(args, Value::Dict(_))
            || (matches!(args, Value::Instance(_)) && self.lookup_special(args, "__getitem__").is_some()
                && !matches!(args, Value::Tuple(_)));
        let mut src = match args {
            Value::Tuple(t) => Source::Positional { items: t.items.to_vec(), next: 0 },
            _ if is_mapping => Source::Mapping(args),
            _ => Source::Positional { items: vec![args.clone()], next: 0 },
        };
        let chars: Vec<char> = fmt.chars().collect();
        let mut out = String::with_capacity(fmt.len());
        let mut i = 0;
        while i < chars.len() {
            if chars[i] != '%' {
                out.push(chars[i]);
                i += 1;
                continue;
            }
            i += 1;
            i = self.percent_one(&chars, i, &mut src, &mut out)?;
        }
        if let Source::Positional { items, next } = &src {
            if *next < items.len() && !(is_mapping || items.is_empty() && *next == 0) {
                return Err(self.type_error("not all arguments converted during string formatting"));
            }
        }
        Ok(out)
    }

    fn take_arg(&mut self, src: &mut Source, key: Option<&str>) -> PyResult<Value> {
        match (src, key) {
            (Source::Mapping(m), Some(k)) => {
                let m = (*m).clone();
                self.get_item(&m, &Value::str(k))
            }
            (Source::Mapping(m), None) => Ok((*m).clone()),
            (Source::Positional { .. }, Some(_)) => Err(self.type_error("format requires a mapping")),
            (Source::Positional { items, next }, None) => match items.get(*next) {
                Some(v) => {
                    *next += 1;
                    Ok(v.clone())
                }
                None => Err(self.type_error("not enough arguments for format string")),
            },
        }
    }

    /// Formats one conversion starting after its `%`; returns the index after it.
    fn percent_one(&mut self, chars: &[char], mut i: usize, src: &mut Source, out: &mut String) -> PyResult<usize> {
        let mut key = None;
        if chars.get(i) == Some(&'(') {
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                match chars[i] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(self.value_error("incomplete format key"));
            }
            key = Some(chars[start..i - 1].iter().collect::<String>());
        }
        let mut spec = Spec { fill: ' ', align: Some('>'), sign: '-', no_neg_zero: false, alt: false, width: 0, grouping: None, precision: None, ty: None };
        let mut left = false;
        let mut zero = false;
        while let Some(&c) = chars.get(i) {
            match c {
                '-' => left = true,
                '+' => spec.sign = '+',
                ' ' if spec.sign != '+' => spec.sign = ' ',
                ' ' => {}
                '#' => spec.alt = true,
                '0' => zero = true,
                _ => break,
            }
            i += 1;
        }
        spec.width = self.percent_number(chars, &mut i, src)?.unwrap_or(0);
        if chars.get(i) == Some(&'.') {
            i += 1;
            spec.precision = Some(self.percent_number(chars, &mut i, src)?.unwrap_or(0));
        }
        while matches!(chars.get(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let Some(&ty) = chars.get(i) else {
            return Err(self.value_error("incomplete format"));
        };
        i += 1;
        if ty == '%' {
            out.push('%');
            return Ok(i);
        }
        if left {
            spec.align = Some('<');
        } else if zero && !matches!(ty, 's' | 'r' | 'a' | 'c') {
            spec.fill = '0';
            spec.align = Some('=');
        }
        let arg = self.take_arg(src, key.as_deref())?;
        let text = self.percent_convert(ty, &arg, &mut spec, i - 1)?;
        out.push_str(&text);
        Ok(i)
    }

    fn percent_number(&mut self, chars: &[char], i: &mut usize, src: &mut Source) -> PyResult<Option<usize>> {
        if chars.get(*i) == Some(&'*') {
            *i += 1;
            let v = self.take_arg(src, None)?;
            return match v {
                Value::Int(n) => Ok(Some(n.max(0) as usize)),
                _ => Err(self.type_error("* wants int")),
            };
        }
        let start = *i;
        while *i < chars.len() && chars[*i].is_ascii_digit() {
            *i += 1;
        }
        if start == *i {
            return Ok(None);
        }
        Ok(Some(chars[start..*i].iter().collect::<String>().parse().unwrap_or(0)))
    }

    fn percent_convert(&mut self, ty: char, arg: &Value, spec: &mut Spec, index: usize) -> PyResult<String> {
        let result = match ty {
            's' | 'r' | 'a' => {
                let s = if ty == 's' { self.str_string(arg)? } else { self.repr_string(arg)? };
                let s: String = match spec.precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                spec.precision = None;
                spec.sign = '-';
                return Ok(pad_plain(spec, &s));
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = match (int_of(arg), arg) {
                    (_, Value::Int(i)) => num_bigint::BigInt::from(*i),
                    (Some(n), _) => n,
                    (None, Value::Float(f)) if matches!(ty, 'd' | 'i' | 'u') && f.is_finite() => {
                        num_bigint::BigInt::from(f.trunc() as i128)
                    }
                    _ => match self.index_value(arg)? {
                        Some(n) => num_bigint::BigInt::from(n),
                        None => {
                            let t = self.type_of(arg).name.clone();
                            let what = if matches!(ty, 'd' | 'i' | 'u') { "a real number" } else { "an integer" };
                            return Err(self.type_error(format!("%{ty} format: {what} is required, not {t}")));
                        }
                    },
                };
                spec.ty = Some(if matches!(ty, 'i' | 'u') { 'd' } else { ty });
                let width = spec.width;
                if let Some(p) = spec.precision.take() {
                    let digits_spec = Spec { width: 0, align: None, fill: ' ', ..spec.clone() };
                    let body = format_int(int_ref(&n), &digits_spec).unwrap_or_default();
                    let (sign, digits) = body.split_at(body.find(|c: char| c.is_ascii_alphanumeric()).unwrap_or(0));
                    let padded = format!("{sign}{}{digits}", "0".repeat(p.saturating_sub(digits.len())));
                    return Ok(pad_plain(&Spec { width, sign: '-', ..spec.clone() }, &padded));
                }
                format_int(int_ref(&n), spec)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let Some(f) = float_of(self, arg)? else {
                    let t = self.type_of(arg).name.clone();
                    return Err(self.type_error(format!("must be real number, not {t}")));
                };
                spec.ty = Some(ty);
                if spec.precision.is_none() {
                    spec.precision = Some(6);
                }
                format_float(f, spec)
            }
            'c' => {
                let c = match arg {
                    Value::Str(s) if s.char_len() == 1 => s.as_str().to_string(),
                    Value::Int(n) => match u32::try_from(*n).ok().and_then(char::from_u32) {
                        Some(c) => c.to_string(),
                        None => return Err(self.overflow_error("%c arg not in range(0x110000)")),
                    },
                    _ => return Err(self.type_error("%c requires int or char")),
                };
                return Ok(pad_plain(spec, &c));
            }
            other => {
                return Err(self.value_error(format!(
                    "unsupported format character '{other}' ({:#x}) at index {index}",
                    other as u32
                )))
            }
        };
        result.map_err(|m| self.value_error(m))
    }
}

fn pad_plain(spec: &Spec, s: &str) -> String {
    let len = s.chars().count();
    if len >= spec.width {
        return s.to_string();
    }
    let fill = " ".repeat(spec.width - len);
    if spec.align == Some('<') {
        format!("{s}{fill}")
    } else {
        format!("{fill}{s}")
    }
}

fn int_ref(n: &num_bigint::BigInt) -> IntRef<'_> {
    use num_traits::ToPrimitive;
    match n.to_i64() {
        Some(i) => IntRef::Small(i),
        None => IntRef::Big(n),
    }
}
