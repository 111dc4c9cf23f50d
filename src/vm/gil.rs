//! The global interpreter lock (provisional: a plain mutex-and-condition lock;
//! the full protocol — drop requests, forced switching, hand-over — replaces it).

use std::marker::PhantomData;
use std::sync::Arc;

use parking_lot::{Condvar, Mutex};

pub struct Gil {
    locked: Mutex<bool>,
    cond: Condvar,
}

/// Proof that the current thread holds a GIL. Not `Send`: it cannot leave the
/// thread that acquired it, and it exists only between acquire and release.
pub struct GilToken {
    gil: Arc<Gil>,
    _not_send: PhantomData<*const ()>,
}

impl Default for Gil {
    fn default() -> Self {
        Gil { locked: Mutex::new(false), cond: Condvar::new() }
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

impl Drop for GilToken {
    fn drop(&mut self) {
        self.gil.release();
    }
}
