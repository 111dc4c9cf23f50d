//! Builtin functions that need the VM: `__build_class__`, `__import__`,
//! `globals`, `locals`, `exec`, `eval`, attribute functions, `isinstance`,
//! `issubclass`, `callable`, `dir`, `vars`; the generator methods and the
//! attribute slots of `object`.

use crate::frontend::Mode;
use crate::objects::{Args, Gc, NativeFnPtr, NativeFunction, PyDict, PyResult, PyStr, PyType, Value};
use crate::vm::ThreadState;

pub fn install(ts: &mut ThreadState) {
    let functions: [(&'static str, NativeFnPtr); 16] = [
        ("__build_class__", build_class),
        ("__import__", import),
        ("globals", globals),
        ("locals", locals),
        ("exec", exec),
        ("eval", eval),
        ("compile", compile),
        ("getattr", getattr),
        ("setattr", setattr),
        ("hasattr", hasattr),
        ("delattr", delattr),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("callable", callable),
        ("dir", dir),
        ("vars", vars),
    ];
    for (name, f) in functions {
        let v = Value::NativeFunction(Gc::new(NativeFunction::new("builtins", name, f)));
        let key = ts.intern(name);
        ts.objs.builtins.set_str(key, v);
    }
    for (name, cls) in [("type", ts.types().type_.clone()), ("super", ts.types().super_.clone()), ("object", ts.types().object.clone())] {
        let key = ts.intern(name);
        if ts.objs.builtins.get_str(&key).is_none() {
            ts.objs.builtins.set_str(key, Value::Type(cls));
        }
    }
    crate::vm::builtin_methods::install(ts);
}

fn arg_str<'a>(ts: &mut ThreadState, v: &'a Value, what: &str) -> PyResult<&'a Gc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s),
        other => {
            let name = ts.type_of(other).name.clone();
            Err(ts.type_error(format!("{what} must be string, not {name}")))
        }
    }
}

fn build_class(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    crate::vm::class::build_class(ts, args)
}

fn import(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    let Some(name) = pos.first() else { return Err(ts.type_error("__import__() missing required argument 'name' (pos 1)")) };
    let name = arg_str(ts, name, "__import__() argument 1")?.clone();
    let globals = match pos.get(1).or(args.keyword("globals")) {
        Some(Value::Dict(d)) => d.clone(),
        _ => current_globals(ts),
    };
    let fromlist = pos.get(3).or(args.keyword("fromlist")).cloned().unwrap_or(Value::None);
    let level = pos.get(4).or(args.keyword("level")).cloned().unwrap_or(Value::Int(0));
    crate::vm::import::import_name(ts, &name, &fromlist, &level, &globals)
}

fn current_globals(ts: &mut ThreadState) -> Gc<PyDict> {
    match ts.exec.frames.last() {
        Some(f) => f.globals().clone(),
        None => Gc::new(PyDict::new()),
    }
}

fn globals(ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Dict(current_globals(ts)))
}

/// The caller's local namespace: its dict in module and class bodies, a
/// snapshot of its slots and cells in a function.
fn current_locals(ts: &mut ThreadState) -> Gc<PyDict> {
    let Some(frame) = ts.exec.frames.last() else { return Gc::new(PyDict::new()) };
    if let Some(l) = &frame.locals {
        return l.clone();
    }
    let code = frame.code().clone();
    let snapshot = Gc::new(PyDict::new());
    for (i, name) in code.varnames.iter().enumerate() {
        if let Some(v) = ts.exec.stack.get(frame.base + i).filter(|v| !v.is_null()) {
            snapshot.set_str(name.clone(), v.clone());
        }
    }
    let deref_names: Vec<String> = code.code.cellvars.iter().chain(code.code.freevars.iter()).cloned().collect();
    let cells: Vec<Value> = frame.cells().iter().map(|c| c.value.borrow().clone()).collect();
    for (name, v) in deref_names.iter().zip(cells) {
        if !v.is_null() {
            let key = ts.intern(name);
            snapshot.set_str(key, v);
        }
    }
    snapshot
}

