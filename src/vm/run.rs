//! Running programs: creating the main interpreter, running a file or source
//! string as `__main__`, reporting uncaught exceptions and choosing the exit
//! code, and the orderly end of a run. Used by the CLI, the tests and the
//! embedding API.

use std::sync::Arc;

use super::eval::run_code;
use super::runtime::Runtime;
use super::ThreadState;
use crate::bytecode::Code;
use crate::frontend::{Mode, SyntaxError, SyntaxErrorKind};
use crate::objects::{CodeObject, Gc, PyDict, PyErr, PyModule, PyResult, Value};

/// Parses and compiles `source`.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<Arc<Code>, SyntaxError> {
    let module = crate::frontend::parse(source, filename, mode)?;
    crate::compiler::compile(&module, source, filename, mode)
}

/// A `SyntaxError` exception (with `msg`, `filename`, `lineno`, `offset`, `text`).
pub fn syntax_error_exception(ts: &mut ThreadState, err: &SyntaxError) -> PyErr {
    if err.kind == SyntaxErrorKind::RecursionError {
        let cls = ts.types().recursion_error.clone();
        return ts.new_exception(&cls, vec![Value::str(&err.message)]);
    }
    let t = ts.types();
    let cls = match err.kind {
        SyntaxErrorKind::SyntaxError | SyntaxErrorKind::RecursionError => t.syntax_error.clone(),
        SyntaxErrorKind::IndentationError => t.indentation_error.clone(),
        SyntaxErrorKind::TabError => t.tab_error.clone(),
    };
    let details = Value::tuple(vec![
        Value::str(&err.filename),
        Value::Int(err.line as i64),
        Value::Int(err.offset as i64),
        Value::str(&err.text),
    ]);
    let exc = ts.new_exception(&cls, vec![Value::str(&err.message), details]);
    for (k, v) in [
        ("msg", Value::str(&err.message)),
        ("filename", Value::str(&err.filename)),
        ("lineno", Value::Int(err.line as i64)),
        ("offset", Value::Int(err.offset as i64)),
        ("text", Value::str(&err.text)),
    ] {
        let key = ts.intern(k);
        exc.exc.dict().set_str(key, v);
    }
    exc
}

/// Compiles `source` (a module) and runs it with `globals` as its namespace.
pub fn compile_and_run(ts: &mut ThreadState, source: &str, filename: &str, globals: &Gc<PyDict>) -> PyResult<Value> {
    run_source_in(ts, source, filename, Mode::File, globals, Some(globals.clone()))
}

/// Compiles `source` in `mode` and runs it with the given namespaces.
pub fn run_source_in(
    ts: &mut ThreadState,
    source: &str,
    filename: &str,
    mode: Mode,
    globals: &Gc<PyDict>,
    locals: Option<Gc<PyDict>>,
) -> PyResult<Value> {
    let code = match compile(source, filename, mode) {
        Ok(code) => code,
        Err(e) => return Err(syntax_error_exception(ts, &e)),
    };
    let code = CodeObject::load(ts, code);
    run_code(ts, code, globals.clone(), locals, Box::default())
}

/// Native stack of the thread the CLI runs scripts on: deep enough that the
/// recursion limit, not the native stack, bounds ordinary deep recursion
/// (nested `yield from`, `__repr__` chains). Only touched pages use memory.
pub const MAIN_STACK_SIZE: usize = 256 << 20;

/// A new interpreter with the current thread attached, builtins and `sys` installed.
pub fn new_interpreter() -> ThreadState {
    new_interpreter_on_stack(super::thread_state::DEFAULT_STACK_SIZE)
}

/// As `new_interpreter`, for a thread whose native stack is `stack_size` bytes.
pub fn new_interpreter_on_stack(stack_size: usize) -> ThreadState {
    let interp = Runtime::get().new_interpreter();
    let mut ts = ThreadState::attach_with_stack(interp, stack_size, None);
    init_interpreter(&mut ts);
    ts
}

/// Runs `f` on the process's main thread over a fresh `MAIN_STACK_SIZE` stack
/// (mapped, only touched pages use memory) and returns its result: the CLI's
/// way to get a large native stack for the interpreter's main thread. Staying
/// on the main thread keeps the process single-threaded until a script starts
/// a thread, so glibc's malloc keeps its single-thread fast paths (no locked
/// instructions, the main arena) — a spawned interpreter thread cost
/// string_workload about a tenth of its time.
pub fn with_main_stack<F: FnOnce() -> i32>(f: F) -> i32 {
    stacker::grow(MAIN_STACK_SIZE, f)
}

