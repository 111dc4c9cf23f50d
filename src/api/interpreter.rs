//! `Interpreter`: a handle to one interpreter, usable from any thread.

use std::sync::Arc;

use parking_lot::Mutex;

use super::attached::Attached;
use super::builder::Builder;
use super::control::InterruptHandle;
use super::convert::{FromValue, IntoArgs, IntoValue};
use super::error::Result;
use crate::objects::Value;
use crate::vm::gil_cell::os_thread;
use crate::vm::runtime::Runtime;
use crate::vm::{InterpreterState, ThreadState};

/// An interpreter: its own GIL, modules and objects. The handle is plain
/// data (`Send + Sync + Clone`); scripts run when a thread attaches to it
/// ([`with`](Interpreter::with), [`attach`](Interpreter::attach)). Threads
/// attached to different interpreters run bytecode in parallel.
///
/// The shortcut methods (`run`, `eval`, `global`, `set_global`, `call`)
/// attach the calling thread for the duration of one call.
///
/// ```
/// let interp = gilvm::Interpreter::builder().build()?;
/// interp.run("def square(x):\n    return x * x")?;
/// assert_eq!(interp.call::<i64>("square", (12,))?, 144);
/// # Ok::<(), gilvm::Error>(())
/// ```
#[derive(Clone)]
pub struct Interpreter {
    inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) state: Arc<InterpreterState>,
    pub(crate) stdout: Option<Arc<Mutex<Vec<u8>>>>,
    pub(crate) stderr: Option<Arc<Mutex<Vec<u8>>>>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        Runtime::get().remove_interpreter(self.state.id);
    }
}

/// The calling thread attached to an interpreter until the guard drops
/// (CPython's `PyGILState_Ensure` / `PyGILState_Release`). It is not
/// `Send`: the thread that attached is the thread that detaches.
///
/// ```
/// let interp = gilvm::Interpreter::builder().build()?;
/// let mut guard = interp.attach();
/// let mut py = guard.py();
/// py.run("x = 5")?;
/// assert_eq!(py.global::<i64>("x")?, 5);
/// drop(guard); // releases the GIL, forgets this thread's state
/// # Ok::<(), gilvm::Error>(())
/// ```
pub struct AttachGuard {
    ts: ThreadState,
}

impl AttachGuard {
    /// The attached thread, to run code and handle objects with.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// let mut guard = interp.attach();
    /// assert_eq!(guard.py().eval::<i64>("1 + 1")?, 2);
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn py(&mut self) -> Attached<'_> {
        Attached::new(&mut self.ts, false)
    }
}

impl Interpreter {
    /// A builder for a new interpreter.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().recursion_limit(200).build()?;
    /// assert_eq!(interp.eval::<i64>("__import__('sys').getrecursionlimit()")?, 200);
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn builder() -> Builder {
        Builder::default()
    }

    pub(crate) fn from_inner(inner: Inner) -> Interpreter {
        Interpreter { inner: Arc::new(inner) }
    }

    /// The interpreter's number (the first interpreter of the process is 0).
    ///
    /// ```
    /// let a = gilvm::Interpreter::builder().build()?;
    /// let b = gilvm::Interpreter::builder().build()?;
    /// assert_ne!(a.id(), b.id());
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn id(&self) -> u64 {
        self.inner.state.id
    }

