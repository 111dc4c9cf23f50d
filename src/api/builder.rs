//! `Builder`: how a new interpreter is set up.

use std::sync::Arc;
use std::time::Duration;

use parking_lot::Mutex;

use super::attached::Attached;
use super::convert::{FromArgs, IntoValue};
use super::error::{Error, Result};
use super::interpreter::{Inner, Interpreter};
use super::native::{NativeFn, NativeModule};
use crate::builtins::io::{Output, Sink};
use crate::vm::interpreter::{InterpConfig, ModulePolicy};
use crate::vm::runtime::Runtime;
use crate::vm::ThreadState;

/// Where a standard stream of an interpreter goes.
///
/// ```
/// use std::sync::{Arc, Mutex};
/// let lines = Arc::new(Mutex::new(String::new()));
/// let sink = lines.clone();
/// let interp = gilvm::Interpreter::builder()
///     .stdout(gilvm::Stream::callback(move |bytes| sink.lock().unwrap().push_str(&String::from_utf8_lossy(bytes))))
///     .build()?;
/// interp.run("print('to the host')")?;
/// assert_eq!(*lines.lock().unwrap(), "to the host\n");
/// # Ok::<(), gilvm::Error>(())
/// ```
#[derive(Clone, Default)]
pub enum Stream {
    /// The process's own stream (the default).
    #[default]
    Inherit,
    /// Kept in a buffer, read with `Interpreter::take_stdout`/`take_stderr`.
    Capture,
    /// Handed to a function, one write at a time (from whichever thread writes).
    Callback(Arc<dyn Fn(&[u8]) + Send + Sync>),
}

impl Stream {
    /// `Stream::Callback` from a closure.
    ///
    /// ```
    /// let s = gilvm::Stream::callback(|bytes| eprint!("{}", String::from_utf8_lossy(bytes)));
    /// assert!(matches!(s, gilvm::Stream::Callback(_)));
    /// ```
    pub fn callback(f: impl Fn(&[u8]) + Send + Sync + 'static) -> Stream {
        Stream::Callback(Arc::new(f))
    }

    fn sink(&self) -> (Sink, Option<Arc<Mutex<Vec<u8>>>>) {
        match self {
            Stream::Inherit => (Sink::Inherit, None),
            Stream::Capture => {
                let buffer = Arc::new(Mutex::new(Vec::new()));
                (Sink::Capture(buffer.clone()), Some(buffer))
            }
            Stream::Callback(f) => (Sink::Callback(f.clone()), None),
        }
    }
}

/// The modules that a sandbox refuses: the file system, processes, the network.
pub const IO_MODULES: &[&str] = &["os", "posixpath", "socket", "select", "tempfile", "subprocess", "io", "shutil", "pathlib"];

/// How to set up an interpreter: limits, modules, streams, native functions.
///
/// ```
/// use std::time::Duration;
/// let interp = gilvm::Interpreter::builder()
///     .switch_interval(Duration::from_millis(1))
///     .recursion_limit(500)
///     .stdout(gilvm::Stream::Capture)
///     .build()?;
/// interp.run("import sys\nprint(sys.getswitchinterval())")?;
/// assert_eq!(interp.take_stdout(), "0.001\n");
/// # Ok::<(), gilvm::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct Builder {
    switch_interval: Option<Duration>,
    recursion_limit: Option<u32>,
    policy: ModulePolicy,
    stdout: Stream,
    stderr: Stream,
    instruction_budget: Option<u64>,
    memory_limit: Option<usize>,
    modules: Vec<NativeModule>,
    functions: Vec<NativeFn>,
}

impl Builder {
    /// How long a thread runs before another waiting for this interpreter's
    /// GIL gets a turn (`sys.setswitchinterval`; 5 ms by default).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().switch_interval(std::time::Duration::from_millis(2)).build()?;
    /// assert_eq!(interp.eval::<f64>("__import__('sys').getswitchinterval()")?, 0.002);
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn switch_interval(mut self, interval: Duration) -> Builder {
        self.switch_interval = Some(interval);
        self
    }

    /// The deepest Python call nesting before `RecursionError` (1000 by default).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().recursion_limit(50).build()?;
    /// let err = interp.run("def f(n): return f(n + 1)\nf(0)").unwrap_err();
    /// assert_eq!(err.class(), "RecursionError");
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn recursion_limit(mut self, limit: u32) -> Builder {
        self.recursion_limit = Some(limit);
        self
    }

    /// Only these modules (and their submodules, and what they import, which
    /// must be listed too) may be imported; any other import raises `ImportError`.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().allow_modules(&["math"]).build()?;
    /// interp.run("import math")?;
    /// assert!(interp.run("import time").unwrap_err().is_instance("ImportError"));
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn allow_modules(mut self, names: &[&str]) -> Builder {
        self.policy.allowed = Some(names.iter().map(|s| s.to_string()).collect());
        self
    }

    /// These modules (and their submodules) may not be imported.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().deny_modules(&["time"]).build()?;
    /// assert!(interp.run("import time").unwrap_err().is_instance("ImportError"));
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn deny_modules(mut self, names: &[&str]) -> Builder {
        self.policy.denied.extend(names.iter().map(|s| s.to_string()));
        self
    }

    /// A sandbox: no module of [`IO_MODULES`] (nor the bundled modules that
    /// import them: `random`, `logging`, `concurrent.futures`), no `open` or
    /// `input`, no imports from the file system. Scripts keep computation,
    /// threads, `time`, `math`, and whatever native modules the host adds.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().sandbox().build()?;
    /// assert!(interp.run("import socket").unwrap_err().is_instance("ImportError"));
    /// assert_eq!(interp.run("open('/etc/passwd')").unwrap_err().class(), "NameError");
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn sandbox(mut self) -> Builder {
        self.policy.denied.extend(IO_MODULES.iter().map(|s| s.to_string()));
        self.policy.sandbox = true;
        self
    }

