//! The runtime state: one per process (CPython's `_PyRuntimeState`).
//! It knows every interpreter; process-wide settings live here.
//!
//! Per process: this list, the ident of the process's main thread, the
//! SIGINT flag (`vm::signals`) and the exit flag. Everything else belongs to
//! an interpreter (`InterpreterState`) or a thread (`ThreadState`).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use parking_lot::Mutex;

use super::eval_breaker::EvalBreaker;
use super::gil_cell::os_thread;
use super::interpreter::{InterpConfig, InterpreterState};

pub struct Runtime {
    /// Every live interpreter, the main one first.
    pub interpreters: Mutex<Vec<Arc<InterpreterState>>>,
    /// `pthread_self` of the thread that first touched the runtime.
    pub main_thread_ident: u64,
    next_interpreter_id: AtomicU64,
    /// Set once the process has begun exiting: threads that wake up after
    /// this must not start new work (daemon threads are abandoned).
    finalizing: AtomicBool,
}

impl Runtime {
    /// The process's runtime.
    pub fn get() -> &'static Runtime {
        static RUNTIME: OnceLock<Runtime> = OnceLock::new();
        RUNTIME.get_or_init(|| Runtime {
            interpreters: Mutex::new(Vec::new()),
            main_thread_ident: os_thread::ident(),
            next_interpreter_id: AtomicU64::new(0),
            finalizing: AtomicBool::new(false),
        })
    }

    /// Creates and registers a new interpreter (the first one is the main interpreter, id 0).
    pub fn new_interpreter(&self) -> Arc<InterpreterState> {
        self.new_interpreter_with(InterpConfig::default())
    }

    /// Creates and registers a new interpreter set up as `config` says.
    pub fn new_interpreter_with(&self, config: InterpConfig) -> Arc<InterpreterState> {
        let id = self.next_interpreter_id.fetch_add(1, Ordering::Relaxed);
        let interp = InterpreterState::with_config(id, config);
        self.interpreters.lock().push(interp.clone());
        interp
    }

    /// Forgets a closed interpreter (its state lives on while threads hold it).
    pub fn remove_interpreter(&self, id: u64) {
        self.interpreters.lock().retain(|i| i.id != id);
    }

    pub fn main_interpreter(&self) -> Option<Arc<InterpreterState>> {
        self.interpreters.lock().first().cloned()
    }

    /// Marks the process as exiting: from now on threads other than an
    /// interpreter's main thread park at their next eval-breaker check
    /// instead of running more bytecode (see `EvalBreaker::FINALIZING`).
    /// The caller (the exiting main thread) should then call `process::exit`
    /// while still attached, so daemon threads never see freed state.
    pub fn begin_finalizing(&self) {
        self.finalizing.store(true, Ordering::Relaxed);
        for interp in self.interpreters.lock().iter() {
            interp.gil.breaker().set(EvalBreaker::FINALIZING);
        }
    }

    pub fn is_finalizing(&self) -> bool {
        self.finalizing.load(Ordering::Relaxed)
    }
}
