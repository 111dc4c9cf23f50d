//! The `_interpreters` module: creating interpreters, each with its own GIL,
//! and running code in them (the native half of `concurrent.interpreters`).
//!
//! A thread runs code in another interpreter by releasing its own GIL
//! (`BlockingKind::Interpreter`), attaching a second thread state to the
//! target on the same OS thread (taking the target's GIL), running, and
//! detaching again. So a thread holds at most one GIL at any moment and two
//! threads running in two interpreters run in parallel. Only `Shareable`
//! copies and plain strings go in and come out (see `vm::shareable`).
//!
//! A function is sent by reference — module name and qualified name — and
//! looked up in the target, which imports the module there. Functions of the
//! main script (`__main__`) are found by running the main script's file in
//! the target's `__main__` under the name `__mp_main__`, as multiprocessing's
//! spawn does, so an `if __name__ == '__main__':` block does not run again.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use parking_lot::Mutex;

use crate::objects::dict::DictTable;
use crate::objects::{Args, Gc, PyErr, PyModule, PyResult, PyStr, PyType, Value};
use crate::vm::gil_stats::BlockingKind;
use crate::vm::import::import_module;
use crate::vm::runtime::Runtime;
use crate::vm::shareable::{from_shareable, to_shareable, Shareable};
use crate::vm::{run, InterpreterState, ThreadState};

/// Native stack used between the caller's last check and the attach to
/// another interpreter (a few frames; the guard's own margin comes on top).
const STACK_MARGIN: usize = 8 << 10;

/// The file name of source passed to `Interpreter.exec`, as in CPython.
const EXEC_FILENAME: &str = "<string>";

/// An interpreter created by `_interpreters.create`.
struct Owned {
    state: Arc<InterpreterState>,
    /// Set while some thread runs `exec` or `call` in it: at most one at a time.
    running: AtomicBool,
    /// The main script's file, from which `__mp_main__` is loaded.
    main_file: Option<String>,
    /// Set while the main script is being loaded into it as `__mp_main__`.
    bootstrapping: AtomicBool,
}

/// Every interpreter this module created and has not destroyed.
static OWNED: Mutex<Vec<Arc<Owned>>> = Mutex::new(Vec::new());

const EXCEPTIONS: &str = r#"
class InterpreterError(Exception):
    """A cross-interpreter operation failed."""

class InterpreterNotFoundError(InterpreterError):
    """An interpreter was not found."""

class NotShareableError(TypeError):
    """An object cannot be sent to another interpreter."""
"#;

pub fn init(ts: &mut ThreadState) -> PyResult<Gc<PyModule>> {
    let module = PyModule::new(ts, "_interpreters");
    run::compile_and_run(ts, EXCEPTIONS, "<frozen _interpreters>", &module.dict)?;
    module.add_fn(ts, "create", create);
    module.add_fn(ts, "destroy", destroy);
    module.add_fn(ts, "list_all", list_all);
    module.add_fn(ts, "get_current", get_current);
    module.add_fn(ts, "get_main", get_main);
    module.add_fn(ts, "is_running", is_running);
    module.add_fn(ts, "exec", exec);
    module.add_fn(ts, "call", call);
    module.add_fn(ts, "set___main___attrs", set_main_attrs);
    module.add_fn(ts, "is_shareable", is_shareable);
    Ok(module)
}

/// Exception class `name` of this interpreter's `_interpreters` module.
pub fn error_class(ts: &mut ThreadState, name: &str) -> Option<Gc<PyType>> {
    let Ok(Value::Module(module)) = import_module(ts, "_interpreters") else { return None };
    match module.dict.get_str(&ts.intern(name)) {
        Some(Value::Type(class)) => Some(class),
        _ => None,
    }
}

fn error(ts: &mut ThreadState, name: &str, message: String) -> PyErr {
    match error_class(ts, name) {
        Some(class) => ts.new_error(&class, message),
        None => ts.runtime_error(message),
    }
}

/// Why an interpreter id cannot be used.
enum Refusal {
    NotFound(i64),
    NotOwned,
    Running,
    Current,
}