    /// Where `print`, `sys.stdout` and `sys.stderr` output goes (see [`Stream`]).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().stdout(gilvm::Stream::Capture).build()?;
    /// interp.run("print(1, 2)")?;
    /// assert_eq!(interp.take_stdout(), "1 2\n");
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn stdout(mut self, stream: Stream) -> Builder {
        self.stdout = stream;
        self
    }

    /// Where `sys.stderr` (and tracebacks of script threads) go.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().stderr(gilvm::Stream::Capture).build()?;
    /// interp.run("import sys\nprint('warn', file=sys.stderr)")?;
    /// assert_eq!(interp.take_stderr(), "warn\n");
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn stderr(mut self, stream: Stream) -> Builder {
        self.stderr = stream;
        self
    }

    /// At most `checks` eval-breaker checks per host call (`run`, `eval`,
    /// `call`, `import`): the VM checks at every backward jump and every
    /// call, so this bounds loop iterations plus calls. Beyond it the script
    /// gets `gilvm.BudgetExceeded`, a `BaseException` (so `except Exception`
    /// does not catch it) that keeps being raised at every further check
    /// until the host call ends. The count is shared by all the
    /// interpreter's threads.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().instruction_budget(10_000).build()?;
    /// let err = interp.run("while True:\n    try:\n        pass\n    except Exception:\n        pass").unwrap_err();
    /// assert_eq!(err.class(), "BudgetExceeded");
    /// interp.run("for i in range(100): pass")?; // a new call, a new budget
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn instruction_budget(mut self, checks: u64) -> Builder {
        self.instruction_budget = Some(checks);
        self
    }

    /// At most about `bytes` allocated by the interpreter's threads; going
    /// over raises `MemoryError` at the next eval-breaker check. Needs
    /// [`CountingAlloc`](crate::CountingAlloc) as the program's global
    /// allocator (`build` fails otherwise). See `vm::memory` for what is counted.
    ///
    /// ```
    /// #[global_allocator]
    /// static ALLOC: gilvm::CountingAlloc = gilvm::CountingAlloc;
    ///
    /// let interp = gilvm::Interpreter::builder().memory_limit(16 << 20).build()?;
    /// let err = interp.run("hog = []\nwhile True:\n    hog.append('x' * 1000)").unwrap_err();
    /// assert_eq!(err.class(), "MemoryError");
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn memory_limit(mut self, bytes: usize) -> Builder {
        self.memory_limit = Some(bytes);
        self
    }

    /// Adds a native module that scripts can `import`.
    ///
    /// ```
    /// let m = gilvm::NativeModule::new("env").function("answer", "", |_py, ()| Ok(42));
    /// let interp = gilvm::Interpreter::builder().module(m).build()?;
    /// assert_eq!(interp.eval::<i64>("__import__('env').answer()")?, 42);
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn module(mut self, module: NativeModule) -> Builder {
        self.modules.push(module);
        self
    }

    /// Adds a native function to the builtins, callable from any script
    /// of the interpreter by `name` (see [`NativeModule::function`]).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder()
    ///     .function("shout", "text, times=1", |_py, (text, times): (String, usize)| Ok(text.to_uppercase().repeat(times)))
    ///     .build()?;
    /// assert_eq!(interp.eval::<String>("shout('hi', times=2)")?, "HIHI");
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn function<A, R, F>(mut self, name: &str, signature: &str, f: F) -> Builder
    where
        A: for<'py> FromArgs<'py>,
        R: for<'py> IntoValue<'py>,
        F: Fn(&mut Attached<'_>, A) -> Result<R> + Send + Sync + 'static,
    {
        self.functions.push(NativeFn::new(name, signature, f));
        self
    }

    /// Creates the interpreter (with builtins, `sys` and the native modules
    /// installed) and registers it with the process's runtime.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// assert_eq!(interp.eval::<i64>("len([1, 2, 3])")?, 3);
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn build(&self) -> Result<Interpreter> {
        if self.memory_limit.is_some() && !crate::vm::memory::allocator_installed() {
            return Err(Error::new("RuntimeError", "a memory limit needs #[global_allocator] static A: gilvm::CountingAlloc"));
        }
        let (stdout_sink, stdout) = self.stdout.sink();
        let (stderr_sink, stderr) = self.stderr.sink();
        let inherit = matches!((&stdout_sink, &stderr_sink), (Sink::Inherit, Sink::Inherit));
        let output = (!inherit).then(|| Arc::new(Output { stdout: stdout_sink, stderr: stderr_sink }));
        let config = InterpConfig {
            output,
            modules: self.policy.clone(),
            instruction_budget: self.instruction_budget,
            memory_limit: self.memory_limit,
        };
        let state = Runtime::get().new_interpreter_with(config);
        if let Some(interval) = self.switch_interval {
            state.set_switch_interval(interval);
        }
        if let Some(limit) = self.recursion_limit {
            state.set_recursion_limit(limit);
        }
        let interp = Interpreter::from_inner(Inner { state: state.clone(), stdout, stderr });
        let mut ts = ThreadState::attach(state);
        crate::vm::run::init_interpreter(&mut ts);
        crate::vm::run::main_module(&mut ts, None);
        for module in &self.modules {
            module.install(&mut ts)?;
        }
        for f in &self.functions {
            let value = f.instantiate(&mut ts, "builtins")?;
            let key = ts.intern(f.name());
            ts.objs.builtins.set_str(key, value);
        }
        Ok(interp)
    }
}
