//! Memory accounting for interpreters with a memory limit.
//!
//! The process's allocator (`gil_cell::CountingAlloc`, which an embedder
//! installs with `#[global_allocator]`) reports every allocation and free to
//! `charge`. A thread attached to an interpreter with a limit has that
//! interpreter's `MemAccount` as its thread-local account; bytes are summed in
//! a thread-local counter and moved to the account's shared total once they
//! reach `BATCH` either way, so the common allocation costs a thread-local
//! read and an add. When the total goes over the limit the account sets the
//! interpreter's `MEMORY` eval-breaker bit, and the thread running bytecode
//! raises `MemoryError` at its next check (an allocation is never refused:
//! that would abort the process).
//!
//! Accounts are `&'static`: the allocator cannot reach an `Arc` without
//! allocating. They are pooled, so there are never more than the largest
//! number of limited interpreters alive at once. The figure is approximate:
//! it counts whatever an attached thread allocates (the VM's frames, host
//! conversions), and frees made by a thread attached elsewhere go uncounted.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering::Relaxed};
use std::sync::Arc;

use parking_lot::Mutex;

use super::eval_breaker::EvalBreaker;
use super::interpreter::InterpreterState;

/// Bytes a thread accumulates before touching the shared total.
const BATCH: isize = 32 << 10;

pub struct MemAccount {
    used: AtomicIsize,
    limit: AtomicIsize,
    breaker: Mutex<Option<Arc<EvalBreaker>>>,
}

static POOL: Mutex<Vec<&'static MemAccount>> = Mutex::new(Vec::new());
static INSTALLED: AtomicBool = AtomicBool::new(false);

thread_local! {
    static ACCOUNT: Cell<Option<&'static MemAccount>> = const { Cell::new(None) };
    static PENDING: Cell<isize> = const { Cell::new(0) };
}

impl MemAccount {
    /// An account for an interpreter limited to `limit` bytes.
    pub fn take(limit: usize, breaker: Arc<EvalBreaker>) -> &'static MemAccount {
        let account = POOL.lock().pop().unwrap_or_else(|| {
            Box::leak(Box::new(MemAccount { used: AtomicIsize::new(0), limit: AtomicIsize::new(0), breaker: Mutex::new(None) }))
        });
        account.used.store(0, Relaxed);
        account.limit.store(limit.min(isize::MAX as usize) as isize, Relaxed);
        *account.breaker.lock() = Some(breaker);
        account
    }

    /// Gives the account back when its interpreter is gone.
    pub fn give_back(account: &'static MemAccount) {
        let breaker = account.breaker.lock().take();
        drop(breaker);
        POOL.lock().push(account);
    }

    /// Bytes counted so far (threads' unflushed batches excepted).
    pub fn used(&self) -> usize {
        self.used.load(Relaxed).max(0) as usize
    }

    fn add(&self, bytes: isize) {
        let used = self.used.fetch_add(bytes, Relaxed) + bytes;
        if bytes > 0 && used > self.limit.load(Relaxed) {
            if let Some(breaker) = self.breaker.lock().as_ref() {
                breaker.set(EvalBreaker::MEMORY);
            }
        }
    }
}

/// Called by the allocator for every allocation (`bytes > 0`) and free.
#[inline]
pub fn charge(bytes: isize) {
    let _ = ACCOUNT.try_with(|account| {
        if let Some(account) = account.get() {
            let _ = PENDING.try_with(|pending| {
                let total = pending.get() + bytes;
                if total.abs() >= BATCH {
                    pending.set(0);
                    account.add(total);
                } else {
                    pending.set(total);
                }
            });
        }
    });
}

/// Makes `account` the current thread's (flushing the previous one's batch);
/// returns the previous account.
pub fn enter(account: Option<&'static MemAccount>) -> Option<&'static MemAccount> {
    let previous = ACCOUNT.with(|a| a.replace(None));
    let pending = PENDING.with(|p| p.replace(0));
    if let Some(previous) = previous {
        previous.add(pending);
    }
    ACCOUNT.with(|a| a.set(account));
    previous
}

/// Whether `interp` is over its memory limit now.
pub fn over_limit(interp: &InterpreterState) -> bool {
    match interp.memory {
        Some(account) => {
            let pending = PENDING.with(|p| p.replace(0));
            account.add(pending);
            account.used.load(Relaxed) > account.limit.load(Relaxed)
        }
        None => false,
    }
}

/// Whether the process allocates through `gil_cell::CountingAlloc`: a
/// memory limit means nothing otherwise.
pub fn allocator_installed() -> bool {
    if INSTALLED.load(Relaxed) {
        return true;
    }
    let probe = MemAccount { used: AtomicIsize::new(0), limit: AtomicIsize::new(isize::MAX), breaker: Mutex::new(None) };
    let probe: &'static MemAccount = Box::leak(Box::new(probe));
    let previous = enter(Some(probe));
    let block = std::hint::black_box(vec![0u8; BATCH as usize]);
    let seen = PENDING.with(|p| p.get()) != 0 || probe.used.load(Relaxed) != 0;
    drop(block);
    enter(previous);
    POOL.lock().push(probe);
    INSTALLED.store(seen, Relaxed);
    seen
}
