//! The `builtins` namespace: functions and types every script sees.
//! `core` holds the functions over values (`len`, `print`, `sorted`, ...);
//! `runtime` holds those that need the VM's machinery (`__build_class__`,
//! `__import__`, `globals`, `exec`, ...).

use crate::vm::ThreadState;

pub mod core;
pub mod runtime;

/// Fills the interpreter's `builtins` namespace.
pub fn install(ts: &mut ThreadState) {
    core::install(ts);
    runtime::install(ts);
}
