//! Installs the methods of every builtin type into its namespace.

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
