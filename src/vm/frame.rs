//! Frames and the per-thread execution state (value stack, frame stack,
//! exception being handled). (Owned by the VM.)
//!
//! One value stack per thread: a frame is a window on it — its local slots,
//! then its operand stack — so a call allocates no `Vec`. Python→Python calls
//! push a `Frame` and the eval loop continues with it; only native code calling
//! back into Python recurses on the Rust stack (bounded by `check_native_stack`).

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::objects::{CodeObject, Gc, PyCell, PyDict, Value};

/// `sys.getrecursionlimit()`: process-wide, as the setting is rarely per thread.
static RECURSION_LIMIT: AtomicUsize = AtomicUsize::new(1000);

pub fn recursion_limit() -> usize {
    RECURSION_LIMIT.load(Ordering::Relaxed)
}

pub fn set_recursion_limit(limit: usize) {
    RECURSION_LIMIT.store(limit, Ordering::Relaxed);
}

/// Native stack left unused as a safety margin when the guard trips.
const NATIVE_STACK_MARGIN: usize = 96 * 1024;
/// Assumed stack size of a thread that did not declare its own (Rust's default).
const DEFAULT_NATIVE_STACK: usize = 2 * 1024 * 1024;

pub struct Frame {
    pub code: Gc<CodeObject>,
    /// The next instruction to execute.
    pub pc: usize,
    /// Index of local slot 0 in the thread's value stack.
    pub base: usize,
    /// Where the caller wants the result: the stack is cut back to this index on return.
    pub ret_sp: usize,
    /// Cell variables, then free variables (the deref index space).
    pub cells: Box<[Gc<PyCell>]>,
    pub globals: Gc<PyDict>,
    /// The namespace of module and class bodies (`LoadName`/`StoreName`).
    pub locals: Option<Gc<PyDict>>,
    /// Returning from (or raising out of) this frame ends the current `run_frames` call.
    pub entry: bool,
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
    /// Lowest native stack address the VM may reach before raising `RecursionError`.
    native_stack_limit: usize,
    /// The stack size this thread was created with, when its creator told us.
    native_stack_size: usize,
}

impl Default for ExecState {
    fn default() -> Self {
        ExecState {
            stack: Vec::with_capacity(1024),
            frames: Vec::with_capacity(64),
            exc_info: Value::None,
            native_stack_limit: 0,
            native_stack_size: DEFAULT_NATIVE_STACK,
        }
    }
}

/// An address on the current native stack.
#[inline(never)]
fn stack_address() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

impl ExecState {
    /// Declares the native stack size of this thread (call once, early, from the
    /// thread's entry function). Threads with small stacks must call it.
    pub fn set_native_stack_size(&mut self, size: usize) {
        self.native_stack_size = size;
        self.native_stack_limit = 0;
    }

    /// Whether the native stack still has room for another re-entry into the VM.
    pub fn native_stack_ok(&mut self) -> bool {
        let here = stack_address();
        if self.native_stack_limit == 0 {
            let usable = self.native_stack_size.saturating_sub(NATIVE_STACK_MARGIN).max(NATIVE_STACK_MARGIN);
            self.native_stack_limit = here.saturating_sub(usable);
        }
        here > self.native_stack_limit
    }

    #[inline]
    pub fn push(&mut self, v: Value) {
        self.stack.push(v);
    }

    #[inline]
    pub fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or(Value::Null)
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
