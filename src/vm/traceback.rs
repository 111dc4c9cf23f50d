//! Printing uncaught exceptions exactly as CPython 3.11 does: the chain of
//! causes and contexts, one `File "...", line N, in f` entry per frame with
//! its source line and `^^^^` marks (`traceback_carets`), then
//! `Type: message`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use super::traceback_carets::{caret_line, is_indent};
use super::ThreadState;
use crate::objects::{Gc, PyInstance, Value};

type SourceLines = Option<Arc<Vec<String>>>;

/// Source files read for tracebacks, by path (process-wide: files are plain data).
fn source_cache() -> &'static Mutex<HashMap<String, SourceLines>> {
    static CACHE: OnceLock<Mutex<HashMap<String, SourceLines>>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Line `line` of `filename` as written (indentation included), if it has
/// any text.
fn source_line(filename: &str, line: u32) -> Option<String> {
    let mut cache = source_cache().lock().ok()?;
    let lines = cache
        .entry(filename.to_string())
        .or_insert_with(|| {
            if filename.starts_with('<') {
                return None;
            }
            std::fs::read_to_string(filename).ok().map(|s| Arc::new(s.lines().map(str::to_string).collect()))
        })
        .clone()?;
    let text = lines.get((line as usize).checked_sub(1)?)?;
    (!text.trim().is_empty()).then(|| text.clone())
}

/// `exc.__traceback__`: `None` before the exception is raised, else a small
/// `traceback` object (`tb_lineno`, `tb_next`) over the entries the exception keeps.
pub fn traceback_value(ts: &mut ThreadState, exc: &Value) -> Value {
    let Value::Instance(i) = exc else { return Value::None };
    let Some(data) = i.exception.as_ref() else { return Value::None };
    let entries = data.borrow().traceback.clone();
    let object = ts.types().object.clone();
    let class = crate::objects::types::new_type("traceback", &[object], crate::objects::Layout::Builtin, true);
    let mut next = Value::None;
    for entry in entries.iter().rev() {
        let dict = Gc::new(crate::objects::PyDict::new());
        let frame_dict = Gc::new(crate::objects::PyDict::new());
        let code = Value::Code(crate::objects::CodeObject::load(ts, entry.code.clone()));
        for (k, v) in [("f_code", code), ("f_lineno", Value::Int(entry.line as i64))] {
            let key = ts.intern(k);
            frame_dict.set_str(key, v);
        }
        let frame = Value::Native(Gc::new(crate::objects::NativeObject {
            class: class.clone(),
            data: Box::new(()),
            dict: Some(frame_dict),
        }));
        for (k, v) in [("tb_lineno", Value::Int(entry.line as i64)), ("tb_next", next), ("tb_frame", frame)] {
            let key = ts.intern(k);
            dict.set_str(key, v);
        }
        let data = Box::new(entry.clone());
        next = Value::Native(Gc::new(crate::objects::NativeObject { class: class.clone(), data, dict: Some(dict) }));
    }
    next
}

/// The full report CPython prints for an uncaught exception.
pub fn format_exception(ts: &mut ThreadState, exc: &Value) -> String {
    let mut out = String::new();
    match exc {
        Value::Instance(i) if i.exception.is_some() => format_chain(ts, i, &mut out, &mut Vec::new()),
        other => {
            let name = ts.type_of(other).name.clone();
            out.push_str(&format!("TypeError: print_exception(): Exception expected for value, {name} found\n"));
        }
    }
    out
}

