//! Ctrl-C and host interrupts: how a `KeyboardInterrupt` reaches the main
//! thread, also while it is blocked.
//!
//! The SIGINT handler only touches atomics: it sets the process flag
//! `SIGINT_PENDING` and the `SIGNAL` bit of the main interpreter's eval
//! breaker. The main thread sees the bit at its next `periodic_check` and
//! raises `KeyboardInterrupt` (other threads ignore it, as in CPython). A host
//! interrupt (`InterpreterState::interrupt`) sets the `INTERRUPT` bit instead
//! and is handled the same way in that interpreter's main thread.
//!
//! A blocked main thread runs no bytecode, so every blocking wait that must
//! be interruptible (lock acquire — hence `join`, queue gets, condition waits —
//! and `sleep`) goes through `wait_interruptibly`: in the main thread it
//! waits in slices of `WAIT_SLICE` and looks at the breaker between slices;
//! in other threads it waits in one piece. Polling costs one wake-up per slice
//! of a blocked main thread, and bounds the reaction time to Ctrl-C or an
//! interrupt by the slice.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use super::eval_breaker::EvalBreaker;
use super::gil_cell::os_thread;
use super::gil_stats::BlockingKind;
use super::interpreter::InterpreterState;
use super::ThreadState;
use crate::objects::PyResult;

/// How often a blocked main thread looks for Ctrl-C and interrupts.
pub const WAIT_SLICE: Duration = Duration::from_millis(10);

static SIGINT_PENDING: AtomicBool = AtomicBool::new(false);
static SIGNAL_BREAKER: OnceLock<Arc<EvalBreaker>> = OnceLock::new();

extern "C" fn on_sigint(_signum: libc::c_int) {
    SIGINT_PENDING.store(true, Ordering::SeqCst);
    if let Some(breaker) = SIGNAL_BREAKER.get() {
        breaker.set(EvalBreaker::SIGNAL);
    }
}

/// Routes SIGINT to `interp`'s main thread as `KeyboardInterrupt` (the CLI
/// calls this for the main interpreter; embedders may leave SIGINT alone).
/// Returns false if the handler could not be installed or was already routed.
pub fn install_sigint_handler(interp: &InterpreterState) -> bool {
    if SIGNAL_BREAKER.set(interp.gil.breaker().clone()).is_err() {
        return false;
    }
    os_thread::install_signal_handler(libc::SIGINT, on_sigint)
}

fn interrupt_requested(breaker: &EvalBreaker) -> bool {
    breaker.bits() & (EvalBreaker::SIGNAL | EvalBreaker::INTERRUPT) != 0
}

impl ThreadState {
    /// Raises `KeyboardInterrupt` if Ctrl-C or a host interrupt is pending
    /// and this is the thread that receives them.
    pub fn check_interrupts(&mut self) -> PyResult<()> {
        if !self.info.is_main {
            return Ok(());
        }
        let bits = self.breaker.bits();
        let mut raise = false;
        if bits & EvalBreaker::SIGNAL != 0 {
            self.breaker.clear(EvalBreaker::SIGNAL);
            raise |= SIGINT_PENDING.swap(false, Ordering::SeqCst);
        }
        if bits & EvalBreaker::INTERRUPT != 0 {
            self.breaker.clear(EvalBreaker::INTERRUPT);
            raise = true;
        }
        if raise {
            let cls = self.types().keyboard_interrupt.clone();
            return Err(self.new_exception(&cls, Vec::new()));
        }
        Ok(())
    }

    /// Blocks without the GIL until `attempt` succeeds or `deadline` passes.
    /// `attempt(until)` must block at most until `until` (forever for `None`)
    /// and return `Some` once done. Returns `Ok(None)` on timeout, and raises
    /// `KeyboardInterrupt` if the main thread is interrupted meanwhile.
    pub fn wait_interruptibly<R, F>(&mut self, kind: BlockingKind, deadline: Option<Instant>, mut attempt: F) -> PyResult<Option<R>>
    where
        R: Send,
        F: FnMut(Option<Instant>) -> Option<R> + Send,
    {
        if !self.info.is_main {
            return Ok(self.allow_threads_as(kind, move || attempt(deadline)));
        }
        loop {
            let breaker = self.breaker.clone();
            let attempt = &mut attempt;
            let outcome = self.allow_threads_as(kind, move || loop {
                let slice_end = Instant::now() + WAIT_SLICE;
                let until = deadline.map_or(slice_end, |d| d.min(slice_end));
                if let Some(done) = attempt(Some(until)) {
                    return Some(Some(done));
                }
                if deadline.is_some_and(|d| Instant::now() >= d) {
                    return Some(None);
                }
                if interrupt_requested(&breaker) {
                    return None;
                }
            });
            match outcome {
                Some(result) => return Ok(result),
                None => self.check_interrupts()?,
            }
        }
    }

    /// `time.sleep(duration)`: sleeps without the GIL; in the main thread a
    /// Ctrl-C or interrupt cuts it short with `KeyboardInterrupt`.
    pub fn interruptible_sleep(&mut self, duration: Duration) -> PyResult<()> {
        let deadline = Instant::now().checked_add(duration);
        let finished = self.wait_interruptibly(BlockingKind::Sleep, deadline, move |until| {
            let now = Instant::now();
            match until {
                Some(until) if until > now => std::thread::sleep(until - now),
                Some(_) => {}
                None => std::thread::sleep(duration),
            }
            None::<()>
        })?;
        debug_assert!(finished.is_none());
        Ok(())
    }
}
