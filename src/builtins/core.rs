//! Builtin functions over values, and the builtin types' names and methods.

use crate::vm::ThreadState;

pub fn install(ts: &mut ThreadState) {
    let _ = ts;
}
