//! The lock behind `_thread.lock` and `_thread.RLock`: a flag under a
//! `parking_lot` mutex with a condition variable, shared by `Arc` so a
//! waiting thread can hold it while the GIL is released.

use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use crate::objects::PyResult;
use crate::vm::gil_stats::BlockingKind;
use crate::vm::ThreadState;

#[derive(Default)]
pub struct LockCore {
    locked: Mutex<bool>,
    released: Condvar,
}

impl LockCore {
    pub fn try_acquire(&self) -> bool {
        let mut locked = self.locked.lock();
        !std::mem::replace(&mut *locked, true)
    }

    /// Blocks until the lock is taken (true) or `until` passes (false).
    pub fn acquire_until(&self, until: Option<Instant>) -> bool {
        let mut locked = self.locked.lock();
        while *locked {
            if crate::vm::unblock::requested() {
                return false;
            }
            match until {
                Some(until) => {
                    if self.released.wait_until(&mut locked, until).timed_out() && *locked {
                        return false;
                    }
                }
                None => self.released.wait(&mut locked),
            }
        }
        *locked = true;
        true
    }

    /// Unlocks; false if the lock was not locked.
    pub fn release(&self) -> bool {
        let mut locked = self.locked.lock();
        if !*locked {
            return false;
        }
        *locked = false;
        drop(locked);
        self.released.notify_one();
        true
    }

    pub fn is_locked(&self) -> bool {
        *self.locked.lock()
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
