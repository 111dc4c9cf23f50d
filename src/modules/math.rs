//! The `math` module.

use crate::objects::{Gc, PyModule, PyResult};
use crate::vm::ThreadState;

pub fn init(ts: &mut ThreadState) -> PyResult<Gc<PyModule>> {
    Ok(PyModule::new(ts, "math"))
}
