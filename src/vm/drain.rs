//! Native consumers of a generator (`sum`, `any`, `all`, and `list`, `tuple`,
//! `sorted`, `min`, `max`, `str.join`, star-unpacking through `collect`):
//! the items they handle without running Python code are taken where the
//! generator yields them.
//!
//! `drain` enters the generator once, as an entry frame, and records the
//! consumer's `Sink` and the frame's index in the thread state. The eval
//! loop's `YieldValue` offers each item of that frame to the sink (`offer`):
//! an item it keeps resumes the generator at once, sent `None`, inside the
//! same `run_frames` call (no return to native code, no suspend and enter
//! per item). An item the sink refuses ends `run_frames` as a plain yield:
//! the generator is suspended properly and the item given to the consumer's
//! general path, which may run Python code. Nothing runs between a kept item
//! and the resume, so nothing can observe the generator meanwhile.

use super::eval::{run_frames, Exit};
use super::generator::{enter_next, escaped, finish, generator_next, skip_pop_of_none, suspend, GeneratorState, PyGenerator};
use super::ThreadState;
use crate::objects::{Gc, PyResult, Value};

/// What a consumer keeps of a generator's items without running Python code.
#[derive(Default)]
pub(crate) enum Sink {
    /// No consumer: every item is refused.
    #[default]
    Idle,
    /// `sum`: ints added while they do not overflow, floats added; the total so far.
    Sum(Value),
    /// `any` (`true`) or `all` (`false`): bools, ints and `None` that cannot decide.
    Decide(bool),
    /// Every item, until `limit` would be reached (that item is refused).
    Collect { items: Vec<Value>, limit: usize },
}

impl Sink {
    /// Keeps `v`, or gives it back.
    #[inline]
    pub(crate) fn take(&mut self, v: Value) -> Result<(), Value> {
        match self {
            Sink::Sum(total) => add_inline(total, v),
            Sink::Decide(decides) => {
                let truth = match v {
                    Value::Bool(b) => b,
                    Value::Int(i) => i != 0,
                    Value::None => false,
                    _ => return Err(v),
                };
                if truth == *decides {
                    Err(v)
                } else {
                    Ok(())
                }
            }
            Sink::Collect { items, limit } => {
                if items.len() + 1 >= *limit {
                    return Err(v);
                }
                items.push(v);
                Ok(())
            }
            Sink::Idle => Err(v),
        }
    }

    /// `sum`'s total (`None` for the other sinks).
    pub(crate) fn total(self) -> Value {
        match self {
            Sink::Sum(total) => total,
            _ => Value::None,
        }
    }
}

/// `total + x` for two ints that do not overflow or two floats (CPython's
/// `sum` keeps such runs in a C `long` or `double` too). Anything else is
/// given back for `binary_op` (big ints, mixtures, `__add__`/`__radd__`).
#[inline]
fn add_inline(total: &mut Value, x: Value) -> Result<(), Value> {
    let sum = match (&*total, &x) {
        (Value::Int(t), Value::Int(i)) => t.checked_add(*i).map(Value::Int),
        (Value::Float(t), Value::Float(f)) => Some(Value::Float(t + f)),
        _ => None,
    };
    let Some(sum) = sum else { return Err(x) };
    // Both were immediates: no drop glue.
    std::mem::replace(total, sum).discard();
    x.discard();
    Ok(())
}

/// The thread's draining consumer, if any: the sink and the index of the
/// generator's frame on the frame stack (`usize::MAX` when none).
pub(crate) struct Draining {
    frame: usize,
    sink: Sink,
}

impl Default for Draining {
    fn default() -> Self {
        Draining { frame: usize::MAX, sink: Sink::Idle }
    }
}

/// The next item of `gen` that `sink` refuses, after giving it every item
/// before that one: `Ok(None)` when the generator is exhausted. A refused
/// item comes back with the generator suspended properly.
pub(crate) fn drain(ts: &mut ThreadState, gen: &Gc<PyGenerator>, sink: &mut Sink) -> PyResult<Option<Value>> {
    if gen.state.get() != GeneratorState::Suspended {
        return generator_next(ts, gen);
    }
    ts.check_native_stack()?;
    if !enter_next(ts, gen.clone(), true)? {
        return Ok(None);
    }
    let frame = ts.exec.frames.len() - 1;
    let outer = std::mem::replace(&mut ts.draining, Draining { frame, sink: std::mem::take(sink) });
    let result = run_drained(ts);
    *sink = std::mem::replace(&mut ts.draining, outer).sink;
    result
}

/// Runs the entered generator until its sink refuses an item or it ends.
fn run_drained(ts: &mut ThreadState) -> PyResult<Option<Value>> {
    loop {
        match run_frames(ts, None) {
            // A refused item, or one a `yield from` passed up (not offered yet).
            Ok(Exit::Yield(v)) => match ts.draining.sink.take(v) {
                Ok(()) => resend_none(ts),
                Err(v) => {
                    suspend(ts);
                    return Ok(Some(v));
                }
            },
            Ok(Exit::Return(_)) => {
                finish(ts);
                return Ok(None);
            }
            Err(e) => {
                finish(ts);
                return Err(escaped(ts, e));
            }
        }
    }
}

/// `YieldValue` in the entry frame `fi` (its `pc` already past the yield):
/// the draining sink keeps `v` and the frame goes on as if sent `None`, or
/// `v` comes back to be yielded.
#[inline]
pub(crate) fn offer(ts: &mut ThreadState, fi: usize, v: Value) -> Result<(), Value> {
    if ts.draining.frame != fi {
        return Err(v);
    }
    keep(ts, v)
}

/// `offer` to the draining sink.
#[inline(never)]
fn keep(ts: &mut ThreadState, v: Value) -> Result<(), Value> {
    ts.draining.sink.take(v)?;
    resend_none(ts);
    Ok(())
}

/// Sends `None` to the generator frame on top, which just yielded.
fn resend_none(ts: &mut ThreadState) {
    let Some(frame) = ts.exec.frames.last_mut() else { return };
    if !skip_pop_of_none(frame) {
        ts.exec.stack.push(Value::None);
    }
}

/// The items of a generator, at most `limit` of them, for a consumer that
/// only keeps them. Not generic, so callers do not instantiate the draining
/// code (an instance in `ops.rs` shifted the eval loop's code generation, session 5).
#[inline(never)]
pub(crate) fn collect(ts: &mut ThreadState, gen: &Gc<PyGenerator>, limit: usize) -> PyResult<Vec<Value>> {
    let mut sink = Sink::Collect { items: Vec::new(), limit };
    loop {
        let refused = drain(ts, gen, &mut sink)?;
        let Sink::Collect { items, limit } = &mut sink else { return Ok(Vec::new()) };
        match refused {
            // The item that reaches `limit`, or the first one (`drain` takes
            // only from a suspended generator).
            Some(v) => {
                items.push(v);
                if items.len() >= *limit {
                    return Ok(std::mem::take(items));
                }
            }
            None => return Ok(std::mem::take(items)),
        }
    }
}
