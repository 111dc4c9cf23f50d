//! `os.path` (POSIX path rules, as CPython's `posixpath`).

use super::os::path_arg;
use crate::builtins::args::positional;
use crate::builtins::oserror::os_error;
use crate::objects::{Args, Gc, NativeFnPtr, PyModule, PyResult, Value};
use crate::vm::ThreadState;

pub fn init(ts: &mut ThreadState) -> PyResult<Gc<PyModule>> {
    let m = PyModule::new(ts, "posixpath");
    m.set(ts, "sep", Value::str("/"));
    let functions: &[(&'static str, NativeFnPtr)] = &[
        ("join", join),
        ("exists", exists),
        ("isfile", isfile),
        ("isdir", isdir),
        ("islink", islink),
        ("isabs", isabs),
        ("basename", basename),
        ("dirname", dirname),
        ("split", split),
        ("splitext", splitext),
        ("abspath", abspath),
        ("realpath", abspath),
        ("normpath", normpath),
        ("getsize", getsize),
        ("getmtime", getmtime),
        ("expanduser", expanduser),
    ];
    for &(name, f) in functions {
        m.add_fn(ts, name, f);
    }
    Ok(m)
}

fn one(ts: &mut ThreadState, args: Args<'_>, name: &str) -> PyResult<String> {
    let a = positional(ts, name, args, 1, 1)?;
    path_arg(ts, &a[0])
}

fn join(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "join", args, 1, usize::MAX)?;
    let mut path = path_arg(ts, &a[0])?;
    for part in &a[1..] {
        let b = path_arg(ts, part)?;
        if b.starts_with('/') {
            path = b;
        } else if path.is_empty() || path.ends_with('/') {
            path.push_str(&b);
        } else {
            path.push('/');
            path.push_str(&b);
        }
    }
    Ok(Value::str(&path))
}

fn probe(ts: &mut ThreadState, args: Args<'_>, name: &str, f: fn(&std::fs::Metadata) -> bool) -> PyResult<Value> {
    let p = one(ts, args, name)?;
    let r = ts.allow_threads(move || std::fs::metadata(&p).map(|m| f(&m)).unwrap_or(false));
    Ok(Value::Bool(r))
}

fn exists(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    probe(ts, args, "exists", |_| true)
}

fn isfile(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    probe(ts, args, "isfile", |m| m.is_file())
}

fn isdir(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    probe(ts, args, "isdir", |m| m.is_dir())
}

fn islink(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let p = one(ts, args, "islink")?;
    Ok(Value::Bool(std::fs::symlink_metadata(&p).map(|m| m.file_type().is_symlink()).unwrap_or(false)))
}

fn isabs(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let p = one(ts, args, "isabs")?;
    Ok(Value::Bool(p.starts_with('/')))
}

fn split_parts(p: &str) -> (String, String) {
    let i = p.rfind('/').map_or(0, |i| i + 1);
    let (head, tail) = p.split_at(i);
    let mut head = head.to_string();
    if !head.is_empty() && head.chars().any(|c| c != '/') {
        head = head.trim_end_matches('/').to_string();
    }
    (head, tail.to_string())
}

fn basename(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let p = one(ts, args, "basename")?;
    Ok(Value::str(&split_parts(&p).1))
}

fn dirname(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let p = one(ts, args, "dirname")?;
    Ok(Value::str(&split_parts(&p).0))
}

fn split(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let p = one(ts, args, "split")?;
    let (h, t) = split_parts(&p);
    Ok(Value::tuple(vec![Value::str(&h), Value::str(&t)]))
}

fn splitext(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let p = one(ts, args, "splitext")?;
    let sep = p.rfind('/').map_or(-1, |i| i as i64);
    if let Some(dot) = p.rfind('.') {
        if dot as i64 > sep {
            let name_start = (sep + 1) as usize;
            if p[name_start..dot].chars().any(|c| c != '.') {
                return Ok(Value::tuple(vec![Value::str(&p[..dot]), Value::str(&p[dot..])]));
            }
        }
    }
    Ok(Value::tuple(vec![Value::str(&p), Value::str("")]))
}

/// `posixpath.normpath`.
pub fn normalize(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let initial = if p.starts_with("//") && !p.starts_with("///") { 2 } else if p.starts_with('/') { 1 } else { 0 };
    let mut parts: Vec<&str> = Vec::new();
    for comp in p.split('/') {
        match comp {
            "" | "." => {}
            ".." if initial == 0 && (parts.is_empty() || parts.last() == Some(&"..")) => parts.push(".."),
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    let out = format!("{}{}", "/".repeat(initial), parts.join("/"));
    if out.is_empty() {
        ".".into()
    } else {
        out
    }
}

fn normpath(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let p = one(ts, args, "normpath")?;
    Ok(Value::str(&normalize(&p)))
}

fn abspath(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let p = one(ts, args, "abspath")?;
    let full = if p.starts_with('/') {
        p
    } else {
        let cwd = std::env::current_dir().map(|c| c.to_string_lossy().into_owned()).unwrap_or_else(|_| "/".into());
        format!("{cwd}/{p}")
    };
    Ok(Value::str(&normalize(&full)))
}

fn getsize(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let p = one(ts, args, "getsize")?;
    match std::fs::metadata(&p) {
        Ok(m) => Ok(Value::Int(m.len() as i64)),
        Err(e) => Err(os_error(ts, &e, Some(&p))),
    }
}

fn getmtime(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    use std::os::unix::fs::MetadataExt;
    let p = one(ts, args, "getmtime")?;
    match std::fs::metadata(&p) {
        Ok(m) => Ok(Value::Float(m.mtime() as f64 + m.mtime_nsec() as f64 * 1e-9)),
        Err(e) => Err(os_error(ts, &e, Some(&p))),
    }
}

fn expanduser(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let p = one(ts, args, "expanduser")?;
    if let (Some(rest), Ok(home)) = (p.strip_prefix('~'), std::env::var("HOME")) {
        if rest.is_empty() || rest.starts_with('/') {
            return Ok(Value::str(&format!("{home}{rest}")));
        }
    }
    Ok(Value::str(&p))
}
