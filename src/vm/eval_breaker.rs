//! The eval breaker: one atomic word per interpreter that the eval loop polls
//! at every backward jump and every call (CPython's `eval_breaker`).
//!
//! Why there: every loop iterates through a backward jump and every recursion
//! goes through a call, so a thread running bytecode reaches a check within a
//! bounded number of instructions — a drop request or Ctrl-C is seen in
//! microseconds — while straight-line code pays nothing.
//!
//! The fast path is one relaxed load and a compare with zero, inlined into the
//! loop; everything else sits behind `#[cold]`. Relaxed suffices: the word
//! only says "look"; what to do is read under the GIL's mutex (drop request)
//! or from the flag that was set before the bit (signals, interrupts).
//!
//! Bits: `DROP_REQUEST` is set and cleared under the GIL mutex (see `gil.rs`);
//! `SIGNAL` is set by the SIGINT handler on the main interpreter and cleared
//! by the main thread when it raises `KeyboardInterrupt`; `INTERRUPT` is set by
//! an embedder's interrupt handle and cleared by the thread that acts on it.
//! `FINALIZING` is set once, by `Runtime::begin_finalizing`, and never cleared.
//! `BUDGET` stays set in an interpreter with an instruction budget (each check
//! is then counted, in `handle_eval_breaker`); `MEMORY` is set by the
//! allocator's accounting when the interpreter goes over its memory limit
//! (`vm::memory`) and cleared by the thread that raises `MemoryError`.
//! `DROPPED_GENERATORS` is set when a suspended generator is dropped and
//! cleared by the thread that closes its queued generators (`vm::dropped`).

use std::sync::atomic::{AtomicU32, Ordering::Relaxed};

use super::ThreadState;
use crate::objects::PyResult;

pub struct EvalBreaker {
    word: AtomicU32,
}

impl EvalBreaker {
    /// Another thread waits for the GIL: the holder should drop it.
    pub const DROP_REQUEST: u32 = 1;
    /// A signal (SIGINT) is pending for the main thread.
    pub const SIGNAL: u32 = 2;
    /// The host asked to interrupt the script (issue 8's interrupt handle).
    pub const INTERRUPT: u32 = 4;
    /// The process is exiting: threads other than the main one stop at their
    /// next check (daemon threads are abandoned there, never mid-instruction).
    pub const FINALIZING: u32 = 8;
    /// The interpreter has an instruction budget: every check counts against
    /// it (so a budgeted interpreter always takes the slow path; others never).
    pub const BUDGET: u32 = 16;
    /// The interpreter's threads went over its memory limit.
    pub const MEMORY: u32 = 32;
    /// A generator was dropped while suspended: close it (`vm::dropped`).
    pub const DROPPED_GENERATORS: u32 = 64;

    pub const fn new() -> EvalBreaker {
        EvalBreaker { word: AtomicU32::new(0) }
    }

    /// Whether anything at all is requested (the eval loop's only question).
    #[inline(always)]
    pub fn is_set(&self) -> bool {
        self.word.load(Relaxed) != 0
    }

    pub fn bits(&self) -> u32 {
        self.word.load(Relaxed)
    }

    pub fn set(&self, bits: u32) {
        self.word.fetch_or(bits, Relaxed);
    }

    pub fn clear(&self, bits: u32) {
        self.word.fetch_and(!bits, Relaxed);
    }
}

impl Default for EvalBreaker {
    fn default() -> Self {
        EvalBreaker::new()
    }
}

impl ThreadState {
    /// Called by the eval loop at every backward jump and call: drops the GIL
    /// if another thread asked for it, raises `KeyboardInterrupt` for a
    /// pending Ctrl-C or host interrupt.
    #[inline(always)]
    pub fn periodic_check(&mut self) -> PyResult<()> {
        if self.breaker.is_set() {
            return self.handle_eval_breaker();
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn handle_eval_breaker(&mut self) -> PyResult<()> {
        let bits = self.breaker.bits();
        if bits & EvalBreaker::FINALIZING != 0 && !self.info.is_main {
            self.abandon();
        }
        if bits & EvalBreaker::DROP_REQUEST != 0 {
            self.token.yield_to_waiter();
        }
        if bits & (EvalBreaker::SIGNAL | EvalBreaker::INTERRUPT) != 0 {
            self.check_interrupts()?;
        }
        if bits & EvalBreaker::BUDGET != 0 && !self.interp.charge_budget() {
            let cls = self.objs.budget_exceeded.clone();
            return Err(self.new_error(&cls, "instruction budget exhausted"));
        }
        if bits & EvalBreaker::DROPPED_GENERATORS != 0 {
            self.breaker.clear(EvalBreaker::DROPPED_GENERATORS);
            super::dropped::close_dropped(self);
        }
        if bits & EvalBreaker::MEMORY != 0 {
            self.breaker.clear(EvalBreaker::MEMORY);
            if super::memory::over_limit(&self.interp) {
                return Err(self.memory_error("memory limit of the interpreter exceeded"));
            }
        }
        Ok(())
    }
}

impl ThreadState {
    /// Parks a non-main thread for good once the process is exiting: it
    /// releases the GIL (so the exiting thread is never blocked by it) and
    /// touches nothing again; `process::exit` ends it.
    fn abandon(&mut self) -> ! {
        self.token.release(super::gil_stats::BlockingKind::Other);
        loop {
            std::thread::park();
        }
    }
}
