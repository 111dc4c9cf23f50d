//! The thread state (CPython's `PyThreadState`): one per OS thread running in
//! an interpreter. It owns the thread's `GilToken`, so holding a
//! `&mut ThreadState` means holding the GIL — every function that touches
//! objects takes one.
//!
//! A thread state is created by `attach` (which takes the interpreter's GIL
//! and registers the thread in the interpreter's list) and destroyed by
//! dropping it (which closes the generators it dropped since its last check,
//! unregisters the thread, drops its object handles and releases the GIL, in
//! that order). What other threads may read about a
//! thread — ident, name, GIL statistics — is in its `ThreadInfo`, shared
//! through an `Arc` and free of objects.

use std::sync::Arc;

use parking_lot::Mutex;

use super::eval_breaker::EvalBreaker;
use super::frame::ExecState;
use super::gil::{Gil, GilToken};
use super::gil_cell::os_thread;
use super::gil_stats::{BlockingKind, GilStats};
use super::interpreter::{InterpObjects, InterpreterState};
use super::unblock::Waker;
use crate::builtins::io::Output;
use crate::objects::{Gc, PyStr, TypeRegistry};

/// Native stack assumed for a thread attached with `attach` (the main
/// thread's usual 8 MiB limit, or a host thread's).
pub const DEFAULT_STACK_SIZE: usize = 8 << 20;

/// What the rest of the process may know about a thread: plain data, no objects.
pub struct ThreadInfo {
    /// `threading.get_ident()`: the `pthread_self` value, as CPython.
    pub ident: u64,
    /// `threading.get_native_id()`: the kernel thread id.
    pub native_id: u64,
    pub name: Mutex<String>,
    /// The first thread attached to an interpreter is its main thread: it
    /// alone receives `KeyboardInterrupt` for Ctrl-C and host interrupts.
    pub is_main: bool,
    /// Attached by the embedding API (a host thread): a host's plain
    /// `interrupt()` aims at these threads.
    pub host: std::sync::atomic::AtomicBool,
    pub stats: Arc<GilStats>,
    /// How another thread interrupts this one out of a blocking wait.
    pub waker: Waker,
}

pub struct ThreadState {
    pub interp: Arc<InterpreterState>,
    /// This interpreter's objects (a cached handle; see `InterpreterState::objects`).
    pub objs: Gc<InterpObjects>,
    /// Frames, value stack and the exception being handled (the VM's part).
    pub exec: ExecState,
    /// The interpreter's eval breaker, cached so `periodic_check` is one load.
    pub breaker: Arc<EvalBreaker>,
    pub info: Arc<ThreadInfo>,
    /// Address near the top of this thread's native stack, and its size: the
    /// VM's native-stack guard uses `stack_remaining`.
    stack_base: usize,
    stack_size: usize,
    /// Where this thread's `print` went before it attached (restored at detach).
    previous_output: Option<Arc<Output>>,
    /// The memory account this thread charged before it attached.
    previous_account: Option<&'static super::memory::MemAccount>,
    /// The native consumer taking a generator's items as it yields them (`generator::drain`).
    pub(crate) draining: super::generator::Draining,
    /// Declared last: dropping the thread state releases the GIL only after
    /// every object handle above has been dropped.
    pub token: GilToken,
}

impl ThreadState {
    /// Takes `interp`'s GIL on the current thread and returns its thread state.
    pub fn attach(interp: Arc<InterpreterState>) -> ThreadState {
        ThreadState::attach_with_stack(interp, DEFAULT_STACK_SIZE, None)
    }