/// Prints the chain oldest first. Walked iteratively: chains can be long.
fn format_chain(ts: &mut ThreadState, exc: &Gc<PyInstance>, out: &mut String, seen: &mut Vec<usize>) {
    let mut chain: Vec<(Gc<PyInstance>, &'static str)> = Vec::new();
    let mut current = Some((exc.clone(), ""));
    while let Some((e, separator)) = current.take() {
        seen.push(Gc::as_ptr(&e) as usize);
        let (cause, context, suppress) = match e.exception.as_ref() {
            Some(d) => {
                let d = d.borrow();
                (d.cause.clone(), d.context.clone(), d.suppress_context)
            }
            None => (Value::None, Value::None, true),
        };
        let unseen = |v: &Value| match v {
            Value::Instance(i) if i.exception.is_some() && !seen.contains(&(Gc::as_ptr(i) as usize)) => Some(i.clone()),
            _ => None,
        };
        current = match (unseen(&cause), suppress, unseen(&context)) {
            (Some(c), _, _) => Some((c, "\nThe above exception was the direct cause of the following exception:\n\n")),
            (None, false, Some(c)) => Some((c, "\nDuring handling of the above exception, another exception occurred:\n\n")),
            _ => None,
        };
        chain.push((e, separator));
    }
    let mut separator = "";
    for (e, next_separator) in chain.into_iter().rev() {
        out.push_str(separator);
        format_one(ts, &e, out);
        separator = next_separator;
    }
}

/// CPython prints three identical consecutive entries, then a count of the rest.
const REPEAT_CUTOFF: usize = 3;

fn push_repeats(out: &mut String, repeats: usize) {
    if repeats >= REPEAT_CUTOFF {
        let more = repeats - REPEAT_CUTOFF + 1;
        let s = if more == 1 { "" } else { "s" };
        out.push_str(&format!("  [Previous line repeated {more} more time{s}]\n"));
    }
}

fn format_one(ts: &mut ThreadState, exc: &Gc<PyInstance>, out: &mut String) {
    let entries = exc.exception.as_ref().map(|d| d.borrow().traceback.clone()).unwrap_or_default();
    if !entries.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        let mut last: Option<(&str, u32, &str)> = None;
        let mut repeats = 0;
        for e in &entries {
            let key = (&*e.code.filename, e.line, e.code.name.as_str());
            if last == Some(key) {
                repeats += 1;
                if repeats >= REPEAT_CUTOFF {
                    continue;
                }
            } else {
                push_repeats(out, repeats);
                repeats = 0;
                last = Some(key);
            }
            out.push_str(&format!("  File \"{}\", line {}, in {}\n", e.code.filename, e.line, e.code.name));
            if let Some(raw) = source_line(&e.code.filename, e.line) {
                out.push_str(&format!("    {}\n", raw.trim_start_matches(is_indent)));
                if let Some(marks) = e.span.and_then(|span| caret_line(&raw, e.line, span)) {
                    out.push_str(&marks);
                    out.push('\n');
                }
            }
        }
        push_repeats(out, repeats);
    }
    let value = Value::Instance(exc.clone());
    if let Some(report) = syntax_error_report(ts, exc) {
        out.push_str(&report);
        return;
    }
    let name = qualified_name(ts, exc);
    let message = match ts.to_str(&value) {
        Ok(s) => s.as_str().to_string(),
        Err(_) => "<exception str() failed>".to_string(),
    };
    if message.is_empty() {
        out.push_str(&format!("{name}\n"));
    } else {
        out.push_str(&format!("{name}: {message}\n"));
    }
}

/// `mod.Name` for classes outside `builtins` and `__main__`, else `Name`.
fn qualified_name(ts: &mut ThreadState, exc: &Gc<PyInstance>) -> String {
    let cls = exc.class();
    let module_key = ts.intern("__module__");
    match cls.dict.get_str(&module_key) {
        Some(Value::Str(m)) if m.as_str() != "builtins" && m.as_str() != "__main__" => {
            format!("{}.{}", m.as_str(), cls.qualname)
        }
        _ => cls.qualname.clone(),
    }
}

/// A `SyntaxError` raised at run time (by `exec`, `eval` or an import) prints
/// its location block instead of a plain message.
fn syntax_error_report(ts: &mut ThreadState, exc: &Gc<PyInstance>) -> Option<String> {
    if !exc.class().is_subtype(&ts.types().syntax_error) {
        return None;
    }
    let get = |ts: &mut ThreadState, k: &str| {
        let key = ts.intern(k);
        exc.dict().get_str(&key)
    };
    let Some(Value::Str(msg)) = get(ts, "msg") else { return None };
    let Some(Value::Str(filename)) = get(ts, "filename") else { return None };
    let Some(Value::Int(line)) = get(ts, "lineno") else { return None };
    let text = match get(ts, "text") {
        Some(Value::Str(t)) => t.as_str().to_string(),
        _ => String::new(),
    };
    let offset = match get(ts, "offset") {
        Some(Value::Int(o)) => o.max(0) as u32,
        _ => 0,
    };
    let err = crate::frontend::SyntaxError {
        kind: crate::frontend::SyntaxErrorKind::SyntaxError,
        message: msg.as_str().to_string(),
        filename: filename.as_str().to_string(),
        line: line.max(0) as u32,
        offset,
        text,
    };
    let rendered = err.to_string();
    let name = exc.class().name.clone();
    let body = match rendered.rfind('\n') {
        Some(i) => &rendered[..=i],
        None => "",
    };
    Some(format!("{body}{name}: {}\n", msg.as_str()))
}

/// Writes the report for an uncaught exception to stderr.
pub fn print_exception(ts: &mut ThreadState, exc: &Value) {
    let text = format_exception(ts, exc);
    super::run::write_stderr(ts, &text);
}
