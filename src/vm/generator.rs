//! Generators: a suspended frame resumed by `next`, `send`, `throw` and `close`.
//!
//! A generator owns its `Frame` and a value stack of its own, on which the
//! frame's window starts at index 0. On resume that stack is swapped in as the
//! thread's value stack (the caller's is kept aside, untouched: only the top
//! frame ever reads the stack) and the frame is pushed as an entry frame; the
//! eval loop runs until `YieldValue` or the end of the frame, and the stacks are
//! swapped back. Resuming therefore copies no values, whatever the window's size.

use std::cell::RefCell;

use super::eval::{run_frames, Exit};
use super::frame::Frame;
use super::ThreadState;
use crate::objects::{Args, Gc, PyErr, PyFunction, PyResult, Value};

pub struct PyGenerator {
    pub name: String,
    pub qualname: String,
    pub state: RefCell<GeneratorState>,
    /// The frame and its own value stack (window at index 0) while not running.
    saved: RefCell<Option<(Frame, Vec<Value>)>>,
    /// The generator's own "exception being handled", swapped in while it runs.
    exc_info: RefCell<Value>,
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
    let mut window = Vec::with_capacity(frame.code.code.nlocals() + frame.code.code.max_stack as usize + 1);
    window.extend(ts.exec.stack.drain(frame.base..));
    frame.base = 0;
    frame.ret_sp = 0;
    frame.entry = true;
    Ok(Value::Generator(Gc::new(PyGenerator {
        name: func.name.borrow().as_str().to_string(),
        qualname: func.qualname.borrow().as_str().to_string(),
        state: RefCell::new(GeneratorState::Created),
        saved: RefCell::new(Some((frame, window))),
        exc_info: RefCell::new(Value::None),
    })))
}

/// `next(gen)`: `Ok(None)` when the generator is exhausted. (Called by
/// `ThreadState::next` for `Value::Generator`.)
pub fn generator_next(ts: &mut ThreadState, gen: &Gc<PyGenerator>) -> PyResult<Option<Value>> {
    match resume(ts, gen, Value::None, None)? {
        Step::Yield(v) => Ok(Some(v)),
        Step::Return(_) => Ok(None),
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
    let state = *gen.state.borrow();
    if matches!(state, GeneratorState::Created | GeneratorState::Finished) {
        *gen.state.borrow_mut() = GeneratorState::Finished;
        gen.saved.borrow_mut().take();
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
    let saved = gen.saved.borrow();
    let (frame, window) = saved.as_ref()?;
    let ins = frame.code.code.instructions.get(frame.pc)?;
    matches!(ins, crate::bytecode::Instruction::YieldFrom).then(|| window.last().cloned()).flatten()
}

/// `throw`: forwarded to a `yield from` sub-iterator first, as CPython does.
fn throw_step(ts: &mut ThreadState, gen: &Gc<PyGenerator>, exc: PyErr) -> PyResult<Step> {
    if *gen.state.borrow() == GeneratorState::Running {
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
        if let Some((frame, window)) = gen.saved.borrow_mut().as_mut() {
            frame.pc += pc_delta;
            if let Some(r) = replace {
                window.pop();
                window.push(r);
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
    let state = *gen.state.borrow();
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
                *gen.state.borrow_mut() = GeneratorState::Finished;
                gen.saved.borrow_mut().take();
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

/// Swaps the generator's stack in, runs its frame until it yields or ends, and
/// swaps the caller's stack back.
fn resume_raw(ts: &mut ThreadState, gen: &Gc<PyGenerator>, push: Option<Value>, throw: Option<PyErr>) -> PyResult<Step> {
    let Some((frame, mut stack)) = gen.saved.borrow_mut().take() else {
        *gen.state.borrow_mut() = GeneratorState::Finished;
        return Ok(Step::Return(Value::None));
    };
    if let Err(e) = ts.check_native_stack().and_then(|_| super::call::check_depth(ts)) {
        *gen.saved.borrow_mut() = Some((frame, stack));
        return Err(e);
    }
    if let Some(v) = push {
        stack.push(v);
    }
    std::mem::swap(&mut ts.exec.stack, &mut stack);
    ts.exec.frames.push(frame);
    *gen.state.borrow_mut() = GeneratorState::Running;
    // The generator sees its own handled exception, else its caller's (as CPython's
    // chained exception states do).
    let outer_exc = ts.exec.exc_info.clone();
    let own = gen.exc_info.replace(Value::None);
    if !own.is_none() {
        ts.exec.exc_info = own;
    }
    let result = run_frames(ts, throw);
    std::mem::swap(&mut ts.exec.stack, &mut stack);
    let inner_exc = std::mem::replace(&mut ts.exec.exc_info, outer_exc.clone());
    match result {
        Ok(Exit::Yield(v)) => {
            if !inner_exc.is(&outer_exc) {
                *gen.exc_info.borrow_mut() = inner_exc;
            }
            if let Some(frame) = ts.exec.frames.pop() {
                shrink_after_deep_calls(&mut stack);
                *gen.saved.borrow_mut() = Some((frame, stack));
            }
            *gen.state.borrow_mut() = GeneratorState::Suspended;
            Ok(Step::Yield(v))
        }
        Ok(Exit::Return(v)) => {
            *gen.state.borrow_mut() = GeneratorState::Finished;
            Ok(Step::Return(v))
        }
        Err(e) => {
            *gen.state.borrow_mut() = GeneratorState::Finished;
            if e.exc.class().is_subtype(&ts.types().stop_iteration) {
                let err = ts.runtime_error("generator raised StopIteration");
                let mut data = err.data();
                data.cause = e.value();
                data.context = e.value();
                data.suppress_context = true;
                drop(data);
                return Err(err);
            }
            Err(e)
        }
    }
}

/// A suspended generator keeps its stack's capacity for the next resume, but
/// not the room a deep call chain made inside it once needed.
fn shrink_after_deep_calls(stack: &mut Vec<Value>) {
    const KEEP: usize = 256;
    if stack.capacity() > KEEP && stack.capacity() > 4 * stack.len() {
        stack.shrink_to(KEEP.max(2 * stack.len()));
    }
}

/// One step of `yield from sub` with `sent` (`YieldFrom`).
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
