//! `InterruptHandle`: stopping a running script from another thread.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use crate::vm::InterpreterState;

/// Stops scripts of one interpreter from any thread: the chosen threads get
/// `KeyboardInterrupt` at their next eval-breaker check (within microseconds
/// while running bytecode), and at once if they are blocked in `sleep`, a
/// lock, a queue, `join`, `select` or socket I/O — each blocking call
/// registers how it can be woken (`vm::unblock`). `Send + Sync + Clone`.
///
/// ```
/// let interp = gilvm::Interpreter::builder().build()?;
/// let stop = interp.interrupt_handle();
/// let stopper = std::thread::spawn(move || {
///     std::thread::sleep(std::time::Duration::from_millis(50));
///     stop.interrupt()
/// });
/// let err = interp.run("import time\ntime.sleep(60)").unwrap_err();
/// assert_eq!(err.class(), "KeyboardInterrupt");
/// assert_eq!(stopper.join().unwrap(), 1);
/// # Ok::<(), gilvm::Error>(())
/// ```
#[derive(Clone)]
pub struct InterruptHandle {
    state: Arc<InterpreterState>,
}

/// One thread of an interpreter, as [`InterruptHandle::threads`] lists it.
///
/// ```
/// let interp = gilvm::Interpreter::builder().build()?;
/// let handle = interp.interrupt_handle();
/// let listed = interp.with(|py| Ok(handle.threads().into_iter().any(|t| t.ident == py.thread_ident() && t.host)))?;
/// assert!(listed);
/// # Ok::<(), gilvm::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct ThreadSummary {
    /// `threading.get_ident()`.
    pub ident: u64,
    /// `threading.current_thread().name` as the VM knows it (`MainThread`, `Thread-<ident>`).
    pub name: String,
    /// Attached by the host (`Interpreter::with`/`attach`) rather than started by a script.
    pub host: bool,
}

impl InterruptHandle {
    pub(crate) fn new(state: Arc<InterpreterState>) -> InterruptHandle {
        InterruptHandle { state }
    }

    /// Interrupts the threads the host attached (those running `run`,
    /// `eval`, `call`...). Returns how many were interrupted (0 if none was
    /// attached: the interrupt is not kept for later).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// assert_eq!(interp.interrupt_handle().interrupt(), 0);
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn interrupt(&self) -> usize {
        self.state.interrupt_where(|t| t.host.load(Ordering::Relaxed))
    }

    /// Interrupts the thread whose `threading.get_ident()` is `ident`;
    /// false if no such thread is alive.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// assert!(!interp.interrupt_handle().interrupt_thread(12345));
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn interrupt_thread(&self, ident: u64) -> bool {
        self.state.interrupt_where(|t| t.ident == ident) > 0
    }

    /// Interrupts every thread of the interpreter, the scripts' own included.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// assert_eq!(interp.interrupt_handle().interrupt_all(), 0);
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn interrupt_all(&self) -> usize {
        self.state.interrupt_where(|_| true)
    }

    /// The interpreter's live threads.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// assert!(interp.interrupt_handle().threads().is_empty());
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn threads(&self) -> Vec<ThreadSummary> {
        let live = self.state.live_threads();
        live.iter()
            .map(|t| ThreadSummary { ident: t.ident, name: t.name.lock().clone(), host: t.host.load(Ordering::Relaxed) })
            .collect()
    }
}
