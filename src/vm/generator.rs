//! Generators: a suspended frame resumed by `next`, `send`, `throw` and `close`.
//!
//! A generator owns its `Frame` and a value stack of its own: slot 0 is the
//! self slot, then the frame's window (`base` 1). On resume that stack is
//! swapped in as the thread's value stack (the caller's waits inside the
//! generator, untouched: only the top frame ever reads the stack), the self
//! slot is set to the generator (how `yield` and `return` find it again) and
//! the frame is pushed; on yield or return the stacks are swapped back and
//! the self slot cleared (a suspended generator must not own itself).
//! Resuming therefore copies no values, whatever the window's size.
//!
//! Two ways in: from native code (`next`, `send`, `throw`, `close`, and the
//! draining consumers below) the frame is an entry frame of a nested `run_frames`; from a `for` loop in
//! the eval loop (`push_frame`, CPython's `FOR_ITER_GEN`) the frame is pushed
//! onto the running loop, and `yield`/`return`/an escaping exception hand
//! control straight back to the loop's `ForIter`.

use std::cell::{Cell, RefCell};
use std::sync::Arc;

use super::eval::{run_frames, Exit};
use super::eval_breaker::EvalBreaker;
use super::frame::Frame;
use super::ThreadState;
use crate::bytecode::Instruction;
use crate::objects::{Args, Gc, PyErr, PyFunction, PyResult, TraceEntry, Value};

pub struct PyGenerator {
    pub name: String,
    pub qualname: String,
    pub state: Cell<GeneratorState>,
    /// The frame and the stack, under one borrow (a resume takes both).
    body: RefCell<Body>,
    /// The generator's own "exception being handled", swapped in while it runs.
    exc_info: RefCell<Value>,
    /// The caller's exception being handled, kept while the generator runs.
    outer_exc: RefCell<Value>,
    /// False when `exc_info` and `outer_exc` are both `None`: the per-item
    /// resume and suspend then test this and `ts.exec.exc_info` alone, with
    /// no `RefCell` borrow (they are almost always `None`).
    exc_held: Cell<bool>,
    /// Set when closing the generator can run code (its frame has handlers
    /// or delegates with `yield from`): the eval breaker to ask for the close
    /// when it is dropped while suspended (see `dropped.rs`).
    closer: Option<Arc<EvalBreaker>>,
}

