//! The import system: `sys.modules`, then native modules, then bundled Python
//! modules (`pylib`), then `<dir>/<name>.py` and packages along `sys.path`.
//! A module is in `sys.modules` before its body runs, so circular imports see
//! the partly initialised module, as in CPython.

use super::ThreadState;
use crate::objects::{Gc, PyDict, PyModule, PyResult, PyStr, Value};

/// `ImportName`: `__import__(name, globals, None, fromlist, level)`.
pub(crate) fn import_name(
    ts: &mut ThreadState,
    name: &PyStr,
    fromlist: &Value,
    level: &Value,
    globals: &Gc<PyDict>,
) -> PyResult<Value> {
    let level = match level {
        Value::Int(i) if *i > 0 => *i as usize,
        _ => 0,
    };
    let full = resolve_name(ts, name.as_str(), level, globals)?;
    let module = import_module(ts, &full)?;
    let wants_module = match fromlist {
        Value::Tuple(t) => !t.items.is_empty(),
        Value::List(l) => !l.items.borrow().is_empty(),
        Value::None => false,
        _ => true,
    };
    if wants_module || level > 0 {
        return Ok(module);
    }
    let top = full.split('.').next().unwrap_or(&full).to_string();
    import_module(ts, &top)
}

/// The absolute name of a (possibly relative) import.
fn resolve_name(ts: &mut ThreadState, name: &str, level: usize, globals: &Gc<PyDict>) -> PyResult<String> {
    if level == 0 {
        return Ok(name.to_string());
    }
    let package_key = ts.intern("__package__");
    let name_key = ts.intern("__name__");
    let path_key = ts.intern("__path__");
    let package = match globals.get_str(&package_key) {
        Some(Value::Str(p)) if !p.as_str().is_empty() => p.as_str().to_string(),
        _ => match globals.get_str(&name_key) {
            Some(Value::Str(n)) if globals.get_str(&path_key).is_some() => n.as_str().to_string(),
            Some(Value::Str(n)) => n.as_str().rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default(),
            _ => String::new(),
        },
    };
    if package.is_empty() || package == "__main__" {
        return Err(ts.import_error("attempted relative import with no known parent package"));
    }
    let mut base = package.as_str();
    for _ in 1..level {
        match base.rsplit_once('.') {
            Some((parent, _)) => base = parent,
            None => return Err(ts.import_error("attempted relative import beyond top-level package")),
        }
    }
    Ok(if name.is_empty() { base.to_string() } else { format!("{base}.{name}") })
}

/// The module `full` (dotted), importing it and its parents as needed.
pub fn import_module(ts: &mut ThreadState, full: &str) -> PyResult<Value> {
    let key = ts.intern(full);
    if let Some(m) = ts.objs.modules.get_str(&key) {
        return Ok(m);
    }
    let (parent, last) = match full.rsplit_once('.') {
        Some((p, l)) => (Some(import_module(ts, p)?), l),
        None => (None, full),
    };
    // The parent's body may have imported this module already (as CPython, use that one).
    if let Some(m) = ts.objs.modules.get_str(&key) {
        return Ok(m);
    }
    let module = load_module(ts, full, last, parent.as_ref())?;
    if let Some(parent) = parent {
        let attr = ts.intern(last);
        ts.set_attr(&parent, &attr, module.clone())?;
    }
    Ok(module)
}

fn load_module(ts: &mut ThreadState, full: &str, last: &str, parent: Option<&Value>) -> PyResult<Value> {
    if !ts.interp.config.modules.allows(full) {
        let err = ts.import_error(format!("import of '{full}' is not allowed in this interpreter"));
        set_import_error_fields(ts, &err, full, Value::None);
        return Err(err);
    }
    if let Some(init) = crate::modules::native_module(full) {
        let module = Value::Module(init(ts)?);
        let key = ts.intern(full);
        ts.objs.modules.set_str(key, module.clone());
        return Ok(module);
    }
    if let Some((source, is_package)) = crate::pylib::source(full) {
        let filename = format!("<frozen {full}>");
        return exec_module(ts, full, source, &filename, is_package.then_some(""));
    }
    let dirs = if ts.interp.config.modules.sandbox { Vec::new() } else { search_dirs(ts, parent) };
    for dir in dirs {
        let base = std::path::Path::new(&dir).join(last);
        let init = base.join("__init__.py");
        let file = base.with_extension("py");
        let (path, package_dir) = if init.is_file() {
            (init, Some(base.to_string_lossy().into_owned()))
        } else if file.is_file() {
            (file, None)
        } else {
            continue;
        };
        let filename = path.to_string_lossy().into_owned();
        let source = match std::fs::read_to_string(&path) {
            Ok(s) => s,
            Err(e) => return Err(ts.import_error(format!("cannot read {filename}: {e}"))),
        };
        return exec_module(ts, full, &source, &filename, package_dir.as_deref());
    }
    let err = ts.module_not_found_error(format!("No module named '{full}'"));
    set_import_error_fields(ts, &err, full, Value::None);
    Err(err)
}

