//! Escape sequences of string and bytes literals.
//! Errors are `(message, byte offset in the body)`.

pub type EscapeError = (String, usize);

/// Decodes the body of a `str` literal (or an f-string's literal part).
pub fn decode_str(body: &str, raw: bool) -> Result<String, EscapeError> {
    if raw || !body.contains('\\') {
        return Ok(body.replace("\r\n", "\n"));
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\r' && matches!(chars.peek(), Some((_, '\n'))) {
            continue;
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\r' => {
                if matches!(chars.peek(), Some((_, '\n'))) {
                    chars.next();
                }
            }
            'u' | 'U' | 'x' => {
                let len = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex = take_hex(&mut chars, len);
                let value = (hex.len() == len).then(|| u32::from_str_radix(&hex, 16).ok()).flatten();
                let end = i + 1 + hex.len();
                let Some(v) = value else {
                    let what = match e {
                        'x' => "truncated \\xXX escape",
                        'u' => "truncated \\uXXXX escape",
                        _ => "truncated \\UXXXXXXXX escape",
                    };
                    return Err((unicode_error(i, end, what), i));
                };
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None if v > 0x10FFFF => {
                        return Err((unicode_error(i, end, "illegal Unicode character"), i));
                    }
                    None => out.push('\u{FFFD}'),
                }
            }
            'N' => {
                let (ch, consumed) = named_char(body, i)?;
                out.push(ch);
                for _ in 0..consumed {
                    chars.next();
                }
            }
            _ => match simple_escape(e, &mut chars) {
                Some(v) => out.push(char::from_u32(v).unwrap_or('\u{FFFD}')),
                None => {
                    out.push('\\');
                    out.push(e);
                }
            },
        }
    }
    Ok(out)
}

/// Decodes the body of a bytes literal; only ASCII characters may appear in it
/// (that error's position is `usize::MAX`: the whole literal).
pub fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, EscapeError> {
    if body.contains(|c: char| !c.is_ascii()) {
        return Err(("bytes can only contain ASCII literal characters".to_string(), usize::MAX));
    }
    if raw || !body.contains('\\') {
        return Ok(body.replace("\r\n", "\n").into_bytes());
    }
    let mut out = Vec::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\r' && matches!(chars.peek(), Some((_, '\n'))) {
            continue;
        }
        if c != '\\' {
            out.push(c as u8);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push(b'\\');
            break;
        };
        match e {
            '\n' => {}
            '\r' => {
                if matches!(chars.peek(), Some((_, '\n'))) {
                    chars.next();
                }
            }
            'x' => {
                let hex = take_hex(&mut chars, 2);
                match (hex.len() == 2).then(|| u8::from_str_radix(&hex, 16).ok()).flatten() {
                    Some(v) => out.push(v),
                    None => return Err((format!("(value error) invalid \\x escape at position {i}"), i)),
                }
            }
            _ => match simple_escape(e, &mut chars) {
                Some(v) => out.push((v & 0xFF) as u8),
                None => {
                    out.push(b'\\');
                    out.push(e as u8);
                }
            },
        }
    }
    Ok(out)
}

type Chars<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

/// The one-character escapes and octal escapes common to str and bytes.
fn simple_escape(e: char, chars: &mut Chars) -> Option<u32> {
    let v = match e {
        '\\' => '\\' as u32,
        '\'' => '\'' as u32,
        '"' => '"' as u32,
        'n' => 10,
        't' => 9,
        'r' => 13,
        'a' => 7,
        'b' => 8,
        'f' => 12,
        'v' => 11,
        '0'..='7' => {
            let mut v = e as u32 - '0' as u32;
            for _ in 0..2 {
                match chars.peek() {
                    Some(&(_, d @ '0'..='7')) => {
                        v = v * 8 + (d as u32 - '0' as u32);
                        chars.next();
                    }
                    _ => break,
                }
            }
            v
        }
        _ => return None,
    };
    Some(v)
}

fn take_hex(chars: &mut Chars, len: usize) -> String {
    let mut hex = String::new();
    while hex.len() < len {
        match chars.peek() {
            Some(&(_, d)) if d.is_ascii_hexdigit() => {
                hex.push(d);
                chars.next();
            }
            _ => break,
        }
    }
    hex
}

fn unicode_error(start: usize, end: usize, what: &str) -> String {
    format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{end}: {what}")
}

/// `\N{NAME}` at `body[at..]`: the character and how many characters after
/// the `N` it used.
fn named_char(body: &str, at: usize) -> Result<(char, usize), EscapeError> {
    let rest = &body[at + 2..];
    let malformed = |end: usize| (unicode_error(at, end, "malformed \\N character escape"), at);
    let Some(inner) = rest.strip_prefix('{') else { return Err(malformed(at + 1)) };
    let Some(close) = inner.find('}') else { return Err(malformed(body.len() - 1)) };
    let name = &inner[..close];
    if name.is_empty() {
        return Err(malformed(at + 2));
    }
    match super::unicode_names::lookup(name) {
        Some(ch) => Ok((ch, name.chars().count() + 2)),
        None => Err((unicode_error(at, at + 3 + close, "unknown Unicode character name"), at)),
    }
}