fn refuse(ts: &mut ThreadState, refusal: Refusal) -> PyErr {
    match refusal {
        Refusal::NotFound(id) => error(ts, "InterpreterNotFoundError", format!("unrecognized interpreter ID {id}")),
        Refusal::NotOwned => error(ts, "InterpreterError", "op not supported for this interpreter".into()),
        Refusal::Running => error(ts, "InterpreterError", "interpreter running".into()),
        Refusal::Current => error(ts, "InterpreterError", "cannot destroy the current interpreter".into()),
    }
}

fn exists(id: i64) -> bool {
    Runtime::get().interpreters.lock().iter().any(|i| i.id as i64 == id)
}

/// The owned interpreter `id`, or why there is none.
fn lookup(owned: &[Arc<Owned>], id: i64) -> Result<(usize, Arc<Owned>), Refusal> {
    match owned.iter().position(|o| o.state.id as i64 == id) {
        Some(pos) => Ok((pos, owned[pos].clone())),
        None if exists(id) => Err(Refusal::NotOwned),
        None => Err(Refusal::NotFound(id)),
    }
}

fn id_arg(ts: &mut ThreadState, args: &Args<'_>) -> PyResult<i64> {
    match args.positional().first() {
        Some(Value::Int(id)) => Ok(*id),
        Some(other) => {
            let name = ts.type_of(other).name.clone();
            Err(ts.type_error(format!("interpreter ID must be an int, got {name}")))
        }
        None => Err(ts.type_error("missing the interpreter ID")),
    }
}

/// Refused while the main script is still loading as `__mp_main__`: that
/// script, lacking the `if __name__ == '__main__':` guard, would create and
/// call into interpreters again, each loading it once more, without end
/// (multiprocessing's spawn refuses the same way).
const BOOTSTRAPPING: &str = "An attempt has been made to start a new interpreter before the \
current interpreter has finished its bootstrapping phase: the main script, run again as \
'__mp_main__' to find a function sent to this interpreter, creates or calls into interpreters \
at module level. Use the `if __name__ == '__main__':` idiom in the main script";

fn check_bootstrapped(ts: &mut ThreadState) -> PyResult<()> {
    let id = ts.interp.id;
    let bootstrapping = OWNED.lock().iter().any(|o| o.state.id == id && o.bootstrapping.load(Ordering::Acquire));
    match bootstrapping {
        true => Err(ts.runtime_error(BOOTSTRAPPING)),
        false => Ok(()),
    }
}

/// Marks this interpreter as bootstrapping while the guard lives.
struct Bootstrapping(Option<Arc<Owned>>);

impl Bootstrapping {
    fn start(ts: &ThreadState) -> Bootstrapping {
        let id = ts.interp.id;
        let entry = OWNED.lock().iter().find(|o| o.state.id == id).cloned();
        if let Some(entry) = &entry {
            entry.bootstrapping.store(true, Ordering::Release);
        }
        Bootstrapping(entry)
    }
}

impl Drop for Bootstrapping {
    fn drop(&mut self) {
        if let Some(entry) = &self.0 {
            entry.bootstrapping.store(false, Ordering::Release);
        }
    }
}

/// Marks an owned interpreter as running while the guard lives.
struct Running(Arc<Owned>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.running.store(false, Ordering::Release);
    }
}

fn start_running(ts: &mut ThreadState, id: i64) -> PyResult<Running> {
    check_bootstrapped(ts)?;
    let outcome = {
        let owned = OWNED.lock();
        lookup(&owned, id).and_then(|(_, entry)| {
            match entry.running.compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed) {
                Ok(_) => Ok(Running(entry)),
                Err(_) => Err(Refusal::Running),
            }
        })
    };
    outcome.map_err(|refusal| match refusal {
        Refusal::Running => error(ts, "InterpreterError", "interpreter already running".into()),
        other => refuse(ts, other),
    })
}

/// Runs `f` in interpreter `target` on this OS thread: releases the caller's
/// GIL, attaches to `target` (taking its GIL), runs, detaches. The thread
/// state attached for the call is folded into the target's one stats row of
/// such calls, so that its list of finished threads does not grow per call.
fn enter<R: Send>(ts: &mut ThreadState, target: Arc<InterpreterState>, f: impl FnOnce(&mut ThreadState) -> R + Send) -> R {
    let stack = ts.stack_remaining().saturating_sub(STACK_MARGIN);
    ts.allow_threads_as(BlockingKind::Interpreter, move || {
        let mut inner = ThreadState::attach_with_stack(target.clone(), stack, None);
        let info = inner.info.clone();
        let result = f(&mut inner);
        drop(inner);
        target.fold_finished_thread(&info);
        result
    })
}

