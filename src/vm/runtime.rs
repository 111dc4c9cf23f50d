//! The runtime state: one per process (CPython's `_PyRuntimeState`).
//! It knows every interpreter; process-wide settings live here.

use std::sync::{Arc, OnceLock};

use parking_lot::Mutex;

use super::interpreter::InterpreterState;

pub struct Runtime {
    /// Every live interpreter, the main one first.
    pub interpreters: Mutex<Vec<Arc<InterpreterState>>>,
}

impl Runtime {
    /// The process's runtime.
    pub fn get() -> &'static Runtime {
        static RUNTIME: OnceLock<Runtime> = OnceLock::new();
        RUNTIME.get_or_init(|| Runtime { interpreters: Mutex::new(Vec::new()) })
    }
}
