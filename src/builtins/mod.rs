//! The `builtins` namespace: functions and types every script sees.
//! `core` holds the functions over values (`len`, `print`, `sorted`, ...);
//! `runtime` holds those that need the VM's machinery (`__build_class__`,
//! `__import__`, `globals`, `exec`, ...).

use crate::vm::ThreadState;

pub mod args;
mod bytes_methods;
mod constructors;
pub mod core;
mod dict_methods;
mod dunders;
mod exc_methods;
pub mod file;
pub mod io;
mod iterfns;
mod list_methods;
mod methods;
pub mod misc_methods;
pub mod oserror;
pub mod runtime;
pub mod sort;
mod str_methods;
mod str_split_join;
mod strformat;
pub mod structseq;

pub use constructors::{parse_float, parse_int, to_float, to_int};
pub(crate) use constructors::convert;

/// Fills the interpreter's `builtins` namespace.
pub fn install(ts: &mut ThreadState) {
    core::install(ts);
    runtime::install(ts);
}
