//! Frames and the per-thread execution state (value stack, frame stack,
//! exception being handled). (Owned by the VM.)
//!
//! One value stack per thread: a frame is a window on it — its local slots,
//! then its operand stack — so a call allocates no `Vec`. Python→Python calls
//! push a `Frame` and the eval loop continues with it; only native code calling
//! back into Python recurses on the Rust stack (bounded by `check_native_stack`).

use crate::objects::{CodeObject, Gc, PyCell, PyDict, PyInstance, Value};

/// Native stack that must remain for the VM to re-enter the eval loop
/// (debug builds use large Rust frames).
pub const NATIVE_STACK_MARGIN: usize = 128 * 1024;

pub struct Frame {
    pub code: Gc<CodeObject>,
    /// The next instruction to execute.
    pub pc: usize,
    /// Index of local slot 0 in the thread's value stack.
    pub base: usize,
    /// Where the caller wants the result: the stack is cut back to this index on return.
    pub ret_sp: usize,
    /// Cell variables, then free variables (the deref index space); a
    /// function without cellvars shares its closure instead of copying it.
    pub cells: Gc<[Gc<PyCell>]>,
    pub globals: Gc<PyDict>,
    /// The namespace of module and class bodies (`LoadName`/`StoreName`).
    pub locals: Option<Gc<PyDict>>,
    /// Returning from (or raising out of) this frame ends the current `run_frames` call.
    pub entry: bool,
    /// The instance a class call is initialising (`None` for other frames):
    /// this `__init__` frame must return `None`, and the call's result is the instance.
    pub init_self: Option<Gc<PyInstance>>,
}

impl Frame {
    /// Index of the first operand-stack slot.
    pub fn stack_base(&self) -> usize {
        self.base + self.code.code.nlocals()
    }
}

/// The execution state of one thread: everything the eval loop keeps per thread.
pub struct ExecState {
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    /// The exception being handled (`sys.exc_info()`, bare `raise`, implicit
    /// `__context__`), or `None`.
    pub exc_info: Value,
    /// Reused argument buffer for calls from the loop to native code (taken
    /// while in use, so a nested call simply gets a fresh one).
    pub arg_buffer: Vec<Value>,
    pub(crate) names: Option<Gc<super::names::VmNames>>,
}

impl Default for ExecState {
    fn default() -> Self {
        ExecState {
            stack: Vec::with_capacity(1024),
            frames: Vec::with_capacity(64),
            exc_info: Value::None,
            arg_buffer: Vec::new(),
            names: None,
        }
    }
}

impl ExecState {
    #[inline]
    pub fn push(&mut self, v: Value) {
        self.stack.push(v);
    }

    #[inline]
    pub fn pop(&mut self) -> Value {
        // Not `unwrap_or(Value::Null)`: that drops the unused default through
        // `Value`'s out-of-line drop glue on every pop.
        match self.stack.pop() {
            Some(v) => v,
            None => Value::Null,
        }
    }

    /// Cuts the stack back to `len` items; immediates are dropped without
    /// `Value`'s out-of-line drop glue (a returning frame's locals are mostly ints).
    #[inline]
    pub fn truncate(&mut self, len: usize) {
        while self.stack.len() > len {
            self.pop().discard();
        }
    }

    /// The item `n` places from the top (`peek(1)` is TOS).
    #[inline]
    pub fn peek(&self, n: usize) -> &Value {
        match self.stack.len().checked_sub(n) {
            Some(i) => &self.stack[i],
            None => &Value::Null,
        }
    }

    /// The top `n` items, removed from the stack (bottom first).
    pub fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let at = self.stack.len().saturating_sub(n);
        self.stack.split_off(at)
    }

    pub fn depth(&self) -> usize {
        self.frames.len()
    }
}