/// Fills a fresh interpreter: `builtins`, `sys`, `sys.modules['builtins']`.
pub fn init_interpreter(ts: &mut ThreadState) {
    crate::builtins::install(ts);
    let builtins = Gc::new(PyModule { name: ts.intern("builtins"), dict: ts.objs.builtins.clone() });
    let name_key = ts.intern("__name__");
    ts.objs.builtins.set_str(name_key, Value::str("builtins"));
    let key = ts.intern("builtins");
    ts.objs.modules.set_str(key, Value::Module(builtins));
    if let Ok(sys) = crate::modules::sys::init(ts) {
        let key = ts.intern("sys");
        ts.objs.modules.set_str(key, Value::Module(sys));
    }
    if ts.interp.config.modules.sandbox {
        // No file system from a sandbox: `open` and `input` are absent, as if never defined.
        for name in ["open", "input"] {
            let key = ts.intern(name);
            ts.objs.builtins.del_str(&key);
        }
    }
}

/// Sets `sys.argv` and, for a script, `sys.path[0]` (its directory).
pub fn set_argv(ts: &mut ThreadState, argv: &[String], script_dir: Option<&str>) {
    let Some(sys) = sys_module(ts) else { return };
    let argv_value = Value::list(argv.iter().map(|a| Value::str(a)).collect());
    sys.set(ts, "argv", argv_value);
    let path_key = ts.intern("path");
    if let Some(Value::List(path)) = sys.dict.get_str(&path_key) {
        let first = Value::str(script_dir.unwrap_or(""));
        let mut items = path.items.borrow_mut();
        if items.is_empty() {
            items.push(first);
        } else {
            items[0] = first;
        }
    }
}

fn sys_module(ts: &mut ThreadState) -> Option<Gc<PyModule>> {
    let key = ts.intern("sys");
    match ts.objs.modules.get_str(&key) {
        Some(Value::Module(m)) => Some(m),
        _ => None,
    }
}

/// The `__main__` module, created and registered.
pub fn main_module(ts: &mut ThreadState, filename: Option<&str>) -> Gc<PyModule> {
    let module = PyModule::new(ts, "__main__");
    if let Some(f) = filename {
        module.set(ts, "__file__", Value::str(f));
    }
    module.set(ts, "__builtins__", Value::Dict(ts.objs.builtins.clone()));
    module.set(ts, "__package__", Value::None);
    module.set(ts, "__doc__", Value::None);
    let key = ts.intern("__main__");
    ts.objs.modules.set_str(key, Value::Module(module.clone()));
    module
}

/// Runs `source` as `__main__`.
pub fn run_main_source(ts: &mut ThreadState, source: &str, filename: &str) -> PyResult<()> {
    let is_file = !filename.starts_with('<');
    let module = main_module(ts, is_file.then_some(filename));
    compile_and_run(ts, source, filename, &module.dict).map(drop)
}

/// `gilvm script.py args...`: runs the script and returns the process exit code.
pub fn run_file(ts: &mut ThreadState, path: &str, args: &[String]) -> i32 {
    let source = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => {
                let bytes = e.as_bytes();
                let at = e.utf8_error().valid_up_to();
                let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
                let abs = std::fs::canonicalize(path).map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|_| path.to_string());
                let byte = bytes.get(at).copied().unwrap_or(0);
                write_stderr(ts, &format!(
                    "SyntaxError: Non-UTF-8 code starting with '\\x{byte:02x}' in file {abs} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n"
                ));
                return 1;
            }
        },
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(2);
            let reason = crate::vm::run::os_error_text(&e);
            let shown = std::env::current_dir().map(|d| d.join(path).to_string_lossy().into_owned()).unwrap_or_else(|_| path.to_string());
            eprintln!("gilvm: can't open file '{shown}': [Errno {errno}] {reason}");
            return 2;
        }
    };
    let parent = std::path::Path::new(path).parent().filter(|p| !p.as_os_str().is_empty());
    let parent = parent.unwrap_or_else(|| std::path::Path::new("."));
    let dir = std::fs::canonicalize(parent).unwrap_or_else(|_| parent.to_path_buf()).to_string_lossy().into_owned();
    let mut argv = vec![path.to_string()];
    argv.extend_from_slice(args);
    set_argv(ts, &argv, Some(&dir));
    let filename = match std::path::Path::new(path).file_name() {
        Some(name) => std::path::Path::new(&dir).join(name).to_string_lossy().into_owned(),
        None => path.to_string(),
    };
    let result = run_main_source(ts, &source, &filename);
    finish(ts, result)
}

/// `gilvm -c CODE args...` (and `gilvm -` with the source read from stdin).
pub fn run_string(ts: &mut ThreadState, source: &str, argv0: &str, filename: &str, args: &[String]) -> i32 {
    let mut argv = vec![argv0.to_string()];
    argv.extend_from_slice(args);
    set_argv(ts, &argv, None);
    let result = run_main_source(ts, source, filename);
    finish(ts, result)
}

