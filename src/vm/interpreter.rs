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
use std::sync::atomic::{AtomicI64, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use parking_lot::Mutex;

use super::eval_breaker::EvalBreaker;
use super::gil::{Gil, GilToken};
use super::gil_cell::GilProtected;
use super::gil_stats::GilStatsSnapshot;
use super::thread_state::ThreadInfo;
use crate::builtins::io::Output;
use crate::objects::{Gc, PyDict, PyStr, PyType, TypeRegistry, Value};

/// How an interpreter is set up; fixed at creation (the embedding API's
/// builder fills it, the CLI uses the default).
#[derive(Clone, Default)]
pub struct InterpConfig {
    /// Where `print` and `sys.stdout`/`sys.stderr` go (`None`: the process's streams).
    pub output: Option<Arc<Output>>,
    pub modules: ModulePolicy,
    /// Eval-breaker checks a host call may run before `BudgetExceeded`.
    pub instruction_budget: Option<u64>,
    /// Bytes the interpreter's threads may hold allocated before `MemoryError`.
    pub memory_limit: Option<usize>,
}

/// Which modules scripts may import.
#[derive(Clone, Default)]
pub struct ModulePolicy {
    /// If set, only these modules (and their submodules) load.
    pub allowed: Option<Vec<String>>,
    /// These modules (and their submodules) never load.
    pub denied: Vec<String>,
    /// No imports from the file system and no `open` or `input`.
    pub sandbox: bool,
}

impl ModulePolicy {
    /// Whether module `full` (dotted) may be loaded.
    pub fn allows(&self, full: &str) -> bool {
        let covers = |m: &String| full == m || full.strip_prefix(m.as_str()).is_some_and(|rest| rest.starts_with('.'));
        if self.denied.iter().any(covers) {
            return false;
        }
        self.allowed.as_ref().is_none_or(|allowed| allowed.iter().any(covers))
    }
}

/// The objects of one interpreter.
pub struct InterpObjects {
    pub types: TypeRegistry,
    /// The `builtins` module's namespace.
    pub builtins: Gc<PyDict>,
    /// `sys.modules`.
    pub modules: Gc<PyDict>,
    /// Interned strings: names in code and attribute keys share one object each.
    pub interned: RefCell<HashMap<Box<str>, Gc<PyStr>>>,
    /// `gilvm.BudgetExceeded(BaseException)`: raised when the instruction budget runs out.
    pub budget_exceeded: Gc<PyType>,
    /// Objects the host keeps alive through `api::Handle`s, by handle number.
    pub handles: RefCell<HashMap<u64, Value>>,
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
    pub config: InterpConfig,
    /// Threads with an interrupt not yet acted on (the `INTERRUPT` bit is set while nonzero).
    pending_interrupts: AtomicUsize,
    /// What is left of the instruction budget of the current host call.
    budget_left: AtomicI64,
    /// Host handles dropped without the GIL, removed from `handles` at the next attach.
    pub dropped_handles: Mutex<Vec<u64>>,
    pub next_handle: AtomicU64,
    /// The account its threads charge allocations to, with a memory limit.
    pub memory: Option<&'static super::memory::MemAccount>,
}

impl Drop for InterpreterState {
    fn drop(&mut self) {
        if let Some(account) = self.memory.take() {
            super::memory::MemAccount::give_back(account);
        }
    }
}

#[derive(Default)]
struct ThreadLists {
    live: Vec<Arc<ThreadInfo>>,
    /// Threads that have ended, kept for the exit-time stats table.
    finished: Vec<Arc<ThreadInfo>>,
    /// The summed figures of the short-lived thread states that calls from
    /// other interpreters attach (one per call): one row, so that memory
    /// stays bounded however many calls are made.
    folded: Option<ThreadStatsRow>,
}

/// The name of the stats row of calls from other interpreters.
pub const FOLDED_ROW: &str = "(calls from other interpreters)";

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
        InterpreterState::with_config(id, InterpConfig::default())
    }

    /// A new interpreter set up as `config` says.
    pub fn with_config(id: u64, config: InterpConfig) -> Arc<InterpreterState> {
        let types = TypeRegistry::new();
        let budget_exceeded = crate::objects::types::new_type("BudgetExceeded", &[types.base_exception.clone()], crate::objects::Layout::Exception, true);
        budget_exceeded.dict.set_str(Gc::new(PyStr::new("__module__")), Value::str("gilvm"));
        let objects = Gc::new(InterpObjects {
            types,
            builtins: Gc::new(PyDict::new()),
            modules: Gc::new(PyDict::new()),
            interned: RefCell::new(HashMap::new()),
            budget_exceeded,
            handles: RefCell::new(HashMap::new()),
        });
        let gil = Arc::new(Gil::default());
        let memory = config.memory_limit.map(|limit| super::memory::MemAccount::take(limit, gil.breaker().clone()));
        Arc::new(InterpreterState {
            id,
            gil,
            objects: GilProtected::new(objects),
            threads: Mutex::new(ThreadLists::default()),
            recursion_limit: AtomicU32::new(1000),
            main_thread: AtomicU64::new(0),
            started_threads: AtomicUsize::new(0),
            config,
            pending_interrupts: AtomicUsize::new(0),
            budget_left: AtomicI64::new(0),
            dropped_handles: Mutex::new(Vec::new()),
            next_handle: AtomicU64::new(1),
            memory,
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
    /// breaker check, waking it if it is blocked (callable from any thread).
    pub fn interrupt(&self) -> usize {
        self.interrupt_where(|t| t.is_main)
    }

    /// Interrupts every live thread for which `select` is true (see
    /// `vm::unblock`); returns how many were newly interrupted.
    pub fn interrupt_where(&self, select: impl Fn(&ThreadInfo) -> bool) -> usize {
        let targets: Vec<Arc<ThreadInfo>> = self.threads.lock().live.iter().filter(|t| select(t)).cloned().collect();
        let mut count = 0;
        for info in targets {
            // Count first, then set the bit, then wake: the woken thread finds both.
            self.pending_interrupts.fetch_add(1, Ordering::SeqCst);
            self.gil.breaker().set(EvalBreaker::INTERRUPT);
            if info.waker.wake() {
                count += 1;
            } else {
                self.interrupt_consumed();
            }
        }
        count
    }

    /// One thread took its pending interrupt: clears the bit when none is left.
    pub(crate) fn interrupt_consumed(&self) {
        if self.pending_interrupts.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.gil.breaker().clear(EvalBreaker::INTERRUPT);
            // Another interrupt may have been counted between the two steps.
            if self.pending_interrupts.load(Ordering::SeqCst) > 0 {
                self.gil.breaker().set(EvalBreaker::INTERRUPT);
            }
        }
    }

    /// Starts the instruction budget of a new host call (no-op without one).
    pub fn reset_budget(&self) {
        if let Some(limit) = self.config.instruction_budget {
            self.budget_left.store(limit.min(i64::MAX as u64) as i64, Ordering::Relaxed);
            self.gil.breaker().set(EvalBreaker::BUDGET);
        }
    }

    /// Counts one eval-breaker check against the budget; false once it is spent.
    pub(crate) fn charge_budget(&self) -> bool {
        self.budget_left.fetch_sub(1, Ordering::Relaxed) > 0
    }

    pub(crate) fn register_thread(&self, info: Arc<ThreadInfo>) {
        self.threads.lock().live.push(info);
    }

    pub(crate) fn unregister_thread(&self, info: &ThreadInfo) {
        if info.waker.take_pending() {
            self.interrupt_consumed();
        }
        let mut lists = self.threads.lock();
        if let Some(pos) = lists.live.iter().position(|t| t.ident == info.ident) {
            let info = lists.live.swap_remove(pos);
            lists.finished.push(info);
        }
    }

    /// Moves the finished thread `info` out of the finished list into the
    /// one row of calls from other interpreters (see `ThreadLists::folded`).
    pub fn fold_finished_thread(&self, info: &Arc<ThreadInfo>) {
        let mut lists = self.threads.lock();
        let Some(pos) = lists.finished.iter().position(|t| Arc::ptr_eq(t, info)) else { return };
        let info = lists.finished.swap_remove(pos);
        let stats = info.stats.snapshot();
        let row = lists.folded.get_or_insert_with(|| ThreadStatsRow {
            name: FOLDED_ROW.into(),
            ident: 0,
            alive: false,
            stats: GilStatsSnapshot { counting_since: stats.counting_since, ..GilStatsSnapshot::default() },
        });
        row.stats.add(&stats);
        row.stats.counting_since = row.stats.counting_since.min(stats.counting_since);
    }

    /// How many finished threads are kept, each in its own row.
    pub fn finished_thread_count(&self) -> usize {
        self.threads.lock().finished.len()
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
        let finished = lists.finished.iter().map(|t| row(t, false));
        let folded = lists.folded.iter().map(|f| ThreadStatsRow { name: f.name.clone(), ident: f.ident, alive: false, stats: f.stats });
        live.chain(finished).chain(folded).collect()
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
        lists.folded = None;
        for t in &lists.live {
            t.stats.reset();
        }
    }
}
