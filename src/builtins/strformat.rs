//! `str.format` and `str.format_map`: replacement fields with positional,
//! keyword, attribute and index parts, conversions and nested specs.

use crate::objects::{Args, PyResult, Value};
use crate::vm::ThreadState;

enum Numbering {
    Unknown,
    Auto(usize),
    Manual,
}

struct Context<'a> {
    positional: &'a [Value],
    keywords: Option<Value>,
    kw_list: Vec<(String, Value)>,
    numbering: Numbering,
}

pub fn str_format(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    let Some(Value::Str(fmt)) = pos.first() else {
        return Err(ts.type_error("descriptor 'format' requires a 'str' object"));
    };
    let kw_list = args.keywords().map(|(k, v)| (k.as_str().to_string(), v.clone())).collect();
    let mut ctx = Context { positional: &pos[1..], keywords: None, kw_list, numbering: Numbering::Unknown };
    let out = render(ts, fmt.as_str(), &mut ctx, 2)?;
    Ok(Value::str(&out))
}

pub fn str_format_map(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, rest) = super::args::method(ts, "format_map", args, 1, 1)?;
    let Value::Str(fmt) = recv else { return Err(ts.type_error("descriptor 'format_map' requires a 'str' object")) };
    let mut ctx = Context { positional: &[], keywords: Some(rest[0].clone()), kw_list: Vec::new(), numbering: Numbering::Unknown };
    let out = render(ts, fmt.as_str(), &mut ctx, 2)?;
    Ok(Value::str(&out))
}

fn render(ts: &mut ThreadState, fmt: &str, ctx: &mut Context, depth: u32) -> PyResult<String> {
    if depth == 0 {
        return Err(ts.value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(ts.value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        let start = i + 1;
        let mut nest = 1;
        let mut j = start;
        while j < chars.len() {
            match chars[j] {
                '{' => nest += 1,
                '}' => {
                    nest -= 1;
                    if nest == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= chars.len() {
            let msg = if nest > 1 || start < chars.len() { "expected '}' before end of string" } else { "Single '{' encountered in format string" };
            return Err(ts.value_error(msg));
        }
        let field: String = chars[start..j].iter().collect();
        out.push_str(&render_field(ts, &field, ctx, depth)?);
        i = j + 1;
    }
    Ok(out)
}

fn render_field(ts: &mut ThreadState, field: &str, ctx: &mut Context, depth: u32) -> PyResult<String> {
    let (name_conv, spec) = split_top(field, ':');
    let (name, conv) = match name_conv.find('!') {
        Some(p) => (&name_conv[..p], Some(&name_conv[p + 1..])),
        None => (name_conv, None),
    };
    let value = lookup_field(ts, name, ctx)?;
    let value = match conv {
        None => value,
        Some("r") | Some("a") => Value::Str(ts.repr(&value)?),
        Some("s") => Value::Str(ts.to_str(&value)?),
        Some(other) if other.len() == 1 => {
            return Err(ts.value_error(format!("Unknown conversion specifier {other}")));
        }
        Some(_) => return Err(ts.value_error("expected ':' after conversion specifier")),
    };
    let spec = match spec {
        Some(s) if s.contains('{') => render(ts, s, ctx, depth - 1)?,
        Some(s) => s.to_string(),
        None => String::new(),
    };
    Ok(ts.format(&value, &spec)?.as_str().to_string())
}

/// Splits at the first `sep` outside brackets.
fn split_top(field: &str, sep: char) -> (&str, Option<&str>) {
    let mut depth = 0;
    for (i, c) in field.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            c if c == sep && depth == 0 => return (&field[..i], Some(&field[i + 1..])),
            _ => {}
        }
    }
    (field, None)
}

fn lookup_field(ts: &mut ThreadState, name: &str, ctx: &mut Context) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(first_end);
    let mut value = if first.is_empty() || first.chars().all(|c| c.is_ascii_digit()) {
        let index = if first.is_empty() {
            match ctx.numbering {
                Numbering::Manual => {
                    return Err(ts.value_error("cannot switch from manual field specification to automatic field numbering"))
                }
                Numbering::Unknown => 0,
                Numbering::Auto(n) => n,
            }
        } else {
            if let Numbering::Auto(_) = ctx.numbering {
                return Err(ts.value_error("cannot switch from automatic field numbering to manual field specification"));
            }
            first.parse().unwrap_or(usize::MAX)
        };
        ctx.numbering = if first.is_empty() { Numbering::Auto(index + 1) } else { Numbering::Manual };
        match ctx.positional.get(index) {
            Some(v) => v.clone(),
            None => {
                return Err(ts.index_error(format!("Replacement index {index} out of range for positional args tuple")))
            }
        }
    } else if let Some(map) = ctx.keywords.clone() {
        ts.get_item(&map, &Value::str(first))?
    } else {
        match ctx.kw_list.iter().find(|(k, _)| k == first) {
            Some((_, v)) => v.clone(),
            None => return Err(ts.key_error(Value::str(first))),
        }
    };
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let attr = ts.intern(&r[..end]);
            value = ts.get_attr(&value, &attr)?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else {
                return Err(ts.value_error("Missing ']' in format string"));
            };
            let key = &r[..end];
            let k = match key.parse::<i64>() {
                Ok(i) => Value::Int(i),
                Err(_) => Value::str(key),
            };
            value = ts.get_item(&value, &k)?;
            rest = &r[end + 1..];
        } else {
            return Err(ts.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(value)
}