    /// Attaches the calling thread (taking the GIL, with a thread state of
    /// its own), runs `f`, and detaches. Any thread may do this, at any
    /// time; threads attached to the same interpreter take turns.
    ///
    /// Panics if the thread is already attached to this interpreter (use the
    /// `Attached` you have: inside a native function, its first argument).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.run("hits = []")?;
    /// let threads: Vec<_> = (0..4)
    ///     .map(|i| {
    ///         let interp = interp.clone();
    ///         std::thread::spawn(move || interp.with(|py| py.eval::<gilvm::Object>("hits")?.call_method(py, "append", (i,)).map(drop)))
    ///     })
    ///     .collect();
    /// for t in threads {
    ///     t.join().unwrap()?;
    /// }
    /// assert_eq!(interp.eval::<i64>("len(hits)")?, 4);
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn with<R>(&self, f: impl for<'py> FnOnce(&mut Attached<'py>) -> Result<R>) -> Result<R> {
        let mut guard = self.attach();
        let mut py = guard.py();
        f(&mut py)
    }

    /// Attaches the calling thread until the returned guard drops (see [`AttachGuard`]).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// let ident = interp.attach().py().thread_ident();
    /// assert_ne!(ident, 0);
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn attach(&self) -> AttachGuard {
        let state = &self.inner.state;
        let me = os_thread::ident();
        assert!(
            !state.live_threads().iter().any(|t| t.ident == me),
            "this thread is already attached to interpreter {}: use the Attached it has",
            state.id
        );
        let ts = ThreadState::attach(state.clone());
        ts.info.host.store(true, std::sync::atomic::Ordering::Relaxed);
        let mut guard = AttachGuard { ts };
        super::object::sweep_dropped_handles(&mut guard.py());
        guard
    }

    /// Runs `source` in `__main__`.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// let err = interp.run("1 +").unwrap_err();
    /// assert_eq!(err.class(), "SyntaxError");
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn run(&self, source: &str) -> Result<()> {
        self.with(|py| py.run(source))
    }

    /// Runs the file at `path` as `__main__`.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// assert_eq!(interp.run_file("/no/such/file.py").unwrap_err().class(), "OSError");
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn run_file(&self, path: impl AsRef<std::path::Path>) -> Result<()> {
        self.with(|py| py.run_file(path))
    }

    /// Evaluates `expr` in `__main__` and converts the result.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// assert_eq!(interp.eval::<Vec<i64>>("[i * i for i in range(4)]")?, vec![0, 1, 4, 9]);
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn eval<T: for<'py> FromValue<'py>>(&self, expr: &str) -> Result<T> {
        self.with(|py| py.eval(expr))
    }

    /// The global `name` of `__main__`.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.run("name = 'gilvm'")?;
    /// assert_eq!(interp.global::<String>("name")?, "gilvm");
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn global<T: for<'py> FromValue<'py>>(&self, name: &str) -> Result<T> {
        self.with(|py| py.global(name))
    }

    /// Sets the global `name` of `__main__`.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.set_global("data", vec![1u8, 2])?;
    /// assert_eq!(interp.eval::<String>("repr(data)")?, "b'\\x01\\x02'");
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn set_global<V: for<'py> IntoValue<'py>>(&self, name: &str, value: V) -> Result<()> {
        self.with(|py| py.set_global(name, value))
    }

    /// Calls the function `name` of `__main__`.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.run("def add(a, b): return a + b")?;
    /// assert_eq!(interp.call::<String>("add", ("a", "b"))?, "ab");
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn call<T: for<'py> FromValue<'py>>(&self, name: &str, args: impl for<'py> IntoArgs<'py>) -> Result<T> {
        self.with(|py| py.call(name, args))
    }

    /// A handle another thread uses to stop this interpreter's scripts.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// let stop = interp.interrupt_handle();
    /// assert_eq!(stop.interrupt(), 0); // nothing is running
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn interrupt_handle(&self) -> InterruptHandle {
        InterruptHandle::new(self.inner.state.clone())
    }

    /// What the scripts wrote to stdout since the last call, if the builder
    /// captured it (`Stream::Capture`); empty otherwise.
    ///
    /// ```
    /// use gilvm::Stream;
    /// let interp = gilvm::Interpreter::builder().stdout(Stream::Capture).build()?;
    /// interp.run("print('hello')")?;
    /// assert_eq!(interp.take_stdout(), "hello\n");
    /// assert_eq!(interp.take_stdout(), "");
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn take_stdout(&self) -> String {
        take(&self.inner.stdout)
    }

    /// As [`take_stdout`](Interpreter::take_stdout), for stderr.
    ///
    /// ```
    /// use gilvm::Stream;
    /// let interp = gilvm::Interpreter::builder().stderr(Stream::Capture).build()?;
    /// interp.run("import sys\nsys.stderr.write('oops')")?;
    /// assert_eq!(interp.take_stderr(), "oops");
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn take_stderr(&self) -> String {
        take(&self.inner.stderr)
    }

    /// Ends the interpreter: waits for the scripts' non-daemon threads (as
    /// at the end of a program), then clears every module's namespace so
    /// the objects go. Other clones of the handle can still attach, to an
    /// empty interpreter.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.run("import threading\nt = threading.Thread(target=lambda: None)\nt.start()")?;
    /// interp.close()?;
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn close(self) -> Result<()> {
        let result = self.with(|py| {
            let threading = py.ts.intern("threading");
            if let Some(module) = py.ts.objs.modules.get_str(&threading) {
                let shutdown = py.ts.intern("_shutdown");
                let called = match py.ts.get_attr_opt(&module, &shutdown) {
                    Ok(Some(f)) => py.ts.call_positional(&f, &[]).map(drop),
                    Ok(None) => Ok(()),
                    Err(e) => Err(e),
                };
                py.check(called)?;
            }
            clear_modules(py);
            Ok(())
        });
        Runtime::get().remove_interpreter(self.id());
        result
    }
}

/// Empties every module's namespace and `sys.modules` (breaking the
/// reference cycles through module globals, which are not collected).
fn clear_modules(py: &mut Attached<'_>) {
    let modules = py.ts.objs.modules.items();
    for (_, module) in &modules {
        if let Value::Module(m) = module {
            let entries = std::mem::replace(&mut *m.dict.table.borrow_mut(), crate::objects::dict::DictTable::new());
            drop(entries);
        }
    }
    let all = std::mem::replace(&mut *py.ts.objs.modules.table.borrow_mut(), crate::objects::dict::DictTable::new());
    drop(all);
    py.ts.objs.handles.borrow_mut().clear();
}

fn take(buffer: &Option<Arc<Mutex<Vec<u8>>>>) -> String {
    match buffer {
        Some(b) => String::from_utf8_lossy(&std::mem::take(&mut *b.lock())).into_owned(),
        None => String::new(),
    }
}