fn locals(ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Dict(current_locals(ts)))
}

/// The namespaces of `exec`/`eval`: the caller's unless given.
fn namespaces(ts: &mut ThreadState, args: &Args<'_>, fname: &str) -> PyResult<(Gc<PyDict>, Gc<PyDict>)> {
    let pos = args.positional();
    let globals = match pos.get(1).or(args.keyword("globals")) {
        None | Some(Value::None) => None,
        Some(Value::Dict(d)) => Some(d.clone()),
        Some(other) => {
            let name = ts.type_of(other).name.clone();
            return Err(ts.type_error(format!("{fname}() globals must be a dict, not {name}")));
        }
    };
    let locals = match pos.get(2).or(args.keyword("locals")) {
        None | Some(Value::None) => None,
        Some(Value::Dict(d)) => Some(d.clone()),
        Some(_) => return Err(ts.type_error("locals must be a mapping")),
    };
    Ok(match (globals, locals) {
        (Some(g), Some(l)) => (g, l),
        (Some(g), None) => (g.clone(), g),
        (None, l) => {
            let g = current_globals(ts);
            let l = l.unwrap_or_else(|| current_locals(ts));
            (g, l)
        }
    })
}

fn run_text(ts: &mut ThreadState, args: Args<'_>, mode: Mode, fname: &str) -> PyResult<Value> {
    let Some(source) = args.positional().first() else {
        return Err(ts.type_error(format!("{fname} expected at least 1 argument, got 0")));
    };
    let (globals, locals) = namespaces(ts, &args, fname)?;
    let builtins_key = ts.intern("__builtins__");
    if globals.get_str(&builtins_key).is_none() {
        globals.set_str(builtins_key, Value::Dict(ts.objs.builtins.clone()));
    }
    match source {
        Value::Str(s) => {
            let text = s.as_str().to_string();
            let text = if mode == Mode::Eval { text.trim_start_matches([' ', '\t']).to_string() } else { text };
            crate::vm::run::run_source_in(ts, &text, "<string>", mode, &globals, Some(locals))
        }
        Value::Code(code) => crate::vm::eval::run_code(ts, code.clone(), globals, Some(locals), Box::default()),
        other => {
            let name = ts.type_of(other).name.clone();
            Err(ts.type_error(format!("{fname}() arg 1 must be a string, bytes or code object, not {name}")))
        }
    }
}

fn exec(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    run_text(ts, args, Mode::File, "exec")?;
    Ok(Value::None)
}

fn eval(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    run_text(ts, args, Mode::Eval, "eval")
}

