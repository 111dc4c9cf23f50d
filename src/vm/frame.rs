//! Frames and the per-thread execution state (value stack, frame stack,
//! exception being handled). (Owned by the VM.)
//!
//! One value stack per thread: a frame is a window on it — its local slots,
//! then its operand stack — so a call allocates no `Vec`. Python→Python calls
//! push a `Frame` and the eval loop continues with it; only native code calling
//! back into Python recurses on the Rust stack (bounded by `check_native_stack`).

use crate::objects::{CodeObject, Gc, PyCell, PyDict, PyFunction, PyInstance, PyStr, Value};

/// Native stack that must remain for the VM to re-enter the eval loop
/// (debug builds use large Rust frames).
pub const NATIVE_STACK_MARGIN: usize = 128 * 1024;

pub struct Frame {
    /// The function running: its code, globals and closure, one reference
    /// for all three (module and class bodies, `exec` and `eval` run as a
    /// function made for them, `Frame::for_code`). A call from the eval loop
    /// moves it here from the stack slot it was called from.
    pub func: Gc<PyFunction>,
    /// The next instruction to execute.
    pub pc: usize,
    /// Index of local slot 0 in the thread's value stack.
    pub base: usize,
    /// Where the caller wants the result: the stack is cut back to this index on return.
    pub ret_sp: usize,
    /// Cells made for this call when the code has cellvars, the closure
    /// copied after them; `None`: the function's closure is the deref space.
    pub own_cells: Option<Gc<[Gc<PyCell>]>>,
    /// The namespace of module and class bodies (`LoadName`/`StoreName`).
    pub locals: Option<Gc<PyDict>>,
    /// Returning from (or raising out of) this frame ends the current `run_frames` call.
    pub entry: bool,
    /// The instance a class call is initialising (`None` for other frames):
    /// this `__init__` frame must return `None`, and the call's result is the instance.
    pub init_self: Option<Gc<PyInstance>>,
}

impl Frame {
    /// A frame for `func`'s code at `base` (its locals already there).
    #[inline]
    pub fn new(func: Gc<PyFunction>, base: usize, ret_sp: usize, own_cells: Option<Gc<[Gc<PyCell>]>>, entry: bool) -> Frame {
        Frame { func, pc: 0, base, ret_sp, own_cells, locals: None, entry, init_self: None }
    }

    /// A frame running `code` outside any function (module and class bodies,
    /// `exec`): the function it runs as is made here.
    pub fn for_code(
        name: Gc<PyStr>,
        code: Gc<CodeObject>,
        globals: Gc<PyDict>,
        locals: Option<Gc<PyDict>>,
        cells: Gc<[Gc<PyCell>]>,
        base: usize,
    ) -> Frame {
        let func = PyFunction::new(code, globals, name.clone(), name, Box::default(), None, cells);
        Frame { locals, ..Frame::new(Gc::new(func), base, base, None, true) }
    }

    #[inline]
    pub fn code(&self) -> &Gc<CodeObject> {
        &self.func.code
    }

    #[inline]
    pub fn globals(&self) -> &Gc<PyDict> {
        &self.func.globals
    }

    /// The deref space: cell variables, then free variables.
    #[inline]
    pub fn cells(&self) -> &[Gc<PyCell>] {
        match &self.own_cells {
            Some(cells) => cells,
            None => &self.func.closure,
        }
    }

    /// Index of the first operand-stack slot.
    pub fn stack_base(&self) -> usize {
        self.base + self.func.shape.nlocals as usize
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