/// `ImportError.name` and `.path`.
fn set_import_error_fields(ts: &mut ThreadState, err: &crate::objects::PyErr, name: &str, path: Value) {
    let (name_key, path_key) = (ts.intern("name"), ts.intern("path"));
    err.exc.dict().set_str(name_key, Value::str(name));
    err.exc.dict().set_str(path_key, path);
}

/// The directories to search: the parent package's `__path__`, or `sys.path`.
fn search_dirs(ts: &mut ThreadState, parent: Option<&Value>) -> Vec<String> {
    let list = match parent {
        Some(Value::Module(p)) => {
            let key = ts.intern("__path__");
            p.dict.get_str(&key)
        }
        Some(_) => None,
        None => {
            let sys = ts.intern("sys");
            let path = ts.intern("path");
            match ts.objs.modules.get_str(&sys) {
                Some(Value::Module(m)) => m.dict.get_str(&path),
                _ => None,
            }
        }
    };
    match list {
        Some(Value::List(l)) => l
            .items
            .borrow()
            .iter()
            .filter_map(|v| v.as_str().map(|s| if s.as_str().is_empty() { ".".to_string() } else { s.as_str().to_string() }))
            .collect(),
        _ => Vec::new(),
    }
}

/// Creates module `name`, registers it in `sys.modules` and runs `source` in it.
/// `package_dir` is `Some` for a package (its directory, or "" for bundled ones).
pub fn exec_module(
    ts: &mut ThreadState,
    name: &str,
    source: &str,
    filename: &str,
    package_dir: Option<&str>,
) -> PyResult<Value> {
    let module = PyModule::new(ts, name);
    module.set(ts, "__file__", Value::str(filename));
    let package = match package_dir {
        Some(dir) => {
            module.set(ts, "__path__", Value::list(vec![Value::str(dir)]));
            name.to_string()
        }
        None => name.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default(),
    };
    module.set(ts, "__package__", Value::str(&package));
    let key = ts.intern(name);
    let value = Value::Module(module.clone());
    ts.objs.modules.set_str(key.clone(), value.clone());
    let result = super::run::compile_and_run(ts, source, filename, &module.dict);
    if let Err(e) = result {
        ts.objs.modules.del_str(&key);
        return Err(e);
    }
    Ok(ts.objs.modules.get_str(&key).unwrap_or(value))
}

/// `ImportFrom`: `module.name`, or the submodule `module.name`.
pub(crate) fn import_from(ts: &mut ThreadState, module: &Value, name: &Gc<PyStr>) -> PyResult<Value> {
    if let Some(v) = ts.get_attr_opt(module, name)? {
        return Ok(v);
    }
    let Value::Module(m) = module else {
        return Err(ts.import_error(format!("cannot import name '{}'", name.as_str())));
    };
    let full = format!("{}.{}", m.name.as_str(), name.as_str());
    let not_found = ts.types().module_not_found_error.clone();
    match import_module(ts, &full) {
        Ok(v) => return Ok(v),
        Err(e) if !ts.err_matches(&e, &not_found) => return Err(e),
        Err(_) => {}
    }
    let file_key = ts.intern("__file__");
    let file = m.dict.get_str(&file_key);
    let location = match &file {
        Some(Value::Str(f)) => f.as_str().to_string(),
        _ => "unknown location".to_string(),
    };
    let err = ts.import_error(format!(
        "cannot import name '{}' from '{}' ({location})",
        name.as_str(),
        m.name.as_str()
    ));
    set_import_error_fields(ts, &err, m.name.as_str(), file.unwrap_or(Value::None));
    Err(err)
}

/// `from module import *` into the current namespace.
pub(crate) fn import_star(ts: &mut ThreadState, fi: usize, module: &Value) -> PyResult<()> {
    let Value::Module(m) = module else { return Ok(()) };
    let all_key = ts.intern("__all__");
    let names: Vec<Gc<PyStr>> = match m.dict.get_str(&all_key) {
        Some(all) => ts.collect_items(&all)?
            .into_iter()
            .filter_map(|v| match v {
                Value::Str(s) => Some(s),
                _ => None,
            })
            .collect(),
        None => m
            .dict
            .items()
            .into_iter()
            .filter_map(|(k, _)| match k {
                Value::Str(s) if !s.as_str().starts_with('_') => Some(s),
                _ => None,
            })
            .collect(),
    };
    for name in names {
        let v = ts.get_attr(module, &name)?;
        super::ops::store_name(ts, fi, &name, v);
    }
    Ok(())
}