/// What an exception raised inside another interpreter looked like.
struct ExcInfo {
    type_name: String,
    qualname: String,
    module: String,
    msg: String,
    errdisplay: String,
    /// The exception's arguments, when they are shareable (so that a caller
    /// can rebuild an exception of a class it knows).
    args: Option<Shareable>,
}

impl ExcInfo {
    /// "Type: message", or "Type" when the message is empty.
    fn formatted(&self) -> String {
        if self.msg.is_empty() {
            self.type_name.clone()
        } else {
            format!("{}: {}", self.type_name, self.msg)
        }
    }
}

fn capture(ts: &mut ThreadState, err: &PyErr) -> ExcInfo {
    let class = err.exc.class();
    let module = match class.dict.get_str(&ts.intern("__module__")) {
        Some(Value::Str(m)) => m.as_str().to_string(),
        _ => "builtins".to_string(),
    };
    let value = err.value();
    let msg = ts.to_str(&value).map(|s| s.as_str().to_string()).unwrap_or_default();
    let errdisplay = crate::vm::traceback::format_exception(ts, &value).trim_end().to_string();
    let exc_args = err.data().args.clone();
    let args = to_shareable(ts, &exc_args).ok();
    ExcInfo { type_name: class.name.clone(), qualname: class.qualname.clone(), module, msg, errdisplay, args }
}

/// The excinfo tuple `concurrent.interpreters` turns into `ExecutionFailed`:
/// `(name, qualname, module, msg, formatted, errdisplay, args or None)`.
fn excinfo_value(ts: &mut ThreadState, info: ExcInfo) -> PyResult<Value> {
    let formatted = info.formatted();
    let args = match &info.args {
        Some(a) => from_shareable(ts, a)?,
        None => Value::None,
    };
    Ok(Value::tuple(vec![
        Value::str(&info.type_name),
        Value::str(&info.qualname),
        Value::str(&info.module),
        Value::str(&info.msg),
        Value::str(&formatted),
        Value::str(&info.errdisplay),
        args,
    ]))
}

fn sys_attr(ts: &mut ThreadState, name: &str) -> Option<Value> {
    let Some(Value::Module(sys)) = loaded_module(ts, "sys") else { return None };
    sys.dict.get_str(&ts.intern(name))
}

/// `sys.modules[name]`, if loaded.
fn loaded_module(ts: &mut ThreadState, name: &str) -> Option<Value> {
    let key = ts.intern(name);
    ts.objs.modules.get_str(&key)
}

fn main_module(ts: &mut ThreadState) -> Option<Gc<PyModule>> {
    match loaded_module(ts, "__main__") {
        Some(Value::Module(m)) => Some(m),
        _ => None,
    }
}

/// The main script's file as seen from the calling interpreter.
fn caller_main_file(ts: &mut ThreadState) -> Option<String> {
    let id = ts.interp.id;
    if let Some(entry) = OWNED.lock().iter().find(|o| o.state.id == id) {
        return entry.main_file.clone();
    }
    let main = main_module(ts)?;
    match main.dict.get_str(&ts.intern("__file__")) {
        Some(Value::Str(f)) => Some(f.as_str().to_string()),
        _ => None,
    }
}

