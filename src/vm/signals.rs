//! Ctrl-C and host interrupts: how a `KeyboardInterrupt` reaches the main
//! thread, also while it is blocked.
//!
//! The SIGINT handler only touches atomics: it sets the process flag
//! `SIGINT_PENDING` and the `SIGNAL` bit of the main interpreter's eval
//! breaker. The main thread sees the bit at its next `periodic_check` and
//! raises `KeyboardInterrupt` (other threads ignore it, as in CPython). A host
//! interrupt (`InterpreterState::interrupt_where`) aims at chosen threads of
//! an interpreter: it marks each one's `Waker` pending, sets the `INTERRUPT`
//! bit, and wakes the thread from whatever it is blocked in (`vm::unblock`).
//!
//! A blocked thread runs no bytecode, so every blocking wait that must be
//! interruptible (lock acquire — hence `join`, queue gets, condition waits —
//! `sleep`, `select`, socket I/O) goes through `wait_interruptibly`, which
//! makes the thread's waker reachable to the blocking primitive. Host
//! interrupts wake the wait at once, in any thread. Ctrl-C cannot (a signal
//! handler may only touch atomics), so the main thread of the interpreter
//! that receives SIGINT waits in slices of `WAIT_SLICE` and looks at the
//! breaker between slices: one wake-up per slice, and a reaction time to
//! Ctrl-C bounded by the slice.

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
    breaker.bits() & EvalBreaker::SIGNAL != 0
}

impl ThreadState {
    /// Raises `KeyboardInterrupt` if Ctrl-C is pending and this is the main
    /// thread, or if a host interrupt is pending for this thread.
    pub fn check_interrupts(&mut self) -> PyResult<()> {
        let bits = self.breaker.bits();
        let mut raise = false;
        if bits & EvalBreaker::SIGNAL != 0 && self.info.is_main {
            self.breaker.clear(EvalBreaker::SIGNAL);
            raise |= SIGINT_PENDING.swap(false, Ordering::SeqCst);
        }
        if self.info.waker.take_pending() {
            self.interp.interrupt_consumed();
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
    /// and return `Some` once done; it may return `None` early when woken by
    /// an interrupt (see `vm::unblock`, which it finds set up for this
    /// thread). Returns `Ok(None)` on timeout, and raises `KeyboardInterrupt`
    /// if this thread is interrupted meanwhile (or, in the main thread, on
    /// Ctrl-C: a signal handler cannot wake a condition variable, so there
    /// the wait is cut in slices of `WAIT_SLICE`).
    pub fn wait_interruptibly<R, F>(&mut self, kind: BlockingKind, deadline: Option<Instant>, mut attempt: F) -> PyResult<Option<R>>
    where
        R: Send,
        F: FnMut(Option<Instant>) -> Option<R> + Send,
    {
        let sliced = self.info.is_main && SIGNAL_BREAKER.get().is_some_and(|b| Arc::ptr_eq(b, &self.breaker));
        loop {
            let breaker = self.breaker.clone();
            let info = self.info.clone();
            let attempt = &mut attempt;
            let outcome = self.allow_threads_as(kind, move || {
                let _current = super::unblock::enter(info.clone());
                loop {
                    if info.waker.is_pending() {
                        return None;
                    }
                    let until = match sliced {
                        true => {
                            let slice_end = Instant::now() + WAIT_SLICE;
                            Some(deadline.map_or(slice_end, |d| d.min(slice_end)))
                        }
                        false => deadline,
                    };
                    if let Some(done) = attempt(until) {
                        return Some(Some(done));
                    }
                    if deadline.is_some_and(|d| Instant::now() >= d) {
                        return Some(None);
                    }
                    if sliced && interrupt_requested(&breaker) {
                        return None;
                    }
                }
            });
            match outcome {
                Some(result) => return Ok(result),
                None => self.check_interrupts()?,
            }
        }
    }

    /// `time.sleep(duration)`: sleeps without the GIL; an interrupt of this
    /// thread (or Ctrl-C in the main thread) cuts it short with `KeyboardInterrupt`.
    pub fn interruptible_sleep(&mut self, duration: Duration) -> PyResult<()> {
        let deadline = Instant::now().checked_add(duration);
        let finished = self.wait_interruptibly(BlockingKind::Sleep, deadline, move |until| {
            super::unblock::sleep_until(until);
            None::<()>
        })?;
        debug_assert!(finished.is_none());
        Ok(())
    }
}
