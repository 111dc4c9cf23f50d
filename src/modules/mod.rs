//! Native modules (written in Rust). Modules written in Python are bundled in
//! `pylib`. The import system asks `native_module` first, then `pylib`, then
//! the directory of the main script.

use crate::objects::{Gc, PyModule, PyResult};
use crate::vm::ThreadState;

pub mod gil;
pub mod interp_queues;
pub mod interpreters;
pub mod math;
pub mod os;
pub mod os_path;
pub mod select;
pub mod socket;
mod socket_addr;
mod socket_object;
mod socket_sockopt;
mod socket_wait;
pub mod sys;
pub mod tempfile;
pub mod thread;
pub mod thread_lock;
mod thread_condition;
mod thread_queue;
#[cfg(test)]
mod thread_tests;
pub mod time;
pub mod traceback;

pub type ModuleInit = fn(&mut ThreadState) -> PyResult<Gc<PyModule>>;

/// The initialiser of native module `name`, if there is one.
pub fn native_module(name: &str) -> Option<ModuleInit> {
    Some(match name {
        "sys" => sys::init,
        "_thread" => thread::init,
        "time" => time::init,
        "math" => math::init,
        "os" => os::init,
        "os.path" | "posixpath" => os_path::init,
        "tempfile" => tempfile::init,
        "socket" => socket::init,
        "select" => select::init,
        "gil" => gil::init,
        "_interpreters" => interpreters::init,
        "_interpqueues" => interp_queues::init,
        "_traceback" => traceback::init,
        _ => return None,
    })
}