/// `create()`: a new interpreter set up as the caller's, with builtins, `sys`
/// (its `path` and `argv` copied from the caller's) and an empty `__main__`;
/// returns its id.
fn create(ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    check_bootstrapped(ts)?;
    let mut inherited = Vec::new();
    for name in ["path", "argv"] {
        if let Some(v) = sys_attr(ts, name) {
            inherited.push((name, to_shareable(ts, &v)?));
        }
    }
    let main_file = caller_main_file(ts);
    // The creator's setup (module policy and sandbox, output, limits) carries
    // over, so a sandboxed script cannot escape through a new interpreter.
    let state = Runtime::get().new_interpreter_with(ts.interp.config.clone());
    let id = state.id;
    let prepared = enter(ts, state.clone(), move |sub| -> Result<(), String> {
        run::init_interpreter(sub);
        run::main_module(sub, None);
        let Some(Value::Module(sys)) = loaded_module(sub, "sys") else {
            return Err("sys is missing".into());
        };
        for (name, value) in &inherited {
            let value = from_shareable(sub, value).map_err(|_| format!("cannot copy sys.{name}"))?;
            sys.set(sub, name, value);
        }
        Ok(())
    });
    if let Err(msg) = prepared {
        Runtime::get().remove_interpreter(id);
        return Err(error(ts, "InterpreterError", format!("interpreter creation failed: {msg}")));
    }
    OWNED.lock().push(Arc::new(Owned { state, running: AtomicBool::new(false), main_file, bootstrapping: AtomicBool::new(false) }));
    Ok(Value::Int(id as i64))
}

/// `destroy(id)`: waits for the interpreter's non-daemon threads, clears its
/// modules (breaking the reference cycles through module globals) and
/// forgets it. Refused while it is running or from inside it.
fn destroy(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let id = id_arg(ts, &args)?;
    let current = ts.interp.id as i64 == id;
    let outcome = {
        let mut owned = OWNED.lock();
        match lookup(&owned, id) {
            Ok(_) if current => Err(Refusal::Current),
            Ok((_, entry)) if entry.running.load(Ordering::Acquire) => Err(Refusal::Running),
            Ok((pos, entry)) => {
                owned.remove(pos);
                Ok(entry)
            }
            Err(refusal) => Err(refusal),
        }
    };
    let entry = outcome.map_err(|refusal| refuse(ts, refusal))?;
    enter(ts, entry.state.clone(), finalize);
    Runtime::get().remove_interpreter(entry.state.id);
    Ok(Value::None)
}

/// The end of an interpreter: `threading._shutdown()` if threading was
/// imported, then every module's namespace emptied.
fn finalize(sub: &mut ThreadState) {
    if let Some(threading) = loaded_module(sub, "threading") {
        let _ = sub.call_method(&threading, "_shutdown", &[]);
    }
    let modules = sub.objs.modules.items();
    for (_, module) in &modules {
        if let Value::Module(m) = module {
            if m.name.as_str() != "builtins" {
                let table = std::mem::replace(&mut *m.dict.table.borrow_mut(), DictTable::new());
                drop(table);
            }
        }
    }
    drop(modules);
    let table = std::mem::replace(&mut *sub.objs.modules.table.borrow_mut(), DictTable::new());
    drop(table);
}

fn list_all(_ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    let ids = Runtime::get().interpreters.lock().iter().map(|i| Value::Int(i.id as i64)).collect();
    Ok(Value::list(ids))
}

fn get_current(ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(ts.interp.id as i64))
}

fn get_main(ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    match Runtime::get().main_interpreter() {
        Some(main) => Ok(Value::Int(main.id as i64)),
        None => Err(ts.runtime_error("no main interpreter")),
    }
}

/// `is_running(id)`: whether `exec` or `call` is under way in it (the main
/// interpreter always runs its main script).
fn is_running(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let id = id_arg(ts, &args)?;
    let outcome = lookup(&OWNED.lock(), id).map(|(_, entry)| entry.running.load(Ordering::Acquire));
    match outcome {
        Ok(running) => Ok(Value::Bool(running)),
        Err(Refusal::NotOwned) => Ok(Value::Bool(true)),
        Err(refusal) => Err(refuse(ts, refusal)),
    }
}

fn is_shareable(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let obj = args.positional().first().cloned().unwrap_or(Value::None);
    Ok(Value::Bool(to_shareable(ts, &obj).is_ok()))
}

/// `exec(id, source)`: runs `source` in the interpreter's `__main__`; returns
/// None, or the excinfo tuple of the exception that escaped.
fn exec(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let id = id_arg(ts, &args)?;
    let source = match args.positional().get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => return Err(ts.type_error("exec() expects the code to run as a string")),
    };
    let running = start_running(ts, id)?;
    let outcome = enter(ts, running.0.state.clone(), move |sub| run_source(sub, &source));
    drop(running);
    match outcome {
        Ok(()) => Ok(Value::None),
        Err(info) => excinfo_value(ts, info),
    }
}

