//! Module objects.

use super::{Gc, PyDict, PyStr};

pub struct PyModule {
    pub name: Gc<PyStr>,
    /// The module's globals.
    pub dict: Gc<PyDict>,
}
