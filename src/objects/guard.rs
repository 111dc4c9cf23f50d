//! A bound on native recursion (nested containers in `repr`, `==`, `hash`):
//! Rust recursion that a script can drive must end in `RecursionError`
//! before the native stack runs out.

use std::cell::Cell;

use super::PyResult;
use crate::vm::ThreadState;

const NATIVE_DEPTH_LIMIT: u32 = 1000;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// One level of native recursion; leaving the level drops it.
pub struct DepthGuard(());

impl Drop for DepthGuard {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

impl ThreadState {
    /// Enters one level of native recursion; `what` completes the message
    /// "maximum recursion depth exceeded ...".
    pub fn enter_native(&mut self, what: &str) -> PyResult<DepthGuard> {
        self.check_recursion(&format!(" {what}"))?;
        let depth = DEPTH.with(|d| d.get());
        if depth >= NATIVE_DEPTH_LIMIT {
            return Err(self.recursion_error(format!("maximum recursion depth exceeded {what}")));
        }
        DEPTH.with(|d| d.set(depth + 1));
        Ok(DepthGuard(()))
    }
}

impl ThreadState {
    /// `MemoryError()`, for allocations refused up front.
    pub fn no_memory(&mut self) -> crate::objects::PyErr {
        let cls = self.types().memory_error.clone();
        self.new_exception(&cls, Vec::new())
    }
}