fn run_source(sub: &mut ThreadState, source: &str) -> Result<(), ExcInfo> {
    let result = match main_module(sub) {
        Some(main) => run::compile_and_run(sub, source, EXEC_FILENAME, &main.dict).map(drop),
        None => Err(sub.runtime_error("__main__ is missing")),
    };
    result.map_err(|err| capture(sub, &err))
}

/// `set___main___attrs(id, ns)`: binds shareable copies of `ns`'s items in
/// the interpreter's `__main__`.
fn set_main_attrs(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let id = id_arg(ts, &args)?;
    let Some(Value::Dict(ns)) = args.positional().get(1) else {
        return Err(ts.type_error("expected a dict of names to bind"));
    };
    let mut bindings = Vec::new();
    for (name, value) in ns.items() {
        let Value::Str(name) = name else { return Err(ts.type_error("names to bind must be strings")) };
        bindings.push((name.as_str().to_string(), to_shareable(ts, &value)?));
    }
    let outcome = lookup(&OWNED.lock(), id).map(|(_, entry)| entry);
    let entry = outcome.map_err(|refusal| refuse(ts, refusal))?;
    let bound = enter(ts, entry.state.clone(), move |sub| -> Result<(), String> {
        let Some(main) = main_module(sub) else { return Err("__main__ is missing".into()) };
        for (name, value) in &bindings {
            match from_shareable(sub, value) {
                Ok(value) => main.set(sub, name, value),
                Err(err) => return Err(capture(sub, &err).formatted()),
            }
        }
        Ok(())
    });
    match bound {
        Ok(()) => Ok(Value::None),
        Err(why) => Err(error(ts, "InterpreterError", format!("cannot bind names in __main__: {why}"))),
    }
}

/// A function sent by reference and its shareable arguments.
struct CallRequest {
    module: String,
    qualname: String,
    main_file: Option<String>,
    args: Vec<Shareable>,
    kwargs: Vec<(String, Shareable)>,
}

/// Why a call in another interpreter produced no value.
enum CallFailure {
    Raised(ExcInfo),
    /// The result could not be sent back; the message of `NotShareableError`.
    ResultNotShareable(String),
}

/// `call(id, module, qualname, args, kwargs)`: calls the function found by
/// name in the interpreter; returns `(result, None)` or `(None, excinfo)`.
fn call(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let id = id_arg(ts, &args)?;
    let request = call_request(ts, args.positional())?;
    let running = start_running(ts, id)?;
    let outcome = enter(ts, running.0.state.clone(), move |sub| run_call(sub, request));
    drop(running);
    match outcome {
        Ok(result) => Ok(Value::tuple(vec![from_shareable(ts, &result)?, Value::None])),
        Err(CallFailure::Raised(info)) => Ok(Value::tuple(vec![Value::None, excinfo_value(ts, info)?])),
        Err(CallFailure::ResultNotShareable(msg)) => Err(error(ts, "NotShareableError", msg)),
    }
}

fn call_request(ts: &mut ThreadState, positional: &[Value]) -> PyResult<CallRequest> {
    let [_, Value::Str(module), Value::Str(qualname), Value::Tuple(call_args), Value::Dict(kwargs)] = positional else {
        return Err(ts.type_error("call(id, module, qualname, args, kwargs) expected"));
    };
    let mut shared_kwargs = Vec::new();
    for (name, value) in kwargs.items() {
        let Value::Str(name) = name else { return Err(ts.type_error("keywords must be strings")) };
        shared_kwargs.push((name.as_str().to_string(), to_shareable(ts, &value)?));
    }
    let mut shared_args = Vec::new();
    for value in call_args.items.iter() {
        shared_args.push(to_shareable(ts, value)?);
    }
    Ok(CallRequest {
        module: module.as_str().to_string(),
        qualname: qualname.as_str().to_string(),
        main_file: caller_main_file(ts),
        args: shared_args,
        kwargs: shared_kwargs,
    })
}

