//! Starting an OS thread that runs a Python callable (`_thread.start_new_thread`).
//!
//! The callable and its arguments are `Value`s (`!Send`): they cross to the
//! new thread inside a `GilBound`, which the new thread can open only after
//! attaching to the interpreter, i.e. under the same GIL. Threads get a small
//! native stack (`thread_stack_size`, 256 KiB by default) so that tens of
//! thousands can exist at once; the VM's native-stack guard reads the size
//! from the thread state.
//!
//! Each thread costs the process two memory mappings (its stack and guard
//! page; threads are started with `os_thread::spawn_detached`, which unlike
//! `std::thread` maps no signal stack), and the kernel caps mappings
//! (`vm.max_map_count`, 65530 by default). Running out makes the thread
//! runtime fail inside a new thread, where it cannot be reported, so the
//! number of live script threads is capped below that: `start_thread` waits
//! (without the GIL) for a running thread to end when the cap is reached, and
//! raises `RuntimeError("can't start new thread")` only if none ends within
//! `SLOT_WAIT`.

use std::mem::ManuallyDrop;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use super::gil_cell::GilBound;
use super::gil_stats::BlockingKind;
use super::interpreter::InterpreterState;
use super::ThreadState;
use crate::objects::{Args, Gc, PyErr, PyResult, PyStr, Value};

/// Native stack of threads started by scripts when `_thread.stack_size` was not set.
pub const DEFAULT_THREAD_STACK: usize = 256 << 10;
/// The smallest size `_thread.stack_size` accepts (as CPython).
pub const MIN_THREAD_STACK: usize = 32 << 10;

/// `_thread.stack_size()`: 0 means "the default".
static STACK_SIZE: AtomicUsize = AtomicUsize::new(0);

pub fn thread_stack_size() -> usize {
    STACK_SIZE.load(Ordering::Relaxed)
}

pub fn set_thread_stack_size(size: usize) {
    STACK_SIZE.store(size, Ordering::Relaxed);
}

/// How long `start_thread` waits for a thread slot before giving up.
const SLOT_WAIT: Duration = Duration::from_secs(5);
/// Memory mappings one thread needs (see the module docs).
const MAPPINGS_PER_THREAD: usize = 2;
/// Mappings left for everything else in the process.
const MAPPINGS_RESERVED: usize = 4096;

/// Live script threads, against `max_threads()`.
struct ThreadSlots {
    live: Mutex<usize>,
    freed: Condvar,
}

static SLOTS: ThreadSlots = ThreadSlots { live: Mutex::new(0), freed: Condvar::new() };

fn max_threads() -> usize {
    static MAX: OnceLock<usize> = OnceLock::new();
    *MAX.get_or_init(|| {
        let map_count = std::fs::read_to_string("/proc/sys/vm/max_map_count")
            .ok()
            .and_then(|s| s.trim().parse::<usize>().ok())
            .unwrap_or(65530);
        (map_count.saturating_sub(MAPPINGS_RESERVED) / MAPPINGS_PER_THREAD).max(64)
    })
}

impl ThreadSlots {
    fn try_take(&self, until: Option<Instant>) -> Option<()> {
        let mut live = self.live.lock();
        while *live >= max_threads() {
            let until = until?;
            if self.freed.wait_until(&mut live, until).timed_out() && *live >= max_threads() {
                return None;
            }
        }
        *live += 1;
        Some(())
    }

    fn give_back(&self) {
        *self.live.lock() -= 1;
        self.freed.notify_one();
    }
}

/// Reserves a slot for a new thread, waiting for one to free up if needed.
fn reserve_slot(ts: &mut ThreadState) -> PyResult<()> {
    if SLOTS.try_take(None).is_some() {
        return Ok(());
    }
    let deadline = Instant::now() + SLOT_WAIT;
    match ts.wait_interruptibly(BlockingKind::Join, Some(deadline), |until| SLOTS.try_take(until))? {
        Some(()) => Ok(()),
        None => Err(ts.runtime_error("can't start new thread")),
    }
}

/// What a new thread runs: the callable, then positional and keyword arguments.
struct ThreadCall {
    func: Value,
    values: Vec<Value>,
    kwnames: Vec<Gc<PyStr>>,
}

/// Starts a thread running `func(*positional, **keywords)`; returns its ident.
/// An exception escaping `func` (other than `SystemExit`) is printed as
/// CPython prints it and ends only that thread.
pub fn start_thread(ts: &mut ThreadState, func: Value, positional: Vec<Value>, keywords: Vec<(Gc<PyStr>, Value)>) -> PyResult<u64> {
    let (kwnames, kwvalues): (Vec<_>, Vec<_>) = keywords.into_iter().unzip();
    let mut values = positional;
    values.extend(kwvalues);
    reserve_slot(ts)?;
    // Never dropped by the closure itself: if the thread runtime failed
    // before running it, the values would be dropped without the GIL. They
    // are taken out under the GIL in `run_thread` (or leaked).
    let call = ManuallyDrop::new(GilBound::new(ThreadCall { func, values, kwnames }, &ts.token));
    let interp = ts.interp.clone();
    let stack = match thread_stack_size() {
        0 => DEFAULT_THREAD_STACK,
        n => n,
    };
    interp.started_threads.fetch_add(1, Ordering::Relaxed);
    let spawned = super::gil_cell::os_thread::spawn_detached(stack, Box::new(move || run_thread(interp, stack, call)));
    match spawned {
        Ok(thread) => Ok(thread as u64),
        Err(_) => {
            SLOTS.give_back();
            ts.interp.started_threads.fetch_sub(1, Ordering::Relaxed);
            Err(ts.runtime_error("can't start new thread"))
        }
    }
}

fn run_thread(interp: Arc<InterpreterState>, stack: usize, call: ManuallyDrop<GilBound<ThreadCall>>) {
    let mut ts = ThreadState::attach_with_stack(interp.clone(), stack, None);
    let call = ManuallyDrop::into_inner(call).into_inner(&ts.token);
    run_call(&mut ts, call);
    interp.started_threads.fetch_sub(1, Ordering::Relaxed);
    drop(ts);
    SLOTS.give_back();
}

/// Calls the thread's callable and drops everything the call left — its
/// result, the callable, the arguments — here, under the GIL. A suspended
/// generator among them is then closed at once, as CPython closes it when
/// the thread lets go of it: no eval-breaker check comes after this point,
/// and a frame left in the thread-local queue would be freed without the
/// GIL when the OS thread ends.
fn run_call(ts: &mut ThreadState, call: ThreadCall) {
    let ThreadCall { func, values, kwnames } = call;
    let result = ts.call(&func, Args { values: &values, kwnames: &kwnames });
    drop((values, kwnames));
    match result {
        Ok(v) => drop(v),
        Err(err) => report_uncaught(ts, &func, err),
    }
    drop(func);
    super::dropped::close_dropped(ts);
}

/// "Exception ignored in thread started by: <repr>" and the traceback, on
/// stderr — silently for `SystemExit` (`_thread.exit()`).
fn report_uncaught(ts: &mut ThreadState, func: &Value, err: PyErr) {
    let system_exit = ts.types().system_exit.clone();
    if ts.err_matches(&err, &system_exit) {
        return;
    }
    let func_repr = match ts.repr(func) {
        Ok(s) => s.as_str().to_string(),
        Err(_) => "<object repr() failed>".to_string(),
    };
    let text = format!("Exception ignored in thread started by: {func_repr}\n{}", super::traceback::format_exception(ts, &err.value()));
    super::run::write_stderr(ts, &text);
}
