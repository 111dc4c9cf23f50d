//! Installs the methods of every builtin type into its namespace.

use crate::objects::{Gc, NativeFunction, NativeImpl, PyDict, Value};
use crate::vm::ThreadState;

pub fn install(ts: &mut ThreadState) {
    super::str_methods::install(ts);
    super::bytes_methods::install(ts);
    super::list_methods::install(ts);
    super::dict_methods::install(ts);
    super::misc_methods::install(ts);
    super::exc_methods::install(ts);
    super::dunders::install(ts);
}

/// Adds a method of fixed arity (`NativeImpl::Method0`/`Method1`) to a
/// builtin type's namespace.
pub(super) fn add_fixed(ts: &mut ThreadState, dict: &PyDict, owner: &'static str, name: &'static str, func: NativeImpl) {
    let f = Value::NativeFunction(Gc::new(NativeFunction { name, owner, func }));
    dict.set_str(ts.intern(name), f);
}
