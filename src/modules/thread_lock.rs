//! The lock behind `_thread.lock` and `_thread.RLock`: a flag under a
//! `parking_lot` mutex with a condition variable, shared by `Arc` so a
//! waiting thread can hold it while the GIL is released.
//!
//! A release by the GIL holder frees the lock at once but wakes a waiter
//! only when the holder next lets go of the GIL (`GilToken::defer_wake`):
//! woken earlier, the waiter would take the lock and then sleep again on the
//! GIL, two OS wake-ups per hand-off instead of one.

use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use crate::objects::PyResult;
use crate::vm::gil::GilToken;
use crate::vm::gil_stats::BlockingKind;
use crate::vm::ThreadState;

#[derive(Default)]
pub struct LockCore {
    locked: Mutex<LockState>,
    released: Condvar,
}

#[derive(Default)]
struct LockState {
    locked: bool,
    /// Threads asleep in `acquire_until` (a release without any wakes no one).
    waiters: usize,
}

impl LockCore {
    pub fn try_acquire(&self) -> bool {
        let mut state = self.locked.lock();
        !std::mem::replace(&mut state.locked, true)
    }

    /// Blocks until the lock is taken (true) or `until` passes (false).
    pub fn acquire_until(&self, until: Option<Instant>) -> bool {
        let mut state = self.locked.lock();
        while state.locked {
            if crate::vm::unblock::requested() {
                return false;
            }
            state.waiters += 1;
            let timed_out = match until {
                Some(until) => self.released.wait_until(&mut state, until).timed_out(),
                None => {
                    self.released.wait(&mut state);
                    false
                }
            };
            state.waiters -= 1;
            if timed_out && state.locked {
                return false;
            }
        }
        state.locked = true;
        true
    }

    /// Unlocks and wakes one waiter at once; false if the lock was not locked.
    pub fn release(&self) -> bool {
        match self.unlock() {
            Some(waiters) => {
                if waiters > 0 {
                    self.released.notify_one();
                }
                true
            }
            None => false,
        }
    }

    /// Unlocks for the GIL holder `token`: a waiter is woken when it next
    /// lets go of the GIL (see the module notes). False if it was not locked.
    pub fn release_deferred(self: &Arc<Self>, token: &mut GilToken) -> bool {
        match self.unlock() {
            Some(waiters) => {
                if waiters > 0 {
                    let core = self.clone();
                    token.defer_wake(Box::new(move || core.wake_one()));
                }
                true
            }
            None => false,
        }
    }

    /// Clears the flag; the number of waiters then, or None if it was clear.
    fn unlock(&self) -> Option<usize> {
        let mut state = self.locked.lock();
        std::mem::replace(&mut state.locked, false).then_some(state.waiters)
    }

    fn wake_one(&self) {
        self.released.notify_one();
    }

    pub fn is_locked(&self) -> bool {
        self.locked.lock().locked
    }
}

impl crate::vm::unblock::Unblock for LockCore {
    fn unblock(&self) {
        let _locked = self.locked.lock();
        self.released.notify_all();
    }
}

/// Acquires `core` for the current thread: at once if it is free (without
/// releasing the GIL), else waiting without the GIL — interruptibly in the
/// main thread — for at most `timeout` (`None`: forever).
pub fn acquire(ts: &mut ThreadState, core: &Arc<LockCore>, blocking: bool, timeout: Option<Duration>) -> PyResult<bool> {
    if core.try_acquire() {
        return Ok(true);
    }
    if !blocking {
        return Ok(false);
    }
    let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
    let core = core.clone();
    let taken = ts.wait_interruptibly(BlockingKind::LockWait, deadline, move |until| {
        let _wake = crate::vm::unblock::register(core.clone());
        core.acquire_until(until).then_some(())
    })?;
    Ok(taken.is_some())
}
