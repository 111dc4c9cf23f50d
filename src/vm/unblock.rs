//! Waking one blocked thread from another: the per-thread half of the host
//! interrupt (Ruby's `rb_thread_call_without_gvl` takes an "unblocking
//! function" for the same purpose).
//!
//! Every thread in an interpreter has a `Waker` in its `ThreadInfo`. An
//! interrupt aimed at the thread sets the waker's `pending` flag and then
//! wakes whatever the thread is blocked in:
//! - its own condition variable, on which `time.sleep` waits (`sleep_until`);
//! - the waiter registered with `register` (a lock registers itself: waking
//!   it is a `notify_all` under the lock's mutex);
//! - a socket pair, created the first time the thread waits in `poll`: poll
//!   based waits (sockets, `select`) add its read end to their descriptors
//!   (`wake_fd`), and the interrupt writes a byte to it.
//!
//! The blocking primitives find the waker of the thread they run on through
//! a thread-local that `ThreadState::wait_interruptibly` sets around each
//! wait, so their signatures do not change. No wake-up is lost: the
//! interrupter sets `pending` before waking, and each primitive checks
//! `requested()` after registering and under the same mutex it waits with.

use std::cell::RefCell;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use parking_lot::{Condvar, Mutex};

/// Something a blocked thread waits on that another thread can wake.
pub trait Unblock: Send + Sync {
    /// Wakes every thread waiting on `self` (they re-check `requested()`).
    fn unblock(&self);
}

/// How to wake one thread (see the module docs).
#[derive(Default)]
pub struct Waker {
    pending: AtomicBool,
    registered: Mutex<Option<Arc<dyn Unblock>>>,
    sleep_lock: Mutex<()>,
    sleep_cv: Condvar,
    /// (read end, write end), made on the first poll-based wait.
    pipe: OnceLock<Option<(UnixStream, UnixStream)>>,
}

impl Waker {
    /// Marks an interrupt pending and wakes the thread from any wait.
    /// Returns false if one was already pending.
    pub fn wake(&self) -> bool {
        if self.pending.swap(true, Ordering::SeqCst) {
            return false;
        }
        {
            let _guard = self.sleep_lock.lock();
            self.sleep_cv.notify_all();
        }
        let registered = self.registered.lock().clone();
        if let Some(waiter) = registered {
            waiter.unblock();
        }
        if let Some(Some((_, write))) = self.pipe.get() {
            let _ = (&*write).write(&[1]);
        }
        true
    }

    pub fn is_pending(&self) -> bool {
        self.pending.load(Ordering::SeqCst)
    }

    /// Consumes a pending interrupt (true if there was one).
    pub fn take_pending(&self) -> bool {
        if !self.pending.swap(false, Ordering::SeqCst) {
            return false;
        }
        if let Some(Some((read, _))) = self.pipe.get() {
            let mut sink = [0u8; 16];
            while matches!((&*read).read(&mut sink), Ok(n) if n > 0) {}
        }
        true
    }

    fn wake_fd(&self) -> Option<RawFd> {
        let pipe = self.pipe.get_or_init(|| {
            let (read, write) = UnixStream::pair().ok()?;
            read.set_nonblocking(true).ok()?;
            write.set_nonblocking(true).ok()?;
            Some((read, write))
        });
        let (read, write) = pipe.as_ref()?;
        // An interrupt that came before the pipe existed wrote nothing.
        if self.is_pending() {
            let _ = (&*write).write(&[1]);
        }
        Some(read.as_raw_fd())
    }

    fn sleep_until(&self, until: Option<Instant>) {
        let mut guard = self.sleep_lock.lock();
        while !self.is_pending() {
            match until {
                Some(until) => {
                    if self.sleep_cv.wait_until(&mut guard, until).timed_out() {
                        return;
                    }
                }
                None => self.sleep_cv.wait(&mut guard),
            }
        }
    }
}

thread_local! {
    /// The waker of the thread while it is inside `wait_interruptibly`.
    static CURRENT: RefCell<Option<Arc<crate::vm::thread_state::ThreadInfo>>> = const { RefCell::new(None) };
}

/// Makes `info`'s waker the current thread's until the guard drops.
pub(crate) fn enter(info: Arc<crate::vm::thread_state::ThreadInfo>) -> Entered {
    let previous = CURRENT.with(|c| c.replace(Some(info)));
    Entered { previous }
}

pub(crate) struct Entered {
    previous: Option<Arc<crate::vm::thread_state::ThreadInfo>>,
}

impl Drop for Entered {
    fn drop(&mut self) {
        let previous = self.previous.take();
        CURRENT.with(|c| *c.borrow_mut() = previous);
    }
}

fn with_current<R>(f: impl FnOnce(&Waker) -> R) -> Option<R> {
    CURRENT.with(|c| c.borrow().as_ref().map(|info| f(&info.waker)))
}

/// Whether an interrupt asks the current thread to stop waiting.
pub fn requested() -> bool {
    with_current(Waker::is_pending).unwrap_or(false)
}

/// A descriptor that turns readable when the current thread is interrupted,
/// for poll-based waits to add to their set (`None` outside an interruptible wait).
pub fn wake_fd() -> Option<RawFd> {
    with_current(Waker::wake_fd).flatten()
}

/// Sleeps until `until` (forever for `None`) or an interrupt.
pub fn sleep_until(until: Option<Instant>) {
    let slept = with_current(|w| w.sleep_until(until));
    if slept.is_none() {
        let now = Instant::now();
        match until {
            Some(until) => std::thread::sleep(until.saturating_duration_since(now)),
            None => std::thread::park(),
        }
    }
}

/// Registers `waiter` as what an interrupt of the current thread must wake,
/// until the returned guard drops. Check `requested()` afterwards, before
/// blocking, under the mutex `waiter.unblock()` takes.
pub fn register(waiter: Arc<dyn Unblock>) -> Registered {
    let info = CURRENT.with(|c| c.borrow().clone());
    if let Some(info) = &info {
        *info.waker.registered.lock() = Some(waiter);
    }
    Registered { info }
}

pub struct Registered {
    info: Option<Arc<crate::vm::thread_state::ThreadInfo>>,
}

impl Drop for Registered {
    fn drop(&mut self) {
        if let Some(info) = &self.info {
            *info.waker.registered.lock() = None;
        }
    }
}
