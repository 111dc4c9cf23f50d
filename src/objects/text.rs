//! The text forms of immediates as CPython writes them: float repr (shortest
//! round-trip digits), string and bytes literals, ints with the 4300-digit limit.

use num_bigint::BigInt;

/// CPython 3.11's default `sys.get_int_max_str_digits()`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

pub const INT_LIMIT_MESSAGE: &str = "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit";

/// `repr(x)` for a float: `1.0`, `1e+16`, `1e-05`, `0.30000000000000004`, `inf`, `nan`.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let (negative, digits, exp) = shortest_digits(x);
    let sign = if negative { "-" } else { "" };
    if !(-4..16).contains(&exp) {
        return format!("{sign}{}", sci_from_digits(&digits, exp));
    }
    format!("{sign}{}", fixed_from_digits(&digits, exp))
}

/// The shortest round-trip decimal digits of |x| and the decimal exponent of the first digit.
pub fn shortest_digits(x: f64) -> (bool, String, i32) {
    let split = |s: &str| -> (String, i32) {
        let (mantissa, exp) = s.split_once('e').unwrap_or((s, "0"));
        (mantissa.chars().filter(|c| c.is_ascii_digit()).collect(), exp.parse().unwrap_or(0))
    };
    let (digits, exp) = split(&format!("{:e}", x.abs()));
    // Of the shortest digit strings that round-trip, CPython takes the one
    // nearest the exact value, ties to even: the correctly rounded one.
    let exact = format!("{:.*e}", digits.len().saturating_sub(1), x.abs());
    if exact.parse::<f64>().ok() == Some(x.abs()) {
        let (d, e) = split(&exact);
        return (x.is_sign_negative(), d, e);
    }
    (x.is_sign_negative(), digits, exp)
}

/// `d.ddde+XX` with at least two exponent digits.
fn sci_from_digits(digits: &str, exp: i32) -> String {
    let (first, rest) = digits.split_at(1.min(digits.len()));
    let mantissa = if rest.is_empty() { first.to_string() } else { format!("{first}.{rest}") };
    format!("{mantissa}e{}", exponent_suffix(exp))
}

pub fn exponent_suffix(exp: i32) -> String {
    let sign = if exp < 0 { '-' } else { '+' };
    format!("{sign}{:02}", exp.unsigned_abs())
}

/// Positional notation with at least one digit after the point.
fn fixed_from_digits(digits: &str, exp: i32) -> String {
    if exp < 0 {
        return format!("0.{}{digits}", "0".repeat((-exp - 1) as usize));
    }
    let point = exp as usize + 1;
    if digits.len() <= point {
        format!("{digits}{}.0", "0".repeat(point - digits.len()))
    } else {
        format!("{}.{}", &digits[..point], &digits[point..])
    }
}

/// `repr(s)` for a str: single quotes unless the text has `'` and no `"`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// An approximation of `str.isprintable` for one character.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !(c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c, '\u{ad}' | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}' | '\u{70f}' | '\u{180e}')
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
        || matches!(c, '\u{fff9}'..='\u{fffb}' | '\u{e0001}' | '\u{e0020}'..='\u{e007f}' | '\u{f0000}'..)
        || ('\u{e000}'..='\u{f8ff}').contains(&c))
}

/// `repr(b)` for bytes: `b'...'`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// Decimal text of a big int, or `None` past CPython's digit limit.
pub fn bigint_to_decimal(b: &BigInt) -> Option<String> {
    // A cheap bound first: bits * log10(2) digits, so huge ints are refused
    // without the quadratic conversion.
    if b.bits() as f64 * std::f64::consts::LOG10_2 > INT_MAX_STR_DIGITS as f64 + 1.0 {
        return None;
    }
    let s = b.to_string();
    let digits = s.trim_start_matches('-').len();
    (digits <= INT_MAX_STR_DIGITS).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_reprs() {
        for (x, s) in [
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (12.5, "12.5"),
            (f64::INFINITY, "inf"),
        ] {
            assert_eq!(float_repr(x), s);
        }
    }

    #[test]
    fn string_reprs() {
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a\nb'\""), "'a\\nb\\'\"'");
        assert_eq!(bytes_repr(b"\x00ab"), "b'\\x00ab'");
    }
}