/// `compile(source, filename, mode)`: a code object for `exec` or `eval`.
fn compile(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    let get = |i: usize, name: &str| pos.get(i).or(args.keyword(name)).cloned();
    let (Some(Value::Str(source)), Some(Value::Str(filename)), Some(Value::Str(mode))) =
        (get(0, "source"), get(1, "filename"), get(2, "mode"))
    else {
        return Err(ts.type_error("compile() expects source, filename and mode strings"));
    };
    let mode = match mode.as_str() {
        "exec" => Mode::File,
        "eval" => Mode::Eval,
        "single" => Mode::Interactive,
        _ => return Err(ts.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    match crate::vm::run::compile(source.as_str(), filename.as_str(), mode) {
        Ok(code) => Ok(Value::Code(crate::objects::CodeObject::load(ts, code))),
        Err(e) => Err(crate::vm::run::syntax_error_exception(ts, &e)),
    }
}

fn getattr(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    match args.positional() {
        [obj, name] => {
            let name = arg_str(ts, name, "attribute name")?.clone();
            ts.get_attr(obj, &name)
        }
        [obj, name, default] => {
            let name = arg_str(ts, name, "attribute name")?.clone();
            Ok(ts.get_attr_opt(obj, &name)?.unwrap_or_else(|| default.clone()))
        }
        other => Err(ts.type_error(format!("getattr expected 2 or 3 arguments, got {}", other.len()))),
    }
}

fn setattr(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    match args.positional() {
        [obj, name, value] => {
            let name = arg_str(ts, name, "attribute name")?.clone();
            ts.set_attr(obj, &name, value.clone())?;
            Ok(Value::None)
        }
        other => Err(ts.type_error(format!("setattr expected 3 arguments, got {}", other.len()))),
    }
}

fn hasattr(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    match args.positional() {
        [obj, name] => {
            let name = arg_str(ts, name, "attribute name")?.clone();
            Ok(Value::Bool(ts.get_attr_opt(obj, &name)?.is_some()))
        }
        other => Err(ts.type_error(format!("hasattr expected 2 arguments, got {}", other.len()))),
    }
}

fn delattr(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    match args.positional() {
        [obj, name] => {
            let name = arg_str(ts, name, "attribute name")?.clone();
            ts.del_attr(obj, &name)?;
            Ok(Value::None)
        }
        other => Err(ts.type_error(format!("delattr expected 2 arguments, got {}", other.len()))),
    }
}

/// `cls` (a class or a tuple of classes, nested) contains a supertype of `t`.
fn matches_class(ts: &mut ThreadState, t: &PyType, cls: &Value, fname: &str) -> PyResult<bool> {
    match cls {
        Value::Type(c) => Ok(t.is_subtype(c)),
        Value::Tuple(items) => {
            for item in items.items.iter() {
                if matches_class(ts, t, item, fname)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(ts.type_error(format!("{fname}() arg 2 must be a type, a tuple of types, or a union"))),
    }
}

fn isinstance(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    match args.positional() {
        [obj, cls] => {
            let t = ts.type_of(obj);
            matches_class(ts, &t, cls, "isinstance").map(Value::Bool)
        }
        other => Err(ts.type_error(format!("isinstance expected 2 arguments, got {}", other.len()))),
    }
}

fn issubclass(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    match args.positional() {
        [Value::Type(t), cls] => {
            let t = t.clone();
            matches_class(ts, &t, cls, "issubclass").map(Value::Bool)
        }
        [_, _] => Err(ts.type_error("issubclass() arg 1 must be a class")),
        other => Err(ts.type_error(format!("issubclass expected 2 arguments, got {}", other.len()))),
    }
}

fn callable(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let [v] = args.positional() else { return Err(ts.type_error("callable() takes exactly one argument")) };
    let yes = match v {
        Value::Function(_) | Value::NativeFunction(_) | Value::BoundMethod(_) | Value::Type(_) | Value::StaticMethod(_) => true,
        other => ts.lookup_special(other, "__call__").is_some(),
    };
    Ok(Value::Bool(yes))
}

fn dir(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let mut names: Vec<String> = Vec::new();
    let mut add_dict = |d: &PyDict| {
        for (k, _) in d.items() {
            if let Value::Str(s) = k {
                names.push(s.as_str().to_string());
            }
        }
    };
    match args.positional().first() {
        None => add_dict(&current_locals(ts)),
        Some(Value::Module(m)) => add_dict(&m.dict),
        Some(Value::Type(t)) => t.mro_iter().for_each(|c| add_dict(&c.dict)),
        Some(obj) => {
            if let Value::Instance(i) = obj {
                add_dict(i.dict());
            }
            ts.type_of(obj).mro_iter().for_each(|c| add_dict(&c.dict));
        }
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.iter().map(|n| Value::str(n)).collect()))
}

fn vars(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    match args.positional().first() {
        None => Ok(Value::Dict(current_locals(ts))),
        Some(obj) => {
            let key = ts.intern("__dict__");
            match ts.get_attr_opt(obj, &key)? {
                Some(d) => Ok(d),
                None => Err(ts.type_error("vars() argument must have __dict__ attribute")),
            }
        }
    }
}
