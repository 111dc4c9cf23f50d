//! Builtin functions that need the VM: `__build_class__`, `__import__`,
//! `globals`, `locals`, `exec`, `eval`.

use crate::vm::ThreadState;

pub fn install(ts: &mut ThreadState) {
    let _ = ts;
}