fn run_call(sub: &mut ThreadState, request: CallRequest) -> Result<Shareable, CallFailure> {
    let result = match call_by_name(sub, &request) {
        Ok(value) => value,
        Err(err) => return Err(CallFailure::Raised(capture(sub, &err))),
    };
    to_shareable(sub, &result).map_err(|err| {
        let msg = sub.to_str(&err.value()).map(|s| s.as_str().to_string()).unwrap_or_default();
        CallFailure::ResultNotShareable(msg)
    })
}

fn call_by_name(sub: &mut ThreadState, request: &CallRequest) -> PyResult<Value> {
    let func = resolve(sub, &request.module, &request.qualname, request.main_file.as_deref())?;
    let mut values = Vec::with_capacity(request.args.len() + request.kwargs.len());
    for arg in &request.args {
        values.push(from_shareable(sub, arg)?);
    }
    let mut kwnames: Vec<Gc<PyStr>> = Vec::with_capacity(request.kwargs.len());
    for (name, value) in &request.kwargs {
        kwnames.push(sub.intern(name));
        values.push(from_shareable(sub, value)?);
    }
    sub.call(&func, Args { values: &values, kwnames: &kwnames })
}

/// The object `module.qualname` in this interpreter.
fn resolve(sub: &mut ThreadState, module: &str, qualname: &str, main_file: Option<&str>) -> PyResult<Value> {
    let mut parts = qualname.split('.');
    let first = parts.next().unwrap_or_default();
    let mut obj = if module == "__main__" || module == "__mp_main__" {
        main_attr(sub, first, main_file)?
    } else {
        let m = import_module(sub, module)?;
        let key = sub.intern(first);
        sub.get_attr(&m, &key)?
    };
    for part in parts {
        let key = sub.intern(part);
        obj = sub.get_attr(&obj, &key)?;
    }
    Ok(obj)
}

/// `name` from this interpreter's `__main__`, after loading the main script
/// into it if it is not loaded yet.
fn main_attr(sub: &mut ThreadState, name: &str, main_file: Option<&str>) -> PyResult<Value> {
    let key = sub.intern(name);
    let Some(main) = main_module(sub) else { return Err(sub.runtime_error("__main__ is missing")) };
    if main.dict.get_str(&key).is_none() && loaded_module(sub, "__mp_main__").is_none() {
        if let Some(file) = main_file {
            load_main_script(sub, &main, file)?;
        }
    }
    match main.dict.get_str(&key) {
        Some(found) => Ok(found),
        None => Err(sub.attribute_error(format!("module '__main__' has no attribute '{name}'"))),
    }
}

/// Runs the main script's file in this interpreter's `__main__` namespace
/// with `__name__` set to `__mp_main__` (so its `if __name__ == '__main__':`
/// block is skipped), and registers the module under both names, as
/// multiprocessing's spawn does. Its functions thus see what `prepare_main`
/// and `exec` put in `__main__`.
fn load_main_script(sub: &mut ThreadState, main: &Gc<PyModule>, file: &str) -> PyResult<()> {
    let source = match std::fs::read_to_string(file) {
        Ok(source) => source,
        Err(e) => return Err(sub.import_error(format!("cannot load the main script {file}: {}", run::os_error_text(&e)))),
    };
    let mp_main = sub.intern("__mp_main__");
    main.set(sub, "__name__", Value::Str(mp_main.clone()));
    main.set(sub, "__file__", Value::str(file));
    sub.objs.modules.set_str(mp_main.clone(), Value::Module(main.clone()));
    let bootstrapping = Bootstrapping::start(sub);
    let result = run::compile_and_run(sub, &source, file, &main.dict);
    drop(bootstrapping);
    main.set(sub, "__name__", Value::str("__main__"));
    if result.is_err() {
        sub.objs.modules.del_str(&mp_main);
    }
    result.map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::interpreter::FOLDED_ROW;

    #[test]
    fn many_calls_keep_one_stats_row() {
        let mut ts = ThreadState::attach(InterpreterState::new(930));
        let target = InterpreterState::new(931);
        for _ in 0..200 {
            enter(&mut ts, target.clone(), |_| ());
        }
        assert_eq!(target.finished_thread_count(), 0);
        let rows = target.thread_stats();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].name, FOLDED_ROW);
        assert!(rows[0].stats.acquisitions >= 200);
    }
}
