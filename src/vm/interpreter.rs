//! The interpreter state (CPython's `PyInterpreterState`): one per
//! interpreter — its GIL and, reachable only under that GIL, its modules,
//! builtins and types.
//!
//! Per-interpreter, outside the GIL (usable from any thread, even one that
//! holds no GIL — a stats printer, a host's interrupt handle): the GIL itself
//! (with the eval breaker and switch interval), the list of live and finished
//! threads (`ThreadInfo`: ident, name, GIL statistics — no objects), the
//! recursion limit, the main thread's ident. Under the GIL: `InterpObjects`.
//! No object of one interpreter is ever reachable from another: every path
//! to an object starts at `objects()`, which demands this interpreter's token.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use parking_lot::Mutex;

use super::eval_breaker::EvalBreaker;
use super::gil::{Gil, GilToken};
use super::gil_cell::GilProtected;
use super::gil_stats::GilStatsSnapshot;
use super::thread_state::ThreadInfo;
use crate::objects::{Gc, PyDict, PyStr, TypeRegistry};

/// The objects of one interpreter.
pub struct InterpObjects {
    pub types: TypeRegistry,
    /// The `builtins` module's namespace.
    pub builtins: Gc<PyDict>,
    /// `sys.modules`.
    pub modules: Gc<PyDict>,
    /// Interned strings: names in code and attribute keys share one object each.
    pub interned: RefCell<HashMap<Box<str>, Gc<PyStr>>>,
}

pub struct InterpreterState {
    pub id: u64,
    pub gil: Arc<Gil>,
    objects: GilProtected<Gc<InterpObjects>>,
    threads: Mutex<ThreadLists>,
    /// `sys.getrecursionlimit()`.
    recursion_limit: AtomicU32,
    /// Ident of the main thread (0 until the first thread attaches).
    main_thread: AtomicU64,
    /// Threads started by `_thread.start_new_thread` still running (`_thread._count()`).
    pub started_threads: AtomicUsize,
}

#[derive(Default)]
struct ThreadLists {
    live: Vec<Arc<ThreadInfo>>,
    /// Threads that have ended, kept for the exit-time stats table.
    finished: Vec<Arc<ThreadInfo>>,
}

/// One row of `thread_stats`.
pub struct ThreadStatsRow {
    pub name: String,
    pub ident: u64,
    pub alive: bool,
    pub stats: GilStatsSnapshot,
}

impl InterpreterState {
    /// A new interpreter with fresh builtin types. Its objects are created here,
    /// before any other thread can see the interpreter.
    pub fn new(id: u64) -> Arc<InterpreterState> {
        let objects = Gc::new(InterpObjects {
            types: TypeRegistry::new(),
            builtins: Gc::new(PyDict::new()),
            modules: Gc::new(PyDict::new()),
            interned: RefCell::new(HashMap::new()),
        });
        Arc::new(InterpreterState {
            id,
            gil: Arc::new(Gil::default()),
            objects: GilProtected::new(objects),
            threads: Mutex::new(ThreadLists::default()),
            recursion_limit: AtomicU32::new(1000),
            main_thread: AtomicU64::new(0),
            started_threads: AtomicUsize::new(0),
        })
    }

    /// This interpreter's objects; the token proves this thread holds its GIL.
    pub fn objects(&self, token: &GilToken) -> Gc<InterpObjects> {
        self.objects.get(token).clone()
    }
}

impl InterpreterState {
    pub fn recursion_limit(&self) -> u32 {
        self.recursion_limit.load(Ordering::Relaxed)
    }

    pub fn set_recursion_limit(&self, limit: u32) {
        self.recursion_limit.store(limit, Ordering::Relaxed);
    }

    pub fn switch_interval(&self) -> Duration {
        self.gil.switch_interval()
    }

    pub fn set_switch_interval(&self, interval: Duration) {
        self.gil.set_switch_interval(interval);
    }

    /// Ident of the interpreter's main thread (0 before any thread attached).
    pub fn main_thread_ident(&self) -> u64 {
        self.main_thread.load(Ordering::Relaxed)
    }

    /// Makes `ident` the main thread if there is none yet; true if it now is.
    pub(crate) fn claim_main_thread(&self, ident: u64) -> bool {
        self.main_thread.compare_exchange(0, ident, Ordering::Relaxed, Ordering::Relaxed).is_ok()
    }

    /// Asks the main thread to raise `KeyboardInterrupt` at its next eval
    /// breaker check, or within one wait slice if it is blocked (the embedding
    /// API's interrupt handle; callable from any thread).
    pub fn interrupt(&self) {
        self.gil.breaker().set(EvalBreaker::INTERRUPT);
    }

    pub(crate) fn register_thread(&self, info: Arc<ThreadInfo>) {
        self.threads.lock().live.push(info);
    }

    pub(crate) fn unregister_thread(&self, ident: u64) {
        let mut lists = self.threads.lock();
        if let Some(pos) = lists.live.iter().position(|t| t.ident == ident) {
            let info = lists.live.swap_remove(pos);
            lists.finished.push(info);
        }
    }

    /// The live threads (for `threading.enumerate`-style introspection).
    pub fn live_threads(&self) -> Vec<Arc<ThreadInfo>> {
        self.threads.lock().live.clone()
    }

    /// GIL figures of every thread that ran in this interpreter, live ones first.
    pub fn thread_stats(&self) -> Vec<ThreadStatsRow> {
        let lists = self.threads.lock();
        let row = |t: &Arc<ThreadInfo>, alive| ThreadStatsRow {
            name: t.name.lock().clone(),
            ident: t.ident,
            alive,
            stats: t.stats.snapshot(),
        };
        let live = lists.live.iter().map(|t| row(t, true));
        live.chain(lists.finished.iter().map(|t| row(t, false))).collect()
    }

    /// Every thread that ran in this interpreter and whether it is still
    /// alive, live ones first (the trace writer reads their event buffers).
    pub fn threads_ever(&self) -> Vec<(Arc<ThreadInfo>, bool)> {
        let lists = self.threads.lock();
        let live = lists.live.iter().map(|t| (t.clone(), true));
        live.chain(lists.finished.iter().map(|t| (t.clone(), false))).collect()
    }

    /// Zeroes every thread's GIL figures and forgets finished threads (`gil.reset()`).
    pub fn reset_thread_stats(&self) {
        let mut lists = self.threads.lock();
        lists.finished.clear();
        for t in &lists.live {
            t.stats.reset();
        }
    }
}