/// `e`'s message without Rust's " (os error N)" suffix, as `strerror` prints it.
pub fn os_error_text(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Ends a run: reports an uncaught exception, waits for non-daemon threads
/// (`threading._shutdown()`), flushes the standard streams. Returns the exit code.
pub fn finish(ts: &mut ThreadState, result: PyResult<()>) -> i32 {
    let mut code = match result {
        Ok(()) => 0,
        Err(e) => handle_uncaught(ts, &e),
    };
    if let Err(e) = shutdown_threads(ts) {
        let c = handle_uncaught(ts, &e);
        if code == 0 {
            code = c;
        }
    }
    // From here on the process only exits: daemon threads stop at their next
    // eval-breaker check instead of running bytecode while we flush.
    Runtime::get().begin_finalizing();
    close_main_generators(ts);
    flush_std_streams(ts);
    code
}

/// Suspended generators `__main__`'s globals still hold are closed at exit,
/// as CPython's final collection does (`vm::dropped`).
fn close_main_generators(ts: &mut ThreadState) {
    let key = ts.intern("__main__");
    if let Some(Value::Module(main)) = ts.objs.modules.get_str(&key) {
        super::dropped::close_module_generators(ts, &main.dict);
    }
}

fn shutdown_threads(ts: &mut ThreadState) -> PyResult<()> {
    let key = ts.intern("threading");
    let Some(threading) = ts.objs.modules.get_str(&key) else { return Ok(()) };
    let name = ts.intern("_shutdown");
    if let Some(f) = ts.get_attr_opt(&threading, &name)? {
        ts.call_positional(&f, &[])?;
    }
    Ok(())
}

/// The exit code for an exception that reached the top; prints it unless it is
/// `SystemExit`.
pub fn handle_uncaught(ts: &mut ThreadState, err: &PyErr) -> i32 {
    let t = ts.types();
    let (system_exit, keyboard_interrupt) = (t.system_exit.clone(), t.keyboard_interrupt.clone());
    if ts.err_matches(err, &system_exit) {
        return system_exit_code(ts, err);
    }
    print_uncaught(ts, err);
    if ts.err_matches(err, &keyboard_interrupt) {
        130
    } else {
        1
    }
}

/// Prints through `sys.excepthook` when a script replaced it, else directly.
pub fn print_uncaught(ts: &mut ThreadState, err: &PyErr) {
    if let Some(sys) = sys_module(ts) {
        let key = ts.intern("excepthook");
        if let Some(hook @ Value::Function(_)) = sys.dict.get_str(&key) {
            let ty = Value::Type(err.exc.class());
            if ts.call_positional(&hook, &[ty, err.value(), Value::None]).is_ok() {
                return;
            }
        }
    }
    super::traceback::print_exception(ts, &err.value());
}

fn system_exit_code(ts: &mut ThreadState, err: &PyErr) -> i32 {
    let args = match &err.data().args {
        Value::Tuple(t) => t.items.to_vec(),
        _ => Vec::new(),
    };
    let code = match args.as_slice() {
        [] => Value::None,
        [one] => one.clone(),
        _ => Value::tuple(args.clone()),
    };
    match code {
        Value::None => 0,
        Value::Int(i) => i as i32,
        Value::Bool(b) => b as i32,
        other => {
            let text = ts.to_str(&other).map(|s| s.as_str().to_string()).unwrap_or_default();
            write_stderr(ts, &format!("{text}\n"));
            1
        }
    }
}

/// Writes `text` to `sys.stderr` (a script's replacement, or the process's
/// stderr after flushing buffered stdout so the two appear in order).
pub fn write_stderr(ts: &mut ThreadState, text: &str) {
    if let Some(sys) = sys_module(ts) {
        let key = ts.intern("stderr");
        if let Some(stream @ (Value::Instance(_) | Value::Module(_))) = sys.dict.get_str(&key) {
            if ts.call_method(&stream, "write", &[Value::str(text)]).is_ok() {
                return;
            }
        }
    }
    crate::builtins::io::write_stderr(text.as_bytes());
}

/// Flushes the standard streams (and a script's replacement `sys.stdout`).
pub fn flush_std_streams(ts: &mut ThreadState) {
    if let Some(sys) = sys_module(ts) {
        let key = ts.intern("stdout");
        if let Some(stream @ Value::Instance(_)) = sys.dict.get_str(&key) {
            let _ = ts.call_method(&stream, "flush", &[]);
        }
    }
    crate::builtins::io::flush_std();
}