#[derive(Default)]
struct Body {
    /// The frame while not running.
    frame: Option<Frame>,
    /// Its own value stack while not running; the caller's while it runs.
    stack: Vec<Value>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GeneratorState {
    Created,
    Suspended,
    Running,
    Finished,
}

/// One step of a generator (or of a `yield from` sub-iterator).
pub enum Step {
    Yield(Value),
    Return(Value),
}

/// Calling a generator function: bind the arguments into a frame and keep it suspended.
pub(crate) fn new_generator(ts: &mut ThreadState, func: &Gc<PyFunction>, args: Args<'_>) -> PyResult<Value> {
    let ret_sp = ts.exec.stack.len();
    super::call::push_function_frame(ts, func, args, ret_sp, true)?;
    let Some(mut frame) = ts.exec.frames.pop() else { return Err(ts.system_error("generator frame vanished")) };
    let mut stack = Vec::with_capacity(frame.code().code.nlocals() + frame.code().code.max_stack as usize + 2);
    stack.push(Value::Null);
    stack.extend(ts.exec.stack.drain(frame.base..));
    frame.base = 1;
    frame.ret_sp = 1;
    let code = &frame.code().code;
    let can_run_on_close = !code.exception_table.is_empty() || code.instructions.iter().any(|i| matches!(i, Instruction::YieldFrom));
    let closer = can_run_on_close.then(|| ts.breaker.clone());
    Ok(Value::Generator(Gc::new(PyGenerator {
        name: func.name.borrow().as_str().to_string(),
        qualname: func.qualname.borrow().as_str().to_string(),
        state: Cell::new(GeneratorState::Created),
        body: RefCell::new(Body { frame: Some(frame), stack }),
        exc_info: RefCell::new(Value::None),
        outer_exc: RefCell::new(Value::None),
        exc_held: Cell::new(false),
        closer,
    })))
}

/// `next(gen)`: `Ok(None)` when the generator is exhausted. (Called by
/// `ThreadState::next` for `Value::Generator`.)
pub fn generator_next(ts: &mut ThreadState, gen: &Gc<PyGenerator>) -> PyResult<Option<Value>> {
    let step = match gen.state.get() {
        GeneratorState::Suspended => {
            ts.check_native_stack()?;
            if !enter_next(ts, gen.clone(), true)? {
                return Ok(None);
            }
            run_entered(ts, None)?
        }
        _ => resume(ts, gen, Value::None, None)?,
    };
    match step {
        Step::Yield(v) => Ok(Some(v)),
        Step::Return(_) => Ok(None),
    }
}

/// A `yield` statement pops what it is sent at once, so a `None` sent to it
/// skips that `PopTop` instead of being pushed: one dispatch fewer per item.
/// True when skipped.
#[inline(always)]
fn skip_pop_of_none(frame: &mut Frame) -> bool {
    let pops = matches!(frame.code().code.instructions.get(frame.pc), Some(Instruction::PopTop));
    frame.pc += pops as usize;
    pops
}

// Native consumers of a generator (`sum`, `any`, `all`, and `list`, `tuple`,
// `sorted`, `min`, `max`, `str.join`, star-unpacking through `collect`): the
// items they handle without running Python code are taken where the
// generator yields them.
//
// `drain` enters the generator once, as an entry frame, and records the
// consumer's `Sink` and the frame's index in the thread state. The eval
// loop's `YieldValue` offers each item of that frame to the sink (`offer`):
// an item it keeps resumes the generator at once, sent `None`, inside the
// same `run_frames` call (no return to native code, no suspend and enter per
// item). An item the sink refuses ends `run_frames` as a plain yield: the
// generator is suspended properly and the item given to the consumer's
// general path, which may run Python code. Nothing runs between a kept item
// and the resume, so nothing can observe the generator meanwhile. (Here and
// not in a module of its own: a new module reshuffled the crate's codegen
// units and with them what is inlined into the eval loop, +0.4 % instructions
// on scripts without generators.)

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
/// (Not inlined: the eval loop's code generation shifts with every line
/// inlined into it, and this runs once per item at most.)
#[inline(never)]
pub(crate) fn offer(ts: &mut ThreadState, fi: usize, v: Value) -> Result<(), Value> {
    if ts.draining.frame != fi {
        return Err(v);
    }
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

/// `gen.send(v)`: the yielded value, or `StopIteration(return value)`.
pub fn generator_send(ts: &mut ThreadState, gen: &Gc<PyGenerator>, v: Value) -> PyResult<Value> {
    match resume(ts, gen, v, None)? {
        Step::Yield(v) => Ok(v),
        Step::Return(r) => Err(ts.stop_iteration(r)),
    }
}

/// `gen.throw(exc)`.
pub fn generator_throw(ts: &mut ThreadState, gen: &Gc<PyGenerator>, exc: PyErr) -> PyResult<Value> {
    match throw_step(ts, gen, exc)? {
        Step::Yield(v) => Ok(v),
        Step::Return(r) => Err(ts.stop_iteration(r)),
    }
}

/// `gen.close()`: raise `GeneratorExit` inside; it must not yield again.
pub fn generator_close(ts: &mut ThreadState, gen: &Gc<PyGenerator>) -> PyResult<()> {
    let state = gen.state.get();
    if matches!(state, GeneratorState::Created | GeneratorState::Finished) {
        gen.state.set(GeneratorState::Finished);
        gen.clear();
        return Ok(());
    }
    let cls = ts.types().generator_exit.clone();
    let exit = ts.new_exception(&cls, vec![]);
    match throw_step(ts, gen, exit) {
        Ok(Step::Yield(_)) => Err(ts.runtime_error("generator ignored GeneratorExit")),
        Ok(Step::Return(_)) => Ok(()),
        Err(e) => {
            let t = ts.types();
            if e.exc.class().is_subtype(&t.generator_exit) || e.exc.class().is_subtype(&t.stop_iteration) {
                Ok(())
            } else {
                Err(e)
            }
        }
    }
}

fn suspended_at_yield_from(gen: &PyGenerator) -> Option<Value> {
    let body = gen.body.borrow();
    let frame = body.frame.as_ref()?;
    let ins = frame.code().code.instructions.get(frame.pc)?;
    matches!(ins, Instruction::YieldFrom).then(|| body.stack.last().cloned()).flatten()
}

/// `throw`: forwarded to a `yield from` sub-iterator first, as CPython does.
fn throw_step(ts: &mut ThreadState, gen: &Gc<PyGenerator>, exc: PyErr) -> PyResult<Step> {
    if gen.state.get() == GeneratorState::Running {
        return Err(ts.value_error("generator already executing"));
    }
    let Some(sub) = suspended_at_yield_from(gen) else { return resume(ts, gen, Value::None, Some(exc)) };
    let is_exit = exc.exc.class().is_subtype(&ts.types().generator_exit);
    let forwarded = if is_exit {
        close_iterator(ts, &sub).map(|_| None)
    } else {
        throw_into(ts, &sub, exc.clone())
    };
    let finish_yield_from = |pc_delta: usize, replace: Option<Value>| {
        let mut body = gen.body.borrow_mut();
        let Body { frame, stack } = &mut *body;
        if let Some(frame) = frame {
            frame.pc += pc_delta;
            if let Some(r) = replace {
                stack.pop();
                stack.push(r);
            }
        }
    };
    match forwarded {
        Ok(Some(Step::Yield(v))) => Ok(Step::Yield(v)),
        Ok(Some(Step::Return(r))) => {
            finish_yield_from(1, Some(r));
            resume_raw(ts, gen, None, None)
        }
        Ok(None) => {
            finish_yield_from(1, None);
            resume_raw(ts, gen, None, Some(exc))
        }
        Err(e) => {
            finish_yield_from(1, None);
            resume_raw(ts, gen, None, Some(e))
        }
    }
}

/// Throws into a sub-iterator: `Ok(None)` when it has no `throw` (raise in the delegator).
fn throw_into(ts: &mut ThreadState, sub: &Value, exc: PyErr) -> PyResult<Option<Step>> {
    if let Value::Generator(g) = sub {
        return throw_step(ts, g, exc).map(Some);
    }
    let name = ts.intern("throw");
    let Ok(method) = ts.get_attr(sub, &name) else { return Ok(None) };
    match ts.call_positional(&method, &[exc.value()]) {
        Ok(v) => Ok(Some(Step::Yield(v))),
        Err(e) if e.exc.class().is_subtype(&ts.types().stop_iteration) => Ok(Some(Step::Return(stop_value(&e)))),
        Err(e) => Err(e),
    }
}

fn close_iterator(ts: &mut ThreadState, sub: &Value) -> PyResult<()> {
    if let Value::Generator(g) = sub {
        return generator_close(ts, g);
    }
    let name = ts.intern("close");
    if let Ok(method) = ts.get_attr(sub, &name) {
        ts.call_positional(&method, &[])?;
    }
    Ok(())
}

/// `StopIteration.value`.
pub fn stop_value(e: &PyErr) -> Value {
    match &e.data().args {
        Value::Tuple(t) => t.items.first().cloned().unwrap_or(Value::None),
        _ => Value::None,
    }
}

/// Resumes with `sent` (or raises `throw` at the suspension point).
pub(crate) fn resume(ts: &mut ThreadState, gen: &Gc<PyGenerator>, sent: Value, throw: Option<PyErr>) -> PyResult<Step> {
    let state = gen.state.get();
    match state {
        GeneratorState::Running => return Err(ts.value_error("generator already executing")),
        GeneratorState::Finished => {
            return match throw {
                Some(e) => Err(e),
                None => Ok(Step::Return(Value::None)),
            }
        }
        GeneratorState::Created => {
            if let Some(e) = throw {
                gen.state.set(GeneratorState::Finished);
                gen.clear();
                return Err(e);
            }
            if !sent.is_none() {
                return Err(ts.type_error("can't send non-None value to a just-started generator"));
            }
            resume_raw(ts, gen, None, None)
        }
        GeneratorState::Suspended => {
            let push = if throw.is_none() { Some(sent) } else { None };
            resume_raw(ts, gen, push, throw)
        }
    }
}

/// Resumes from native code: the generator's frame runs as an entry frame of
/// a nested `run_frames` until it yields or ends.
fn resume_raw(ts: &mut ThreadState, gen: &Gc<PyGenerator>, push: Option<Value>, throw: Option<PyErr>) -> PyResult<Step> {
    ts.check_native_stack()?;
    if !enter(ts, gen.clone(), push, true)? {
        return Ok(Step::Return(Value::None));
    }
    run_entered(ts, throw)
}

/// Runs the generator frame `enter` pushed as an entry frame of a nested
/// `run_frames`, and puts it back when it yields or ends.
#[inline]
fn run_entered(ts: &mut ThreadState, throw: Option<PyErr>) -> PyResult<Step> {
    match run_frames(ts, throw) {
        Ok(Exit::Yield(v)) => {
            suspend(ts);
            Ok(Step::Yield(v))
        }
        Ok(Exit::Return(v)) => {
            finish(ts);
            Ok(Step::Return(v))
        }
        Err(e) => {
            finish(ts);
            Err(escaped(ts, e))
        }
    }
}

/// Swaps the generator's stack in as the thread's value stack (the caller's
/// waits in the generator, untouched: only the top frame reads the stack),
/// puts the generator in the self slot and pushes its frame, then `push` on
/// its stack. `false` when the generator has no frame left (it finished).
#[inline(never)]
fn enter(ts: &mut ThreadState, gen: Gc<PyGenerator>, push: Option<Value>, entry: bool) -> PyResult<bool> {
    super::call::check_depth(ts)?;
    let mut body = gen.body.borrow_mut();
    let Some(mut frame) = body.frame.take() else {
        drop(body);
        gen.state.set(GeneratorState::Finished);
        return Ok(false);
    };
    frame.entry = entry;
    ts.exec.frames.push(frame);
    std::mem::swap(&mut ts.exec.stack, &mut body.stack);
    drop(body);
    if let Some(v) = push {
        ts.exec.stack.push(v);
    }
    running(ts, gen);
    Ok(true)
}

/// `enter` for the commonest resume: a suspended generator sent `None`
/// (`next`, `for`, `sum`), through `skip_pop_of_none`. The frame is adjusted
/// where it lies and moved once, onto the frame stack.
#[inline(always)]
fn enter_next(ts: &mut ThreadState, gen: Gc<PyGenerator>, entry: bool) -> PyResult<bool> {
    super::call::check_depth(ts)?;
    let mut body = gen.body.borrow_mut();
    let Body { frame, stack } = &mut *body;
    let Some(f) = frame.as_mut() else {
        drop(body);
        gen.state.set(GeneratorState::Finished);
        return Ok(false);
    };
    f.entry = entry;
    let pops_sent = skip_pop_of_none(f);
    if let Some(f) = frame.take() {
        ts.exec.frames.push(f);
    }
    std::mem::swap(&mut ts.exec.stack, stack);
    drop(body);
    if !pops_sent {
        ts.exec.stack.push(Value::None);
    }
    running(ts, gen);
    Ok(true)
}

/// The generator entered: it is running, sees its own handled exception and
/// sits in its self slot.
#[inline(always)]
fn running(ts: &mut ThreadState, gen: Gc<PyGenerator>) {
    gen.state.set(GeneratorState::Running);
    if !ts.exec.exc_info.is_none() || gen.exc_held.get() {
        swap_exc_info_in(ts, &gen);
    }
    // The self slot takes the caller's reference (how `yield` finds the generator).
    if let Some(slot) = ts.exec.stack.first_mut() {
        std::mem::replace(slot, Value::Generator(gen)).discard();
    }
}

/// The generator sees its own handled exception, else its caller's (as
/// CPython's chained exception states do); the caller's comes back when it
/// yields or ends (`restore_exc_info`).
#[inline(never)]
fn swap_exc_info_in(ts: &mut ThreadState, gen: &PyGenerator) {
    let own = gen.exc_info.replace(Value::None);
    if !own.is_none() {
        *gen.outer_exc.borrow_mut() = std::mem::replace(&mut ts.exec.exc_info, own);
    } else {
        *gen.outer_exc.borrow_mut() = ts.exec.exc_info.clone();
    }
    gen.exc_held.set(true);
}

/// The running generator's frame (on top, just yielded) goes back into the
/// generator with its stack; the caller's stack comes back.
#[inline]
fn suspend(ts: &mut ThreadState) {
    let Some(gen) = take_running(ts) else { return };
    let mut body = gen.body.borrow_mut();
    std::mem::swap(&mut ts.exec.stack, &mut body.stack);
    shrink_after_deep_calls(&mut body.stack);
    // The slot is empty while the generator runs (`enter` took the frame):
    // nothing to drop, so the frame is written over it with no call between
    // (no copy through the native stack).
    let empty = std::mem::replace(&mut body.frame, ts.exec.frames.pop());
    debug_assert!(empty.is_none());
    std::mem::forget(empty);
    drop(body);
    if !ts.exec.exc_info.is_none() || gen.exc_held.get() {
        restore_exc_info(ts, &gen, true);
    }
    gen.state.set(GeneratorState::Suspended);
}

/// The running generator's frame returned or raised (it is already off the
/// frame stack, its stack cut back to the self slot).
fn finish(ts: &mut ThreadState) {
    let Some(gen) = take_running(ts) else { return };
    let mut body = gen.body.borrow_mut();
    std::mem::swap(&mut ts.exec.stack, &mut body.stack);
    body.stack.clear();
    drop(body);
    if !ts.exec.exc_info.is_none() || gen.exc_held.get() {
        restore_exc_info(ts, &gen, false);
    }
    gen.state.set(GeneratorState::Finished);
}

/// The generator whose stack is the thread's value stack (its self slot is
/// cleared: a suspended generator must not own itself).
fn take_running(ts: &mut ThreadState) -> Option<Gc<PyGenerator>> {
    match ts.exec.stack.first_mut().map(|slot| std::mem::replace(slot, Value::Null)) {
        Some(Value::Generator(g)) => Some(g),
        _ => None,
    }
}

/// Gives the caller its exception being handled back, keeping the
/// generator's own if it set one (only a suspended generator keeps it).
#[inline(never)]
fn restore_exc_info(ts: &mut ThreadState, gen: &PyGenerator, keep: bool) {
    let outer = gen.outer_exc.replace(Value::None);
    if !ts.exec.exc_info.is(&outer) {
        let inner = std::mem::replace(&mut ts.exec.exc_info, outer);
        if keep {
            *gen.exc_info.borrow_mut() = inner;
        }
    }
    gen.exc_held.set(!gen.exc_info.borrow().is_none());
}

/// An exception leaving a generator's frame: `StopIteration` becomes
/// `RuntimeError` (PEP 479).
fn escaped(ts: &mut ThreadState, e: PyErr) -> PyErr {
    if !e.exc.class().is_subtype(&ts.types().stop_iteration) {
        return e;
    }
    let err = ts.runtime_error("generator raised StopIteration");
    let mut data = err.data();
    data.cause = e.value();
    data.context = e.value();
    data.suppress_context = true;
    drop(data);
    err
}

/// `for x in gen` in the eval loop (CPython's `FOR_ITER_GEN`): pushes the
/// generator's frame so the same loop runs it, with no native recursion and
/// no nested `run_frames`. Its `yield`, `return` or escaping exception comes
/// back to the loop's `ForIter` through `yield_to_caller`, `return_to_caller`
/// or `raise_to_caller`. `false`: the generator is exhausted. (Kept out of
/// the eval loop: inlined there, it cost more than the call.)
#[inline(never)]
pub(crate) fn push_frame(ts: &mut ThreadState, gen: Gc<PyGenerator>) -> PyResult<bool> {
    if gen.state.get() == GeneratorState::Suspended {
        return enter_next(ts, gen, false);
    }
    push_first_frame(ts, gen)
}

/// `push_frame` of a generator not suspended at a `yield`: started, refused or exhausted.
#[inline(never)]
fn push_first_frame(ts: &mut ThreadState, gen: Gc<PyGenerator>) -> PyResult<bool> {
    match gen.state.get() {
        GeneratorState::Running => Err(ts.value_error("generator already executing")),
        GeneratorState::Finished => Ok(false),
        GeneratorState::Created => enter(ts, gen, None, false),
        GeneratorState::Suspended => enter_next(ts, gen, false),
    }
}

/// The loop-run generator frame on top yielded `v`: it goes back into its
/// generator and `v` is the caller's next item.
pub(crate) fn yield_to_caller(ts: &mut ThreadState, v: Value) {
    suspend(ts);
    ts.exec.push(v);
}

/// The loop-run generator frame returned (already popped): the caller's
/// `ForIter` ends its loop. (The return value is dropped, as `for` drops
/// `StopIteration.value`.)
pub(crate) fn return_to_caller(ts: &mut ThreadState) {
    finish(ts);
    ts.exec.pop().discard();
    if let Some(caller) = ts.exec.frames.last_mut() {
        if let Some(&Instruction::ForIter(target)) = caller.code().code.instructions.get(caller.pc.wrapping_sub(1)) {
            caller.pc = target as usize;
        }
    }
}

/// An exception left the loop-run generator frame (already popped): it is
/// raised in the caller at its `ForIter`, after PEP 479's conversion.
pub(crate) fn raise_to_caller(ts: &mut ThreadState, err: PyErr, tb: &mut Vec<TraceEntry>) -> PyErr {
    finish(ts);
    if !err.exc.class().is_subtype(&ts.types().stop_iteration) {
        return err;
    }
    super::exceptions::flush_traceback(&err, tb);
    escaped(ts, err)
}

/// A suspended generator keeps its stack's capacity for the next resume, but
/// not the room a deep call chain made inside it once needed.
fn shrink_after_deep_calls(stack: &mut Vec<Value>) {
    const KEEP: usize = 256;
    if stack.capacity() > KEEP && stack.capacity() > 4 * stack.len() {
        stack.shrink_to(KEEP.max(2 * stack.len()));
    }
}

/// One step of `yield from sub` with `sent` (`YieldFrom`). (Kept out of the
/// eval loop: inlined there, it shifted the loop's code generation, +0.3-0.5 %
/// instructions on scripts without generators.)
#[inline(never)]
pub(crate) fn delegate(ts: &mut ThreadState, sub: &Value, sent: Value) -> PyResult<Step> {
    if let Value::Generator(g) = sub {
        return resume(ts, g, sent, None);
    }
    if sent.is_none() {
        return Ok(match ts.next(sub)? {
            Some(v) => Step::Yield(v),
            None => Step::Return(Value::None),
        });
    }
    match ts.call_method(sub, "send", &[sent]) {
        Ok(v) => Ok(Step::Yield(v)),
        Err(e) if e.exc.class().is_subtype(&ts.types().stop_iteration) => Ok(Step::Return(stop_value(&e))),
        Err(e) => Err(e),
    }
}

impl PyGenerator {
    /// Drops the frame and the stack of a generator that will not run again.
    fn clear(&self) {
        let mut body = self.body.borrow_mut();
        body.frame = None;
        body.stack.clear();
    }
}

impl Drop for PyGenerator {
    /// A generator dropped while suspended is closed, as CPython does, so its
    /// `finally` blocks and `with` exits run. No thread state is at hand here:
    /// its frame moves to a fresh generator object that waits in this thread's
    /// queue, and the eval breaker asks the loop to close it at its next check.
    fn drop(&mut self) {
        let body = self.body.get_mut();
        let (breaker, frame) = match (self.state.get(), self.closer.take(), body.frame.take()) {
            (GeneratorState::Suspended, Some(breaker), Some(frame)) => (breaker, frame),
            (_, _, frame) => {
                // A chain of generators, each iterating over the last, frees through the trashcan.
                body.frame = frame;
                return crate::objects::trashcan::free(std::mem::take(body));
            }
        };
        let orphan = PyGenerator {
            name: std::mem::take(&mut self.name),
            qualname: std::mem::take(&mut self.qualname),
            state: Cell::new(GeneratorState::Suspended),
            body: RefCell::new(Body { frame: Some(frame), stack: std::mem::take(&mut body.stack) }),
            exc_info: RefCell::new(std::mem::replace(self.exc_info.get_mut(), Value::None)),
            outer_exc: RefCell::new(Value::None),
            exc_held: Cell::new(true),
            closer: None,
        };
        super::dropped::defer_close(orphan, breaker);
    }
}
