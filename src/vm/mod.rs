//! The virtual machine: runtime, interpreter and thread states, the GIL,
//! frames and the eval loop (`eval`), calls, attributes, classes, exceptions
//! and tracebacks, generators, imports, and the program-running API (`run`).

pub mod attr;
mod attr_special;
pub mod builtin_methods;
pub mod call;
mod dropped;
pub mod class;
pub mod errors;
pub mod eval;
#[cfg(test)]
mod eval_tests;
pub mod exceptions;
mod fastops;
pub mod eval_breaker;
pub mod frame;
pub mod generator;
pub mod gil;
pub mod gil_cell;
pub mod gil_stats;
pub mod gil_trace;
#[cfg(test)]
mod gil_tests;
pub mod gil_workload;
pub mod import;
pub(crate) mod inline_cache;
pub mod interpreter;
pub mod memory;
mod names;
mod ops;
pub mod pool_alloc;
#[cfg(test)]
mod pool_alloc_tests;
pub mod run;
pub mod runtime;
pub mod shareable;
pub mod signals;
pub mod thread_spawn;
pub mod thread_state;
pub mod traceback;
mod traceback_carets;
pub mod unblock;

pub use crate::objects::{PyErr, PyResult};
pub use interpreter::InterpreterState;
pub use thread_state::ThreadState;
