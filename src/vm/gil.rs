//! The global interpreter lock (provisional: a plain mutex-and-condition lock;
//! the full protocol — drop requests, forced switching, hand-over — replaces it).

use std::marker::PhantomData;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use parking_lot::{Condvar, Mutex};

pub struct Gil {
    locked: Mutex<bool>,
    cond: Condvar,
    /// `sys.getswitchinterval()`, in microseconds.
    switch_interval_us: AtomicU64,
}

/// Proof that the current thread holds a GIL. Not `Send`: it cannot leave the
/// thread that acquired it, and it exists only between acquire and release.
pub struct GilToken {
    gil: Arc<Gil>,
    _not_send: PhantomData<*const ()>,
}

impl Default for Gil {
    fn default() -> Self {
        Gil { locked: Mutex::new(false), cond: Condvar::new(), switch_interval_us: AtomicU64::new(5000) }
    }
}

impl Gil {
    pub fn acquire(gil: &Arc<Gil>) -> GilToken {
        let mut locked = gil.locked.lock();
        while *locked {
            gil.cond.wait(&mut locked);
        }
        *locked = true;
        GilToken { gil: gil.clone(), _not_send: PhantomData }
    }

    pub fn switch_interval(&self) -> Duration {
        Duration::from_micros(self.switch_interval_us.load(Ordering::Relaxed))
    }

    pub fn set_switch_interval(&self, interval: Duration) {
        self.switch_interval_us.store(interval.as_micros().max(1) as u64, Ordering::Relaxed);
    }

    fn reacquire(&self) {
        let mut locked = self.locked.lock();
        while *locked {
            self.cond.wait(&mut locked);
        }
        *locked = true;
    }

    fn release(&self) {
        *self.locked.lock() = false;
        self.cond.notify_one();
    }
}

impl GilToken {
    pub fn debug_assert_held(&self) {
        debug_assert!(*self.gil.locked.lock(), "GIL token used while the GIL is released");
    }
}

impl GilToken {
    /// Runs `f` with the GIL released. `f` is `Send`, so it cannot capture a
    /// `Value` or anything else that needs the GIL; the token is borrowed
    /// mutably for the duration, so nothing reachable through it can be used either.
    pub fn allow_threads<F: FnOnce() -> R + Send, R: Send>(&mut self, f: F) -> R {
        self.gil.release();
        let result = f();
        self.gil.reacquire();
        result
    }
}

impl Drop for GilToken {
    fn drop(&mut self) {
        self.gil.release();
    }
}
