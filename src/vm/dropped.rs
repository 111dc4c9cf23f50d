//! Closing generators that were dropped while suspended.
//!
//! CPython closes such a generator when its last reference goes (throwing
//! `GeneratorExit` into it, so `finally` blocks and `with` exits run) and
//! reports what escapes as "Exception ignored in: <generator ...>". Here the
//! drop happens in `Drop`, with no thread state at hand, so the frame waits in
//! a per-thread queue and the eval breaker's `DROPPED_GENERATORS` bit makes the
//! loop's next check (a call or a backward jump, within a few instructions)
//! close it; `run_code` also closes what is queued when a module or class body
//! ends. A generator whose frame has no handler and no `yield from` has nothing
//! to run on close: it is simply freed (`PyGenerator::closer` is `None`).
//!
//! The bit is interpreter-wide; the thread that sees it closes its own queue.
//! Another thread's queue is closed at that thread's next drop of such a
//! generator, at the end of a `run_code` it runs, or when it ends (its
//! callable's result is dropped and the queue closed under the GIL in
//! `thread_spawn.rs`; a thread state closes what is left when it detaches).
//!
//! Each queued frame is tagged with its interpreter's eval breaker: one OS
//! thread may be attached to several interpreters in turn (a call into a
//! subinterpreter), and a frame is closed only under its own interpreter's GIL.

use std::cell::RefCell;
use std::sync::Arc;

use super::eval_breaker::EvalBreaker;
use super::generator::{generator_close, GeneratorState, PyGenerator};
use super::ThreadState;
use crate::objects::{Gc, Value};

thread_local! {
    static QUEUE: RefCell<Vec<(Arc<EvalBreaker>, PyGenerator)>> = const { RefCell::new(Vec::new()) };
}

/// From `PyGenerator`'s `Drop`: queue the suspended frame for closing by its
/// interpreter (`breaker`).
pub(crate) fn defer_close(orphan: PyGenerator, breaker: Arc<EvalBreaker>) {
    let bell = breaker.clone();
    // During thread teardown the queue may be gone: the frame is then freed unclosed.
    let queued = QUEUE.try_with(|q| q.try_borrow_mut().map(|mut q| q.push((breaker, orphan))).is_ok());
    if queued == Ok(true) {
        bell.set(EvalBreaker::DROPPED_GENERATORS);
    }
}

/// Takes the queued frames of `ts`'s interpreter, leaving the others queued.
fn take_batch(ts: &ThreadState) -> Vec<PyGenerator> {
    let take = |q: &RefCell<Vec<(Arc<EvalBreaker>, PyGenerator)>>| {
        let Ok(mut q) = q.try_borrow_mut() else { return Vec::new() };
        let (mine, others): (Vec<_>, Vec<_>) = std::mem::take(&mut *q).into_iter().partition(|(b, _)| Arc::ptr_eq(b, &ts.breaker));
        *q = others;
        mine.into_iter().map(|(_, g)| g).collect()
    };
    QUEUE.try_with(take).unwrap_or_default()
}

/// Closes this thread's queued generators of `ts`'s interpreter, oldest first
/// (closing one may drop and queue others: they are closed too).
pub(crate) fn close_dropped(ts: &mut ThreadState) {
    loop {
        let batch = take_batch(ts);
        if batch.is_empty() {
            return;
        }
        for orphan in batch {
            let gen = Gc::new(orphan);
            if let Err(e) = generator_close(ts, &gen) {
                note_dropping_frame(ts, &e);
                report_unraisable(ts, &Value::Generator(gen), e);
            }
        }
    }
}

/// At exit, CPython's last garbage collection finalizes what only module
/// state still holds, so a suspended generator bound to a global of
/// `__main__` is closed then, in the order of the globals, with every global
/// still in place. The same here for the generators that are values of
/// `globals` (not those inside containers), then for what their closing drops.
pub(crate) fn close_module_generators(ts: &mut ThreadState, globals: &crate::objects::PyDict) {
    for (_, value) in globals.items() {
        let Value::Generator(gen) = value else { continue };
        if gen.state.get() != GeneratorState::Suspended {
            continue;
        }
        if let Err(e) = generator_close(ts, &gen) {
            note_dropping_frame(ts, &e);
            report_unraisable(ts, &Value::Generator(gen), e);
        }
    }
    close_dropped(ts);
}

/// An error raised by `close` itself (no Python frame, e.g. "generator ignored
/// GeneratorExit") shows, as in CPython, the frame that dropped the generator:
/// here the running frame at the line it last recorded (its last call).
fn note_dropping_frame(ts: &ThreadState, err: &crate::objects::PyErr) {
    let Some(frame) = ts.exec.frames.last() else { return };
    let mut data = err.data();
    if data.traceback.is_empty() {
        let entry = crate::objects::TraceEntry::at(frame.code().code.clone(), frame.pc.saturating_sub(1));
        data.traceback.push(entry);
    }
}

/// Whether this thread has generators waiting to be closed.
pub(crate) fn pending() -> bool {
    QUEUE.try_with(|q| q.try_borrow().is_ok_and(|q| !q.is_empty())).unwrap_or(false)
}

/// CPython's unraisable hook: "Exception ignored in: <repr>" and the exception, on stderr.
fn report_unraisable(ts: &mut ThreadState, obj: &Value, err: crate::objects::PyErr) {
    let what = match ts.repr(obj) {
        Ok(s) => s.as_str().to_string(),
        Err(_) => "<object repr() failed>".to_string(),
    };
    // The hook prints the exception alone, not its cause or context chain.
    {
        let mut data = err.data();
        data.cause = Value::None;
        data.context = Value::None;
    }
    let text = format!("Exception ignored in: {what}\n{}", super::traceback::format_exception(ts, &err.value()));
    super::run::write_stderr(ts, &text);
}