    /// As `attach`, for a thread whose native stack is `stack_size` bytes,
    /// named `name` (default `Thread-<ident>`, or `MainThread` for the first).
    pub fn attach_with_stack(interp: Arc<InterpreterState>, stack_size: usize, name: Option<String>) -> ThreadState {
        let stack_marker = 0u8;
        let stack_base = &stack_marker as *const u8 as usize;
        let ident = os_thread::ident();
        let is_main = interp.claim_main_thread(ident);
        let name = name.unwrap_or_else(|| if is_main { "MainThread".into() } else { format!("Thread-{ident}") });
        let info = Arc::new(ThreadInfo {
            ident,
            native_id: os_thread::native_id(),
            name: Mutex::new(name),
            is_main,
            host: std::sync::atomic::AtomicBool::new(false),
            stats: Arc::new(GilStats::default()),
            waker: Waker::default(),
        });
        let token = Gil::acquire_with_stats(&interp.gil, info.stats.clone());
        interp.register_thread(info.clone());
        let objs = interp.objects(&token);
        let breaker = interp.gil.breaker().clone();
        let previous_output = crate::builtins::io::set_thread_output(interp.config.output.clone());
        let previous_account = super::memory::enter(interp.memory);
        ThreadState {
            interp,
            objs,
            exec: ExecState::default(),
            breaker,
            info,
            stack_base,
            stack_size,
            previous_output,
            previous_account,
            draining: Default::default(),
            token,
        }
    }

    /// Runs the blocking call `f` without the GIL (counted as `Other` in the stats).
    pub fn allow_threads<F: FnOnce() -> R + Send, R: Send>(&mut self, f: F) -> R {
        self.token.allow_threads(BlockingKind::Other, f)
    }

    /// Runs the blocking call `f`, of kind `kind`, without the GIL. `f` is
    /// `Send`, so it cannot capture a `Value`; the thread state is borrowed
    /// for the duration, so nothing reachable from it can be touched either.
    pub fn allow_threads_as<F: FnOnce() -> R + Send, R: Send>(&mut self, kind: BlockingKind, f: F) -> R {
        self.token.allow_threads(kind, f)
    }

    /// The RAII form of `allow_threads_as`: the GIL is released until the
    /// guard is dropped. The guard borrows the whole thread state, so no
    /// object can be reached through it meanwhile. (Values already held in
    /// local variables are not fenced off: prefer the closure form, whose
    /// `Send` bound rules them out.)
    pub fn release_gil(&mut self, kind: BlockingKind) -> GilReleased<'_> {
        self.token.release(kind);
        GilReleased { ts: self }
    }

    pub fn types(&self) -> &TypeRegistry {
        &self.objs.types
    }

    /// The interned string object for `s`.
    pub fn intern(&mut self, s: &str) -> Gc<PyStr> {
        if let Some(found) = self.objs.interned.borrow().get(s) {
            return found.clone();
        }
        let new = Gc::new(PyStr::new(s));
        self.objs.interned.borrow_mut().insert(s.into(), new.clone());
        new
    }

    /// Bytes of native stack left below the caller's frame (approximate:
    /// measured from where the thread state was attached).
    #[inline]
    pub fn stack_remaining(&self) -> usize {
        let marker = 0u8;
        let here = &marker as *const u8 as usize;
        self.stack_size.saturating_sub(self.stack_base.saturating_sub(here))
    }

    pub fn ident(&self) -> u64 {
        self.info.ident
    }

    pub fn is_main_thread(&self) -> bool {
        self.info.is_main
    }
}

impl Drop for ThreadState {
    fn drop(&mut self) {
        // Generators of this interpreter dropped since the last check are
        // closed while the thread can still run code (and holds the GIL).
        super::dropped::close_dropped(self);
        self.interp.unregister_thread(&self.info);
        crate::builtins::io::set_thread_output(self.previous_output.take());
        super::memory::enter(self.previous_account.take());
    }
}

/// The GIL released while this guard lives (see `ThreadState::release_gil`).
pub struct GilReleased<'a> {
    ts: &'a mut ThreadState,
}

impl Drop for GilReleased<'_> {
    fn drop(&mut self) {
        self.ts.token.reacquire();
    }
}
