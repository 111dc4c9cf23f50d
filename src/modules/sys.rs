//! The `sys` module.

use std::time::Duration;

use crate::objects::{Args, Gc, PyModule, PyResult, Value};
use crate::vm::ThreadState;

pub fn init(ts: &mut ThreadState) -> PyResult<Gc<PyModule>> {
    let m = PyModule::new(ts, "sys");
    m.set(ts, "argv", Value::list(vec![Value::str("")]));
    m.set(ts, "path", Value::list(vec![Value::str("")]));
    m.set(ts, "modules", Value::Dict(ts.objs.modules.clone()));
    m.set(ts, "maxsize", Value::Int(i64::MAX));
    m.set(ts, "version", Value::str(&format!("3.11.7 (gilvm {})", env!("CARGO_PKG_VERSION"))));
    let version_info = Value::tuple(vec![
        Value::Int(3),
        Value::Int(11),
        Value::Int(7),
        Value::str("final"),
        Value::Int(0),
    ]);
    m.set(ts, "version_info", version_info);
    m.set(ts, "hexversion", Value::Int(0x030b07f0));
    m.set(ts, "platform", Value::str(std::env::consts::OS));
    m.set(ts, "byteorder", Value::str(if cfg!(target_endian = "little") { "little" } else { "big" }));
    let exe = std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    m.set(ts, "executable", Value::str(&exe));
    m.set(ts, "implementation_name", Value::str("gilvm"));
    m.set(ts, "builtin_module_names", Value::tuple(["sys", "_thread", "time", "math", "os"].iter().map(|n| Value::str(n)).collect()));
    let (stdin, stdout, stderr) = crate::builtins::io::std_streams(ts);
    for (name, stream) in [("stdin", stdin), ("stdout", stdout), ("stderr", stderr)] {
        m.set(ts, name, stream.clone());
        m.set(ts, &format!("__{name}__"), stream);
    }
    m.add_fn(ts, "exit", sys_exit);
    m.add_fn(ts, "getrecursionlimit", getrecursionlimit);
    m.add_fn(ts, "setrecursionlimit", setrecursionlimit);
    m.add_fn(ts, "exc_info", exc_info);
    m.add_fn(ts, "exception", exception);
    m.add_fn(ts, "excepthook", excepthook);
    m.add_fn(ts, "getswitchinterval", getswitchinterval);
    m.add_fn(ts, "setswitchinterval", setswitchinterval);
    m.add_fn(ts, "intern", intern);
    m.add_fn(ts, "getdefaultencoding", getdefaultencoding);
    m.add_fn(ts, "_getframe", getframe);
    let hook = m.dict.get_str(&ts.intern("excepthook")).unwrap_or(Value::None);
    m.set(ts, "__excepthook__", hook);
    Ok(m)
}

fn sys_exit(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let cls = ts.types().system_exit.clone();
    Err(ts.new_exception(&cls, args.positional().iter().take(1).cloned().collect()))
}

fn getrecursionlimit(ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(ts.interp.recursion_limit() as i64))
}

fn setrecursionlimit(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let n = match args.positional() {
        [Value::Int(n)] => *n,
        [other] => {
            let name = ts.type_of(other).name.clone();
            return Err(ts.type_error(format!("'{name}' object cannot be interpreted as an integer")));
        }
        _ => return Err(ts.type_error("setrecursionlimit() takes exactly one argument")),
    };
    if n < 1 {
        return Err(ts.value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = ts.exec.depth() as i64;
    if n <= depth {
        return Err(ts.recursion_error(format!(
            "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"
        )));
    }
    ts.interp.set_recursion_limit(n.min(u32::MAX as i64) as u32);
    Ok(Value::None)
}

fn exc_info(ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    let exc = ts.exec.exc_info.clone();
    if exc.is_none() {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    }
    let ty = Value::Type(ts.type_of(&exc));
    let tb = crate::vm::traceback::traceback_value(ts, &exc);
    Ok(Value::tuple(vec![ty, exc, tb]))
}

fn exception(ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(ts.exec.exc_info.clone())
}

fn excepthook(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    match args.positional() {
        [_, value, _] => {
            crate::vm::traceback::print_exception(ts, value);
            Ok(Value::None)
        }
        _ => Err(ts.type_error("excepthook expected 3 arguments")),
    }
}

fn getswitchinterval(ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(ts.interp.switch_interval().as_secs_f64()))
}

fn setswitchinterval(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let secs = match args.positional() {
        [Value::Float(f)] => *f,
        [Value::Int(i)] => *i as f64,
        _ => return Err(ts.type_error("setswitchinterval() takes a number")),
    };
    if !(secs > 0.0) || !secs.is_finite() {
        return Err(ts.value_error("switch interval must be strictly positive"));
    }
    ts.interp.set_switch_interval(Duration::from_secs_f64(secs));
    Ok(Value::None)
}

fn intern(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    match args.positional() {
        [Value::Str(s)] => Ok(Value::Str(ts.intern(s.as_str()))),
        _ => Err(ts.type_error("intern() argument must be str")),
    }
}

fn getdefaultencoding(_ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::str("utf-8"))
}

/// `sys._getframe(depth=0)`: a snapshot of the calling frame (`f_code`,
/// `f_lineno`, `f_globals`, `f_back`, ...), for `logging` and friends.
fn getframe(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let depth = match args.positional().first() {
        Some(Value::Int(d)) if *d >= 0 => *d as usize,
        Some(Value::Int(_)) | None => 0,
        Some(_) => return Err(ts.type_error("an integer is required")),
    };
    let count = ts.exec.frames.len();
    if depth >= count {
        return Err(ts.value_error("call stack is not deep enough"));
    }
    let object = ts.types().object.clone();
    let class = crate::objects::types::new_type("frame", &[object], crate::objects::Layout::Builtin, true);
    let mut back = Value::None;
    for i in 0..count - depth {
        let frame = &ts.exec.frames[i];
        let (code, globals) = (frame.code().clone(), frame.globals().clone());
        let line = code.code.line_of(frame.pc.saturating_sub(1));
        let locals = frame.locals.clone().map_or(Value::None, Value::Dict);
        let dict = Gc::new(crate::objects::PyDict::new());
        for (k, v) in [
            ("f_code", Value::Code(code)),
            ("f_lineno", Value::Int(line as i64)),
            ("f_globals", Value::Dict(globals)),
            ("f_locals", locals),
            ("f_back", back),
        ] {
            let key = ts.intern(k);
            dict.set_str(key, v);
        }
        back = Value::Native(Gc::new(crate::objects::NativeObject { class: class.clone(), data: Box::new(()), dict: Some(dict) }));
    }
    Ok(back)
}
