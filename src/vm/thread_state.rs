//! The thread state (CPython's `PyThreadState`): one per OS thread running in
//! an interpreter. It owns the thread's `GilToken`, so holding a
//! `&mut ThreadState` means holding the GIL — every function that touches
//! objects takes one.

use std::sync::Arc;

use super::frame::ExecState;
use super::gil::{Gil, GilToken};
use super::interpreter::{InterpObjects, InterpreterState};
use crate::objects::{Gc, PyStr, TypeRegistry};

pub struct ThreadState {
    pub interp: Arc<InterpreterState>,
    /// This interpreter's objects (a cached handle; see `InterpreterState::objects`).
    pub objs: Gc<InterpObjects>,
    /// Frames, value stack and the exception being handled (the VM's part).
    pub exec: ExecState,
    /// Declared last: dropping the thread state releases the GIL only after
    /// every object handle above has been dropped.
    pub token: GilToken,
}

impl ThreadState {
    /// Takes `interp`'s GIL on the current thread and returns its thread state.
    pub fn attach(interp: Arc<InterpreterState>) -> ThreadState {
        let token = Gil::acquire(&interp.gil);
        let objs = interp.objects(&token);
        ThreadState { interp, objs, exec: ExecState::default(), token }
    }

    /// Runs the blocking call `f` without the GIL (see `GilToken::allow_threads`).
    pub fn allow_threads<F: FnOnce() -> R + Send, R: Send>(&mut self, f: F) -> R {
        self.token.allow_threads(f)
    }

    pub fn types(&self) -> &TypeRegistry {
        &self.objs.types
    }

    /// The interned string object for `s`.
    pub fn intern(&mut self, s: &str) -> Gc<PyStr> {
        if let Some(found) = self.objs.interned.borrow().get(s) {
            return found.clone();
        }
        let new = Gc::new(PyStr::new(s));
        self.objs.interned.borrow_mut().insert(s.into(), new.clone());
        new
    }
}
