//! The raw lexer's callbacks (names, numbers, strings) and its error type.
//! The token definitions themselves live in `token.rs` (logos derive).

use logos::Lexer;
use num_bigint::BigInt;

use super::ast::Constant;
use super::strings::{decode_bytes, decode_str};
use super::token::{StrLit, StrValue, Tok};

/// Longest decimal literal CPython converts (its `int_max_str_digits`).
const MAX_STR_DIGITS: usize = 4300;

/// A lexical error: a message and the byte offset it points at. The default
/// value (what logos produces for input no token matches) has an empty message;
/// the caller words it from the offending character.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LexError {
    pub message: String,
    /// Absolute byte offset of the error; `None` means the token's start.
    pub at: Option<usize>,
    /// For unterminated strings: reported at the string's start, "detected" later.
    pub incomplete: bool,
}

impl LexError {
    pub fn at(message: impl Into<String>, at: usize) -> LexError {
        LexError { message: message.into(), at: Some(at), incomplete: false }
    }
}

pub fn lex_name(lex: &mut Lexer<Tok>) -> Result<String, LexError> {
    let start = lex.span().start;
    for (i, c) in lex.slice().char_indices() {
        if !(c == '_' || c.is_alphanumeric()) {
            return Err(LexError::at(invalid_character(c), start + i));
        }
    }
    Ok(lex.slice().to_string())
}

/// CPython's wording for a character that cannot start a token.
pub fn invalid_character(c: char) -> String {
    if c.is_control() || c.is_whitespace() {
        format!("invalid non-printable character U+{:04X}", c as u32)
    } else {
        format!("invalid character '{}' (U+{:04X})", c, c as u32)
    }
}

/// Keywords that may directly follow a number (`1if x else y`), as CPython allows.
const KEYWORDS_AFTER_NUMBER: [&str; 8] = ["and", "else", "for", "if", "in", "is", "not", "or"];

pub fn lex_number(lex: &mut Lexer<Tok>) -> Result<Constant, LexError> {
    let text = lex.slice();
    let start = lex.span().start;
    let lower = text.to_ascii_lowercase();
    let kind = if lower.starts_with("0x") {
        "hexadecimal"
    } else if lower.starts_with("0o") {
        "octal"
    } else if lower.starts_with("0b") {
        "binary"
    } else {
        "decimal"
    };
    check_number_end(lex, kind)?;
    if lower.ends_with('j') {
        return Err(LexError::at("imaginary literals are not supported", start));
    }
    let digits: String = lower.chars().filter(|&c| c != '_').collect();
    let radix = match kind {
        "hexadecimal" => 16,
        "octal" => 8,
        "binary" => 2,
        _ => 10,
    };
    if radix != 10 {
        return Ok(int_constant(&digits[2..], radix));
    }
    if digits.contains(['.', 'e']) {
        return digits
            .parse::<f64>()
            .map(Constant::Float)
            .map_err(|_| LexError::at("invalid decimal literal", start));
    }
    if digits.len() > 1 && digits.starts_with('0') {
        if digits.bytes().all(|b| b == b'0') {
            return Ok(Constant::Int(0));
        }
        return Err(LexError::at(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            start,
        ));
    }
    if digits.len() > MAX_STR_DIGITS {
        return Err(LexError::at(
            format!(
                "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; \
                 use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer \
                 literals to avoid decimal conversion limits.",
                digits.len()
            ),
            start,
        ));
    }
    Ok(int_constant(&digits, 10))
}

fn int_constant(digits: &str, radix: u32) -> Constant {
    if let Ok(v) = i64::from_str_radix(digits, radix) {
        return Constant::Int(v);
    }
    match BigInt::parse_bytes(digits.as_bytes(), radix) {
        Some(b) => Constant::BigInt(b),
        None => Constant::Int(0),
    }
}

/// A number immediately followed by a letter is an error (`1abc`, `0x`, `0b12`),
/// except for the few keywords CPython tolerates there (`1if x else y`).
/// Positions are where CPython puts its caret.
fn check_number_end(lex: &Lexer<Tok>, kind: &str) -> Result<(), LexError> {
    let rest = lex.remainder();
    let Some(next) = rest.chars().next() else { return Ok(()) };
    if !(next == '_' || next.is_alphanumeric()) {
        return Ok(());
    }
    let end = lex.span().end;
    if lex.slice() == "0" && matches!(next, 'x' | 'X' | 'o' | 'O' | 'b' | 'B') {
        let kind = match next.to_ascii_lowercase() {
            'x' => "hexadecimal",
            'o' => "octal",
            _ => "binary",
        };
        return Err(match rest[1..].chars().next() {
            Some(d) if d.is_ascii_digit() => LexError::at(format!("invalid digit '{d}' in {kind} literal"), end + 1),
            _ => LexError::at(format!("invalid {kind} literal"), end),
        });
    }
    if kind != "decimal" {
        if next.is_ascii_digit() {
            return Err(LexError::at(format!("invalid digit '{next}' in {kind} literal"), end));
        }
        return Err(LexError::at(format!("invalid {kind} literal"), end - 1));
    }
    if !lex.slice().ends_with(['j', 'J']) && KEYWORDS_AFTER_NUMBER.iter().any(|kw| rest.starts_with(kw)) {
        return Ok(());
    }
    let at = if next == '_' { end } else { end - 1 };
    Err(LexError::at("invalid decimal literal", at))
}

/// Scans a string literal whose prefix and opening quote logos just matched.
pub fn lex_string(lex: &mut Lexer<Tok>) -> Result<Box<StrLit>, LexError> {
    let opening = lex.slice();
    let start = lex.span().start;
    let triple = opening.ends_with("'''") || opening.ends_with("\"\"\"");
    let quote_len = if triple { 3 } else { 1 };
    let quote = opening.as_bytes()[opening.len() - 1];
    let prefix = opening[..opening.len() - quote_len].to_ascii_lowercase();
    let body_start = lex.span().end;
    let rest = lex.remainder().as_bytes();
    let mut i = 0;
    let end = loop {
        let Some(&b) = rest.get(i) else {
            let message = if triple {
                "unterminated triple-quoted string literal"
            } else {
                "unterminated string literal"
            };
            return Err(LexError { message: message.into(), at: Some(start), incomplete: true });
        };
        if b == b'\\' {
            i += if rest.get(i + 1) == Some(&b'\r') && rest.get(i + 2) == Some(&b'\n') { 3 } else { 2 };
            continue;
        }
        if !triple && (b == b'\n' || b == b'\r') {
            return Err(LexError::at("unterminated string literal", start));
        }
        if b == quote && (!triple || (rest.get(i + 1) == Some(&quote) && rest.get(i + 2) == Some(&quote))) {
            break i;
        }
        i += 1;
    };
    let end = end.min(rest.len());
    let body = &lex.remainder()[..end];
    let raw = prefix.contains('r');
    // CPython puts the caret of a decoding error after the literal.
    let token_end = body_start + end + quote_len;
    let value = if prefix.contains('f') {
        StrValue::FString { body: body.to_string(), raw }
    } else if prefix.contains('b') {
        StrValue::Bytes(decode_bytes(body, raw).map_err(|(m, at)| {
            // Only a non-ASCII character is reported at the literal's start.
            LexError::at(m, if at == usize::MAX { start } else { token_end })
        })?)
    } else {
        StrValue::Str(decode_str(body, raw).map_err(|(m, _)| LexError::at(m, token_end))?)
    };
    lex.bump(end + quote_len);
    Ok(Box::new(StrLit { value, body_offset: (body_start - start) as u32 }))
}
