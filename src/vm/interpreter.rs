//! The interpreter state (CPython's `PyInterpreterState`): one per
//! interpreter — its GIL and, reachable only under that GIL, its modules,
//! builtins and types.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use super::gil::{Gil, GilToken};
use super::gil_cell::GilProtected;
use crate::objects::{Gc, PyDict, PyStr, TypeRegistry};

/// The objects of one interpreter.
pub struct InterpObjects {
    pub types: TypeRegistry,
    /// The `builtins` module's namespace.
    pub builtins: Gc<PyDict>,
    /// `sys.modules`.
    pub modules: Gc<PyDict>,
    /// Interned strings: names in code and attribute keys share one object each.
    pub interned: RefCell<HashMap<Box<str>, Gc<PyStr>>>,
}

pub struct InterpreterState {
    pub id: u64,
    pub gil: Arc<Gil>,
    objects: GilProtected<Gc<InterpObjects>>,
}

impl InterpreterState {
    /// A new interpreter with fresh builtin types. Its objects are created here,
    /// before any other thread can see the interpreter.
    pub fn new(id: u64) -> Arc<InterpreterState> {
        let objects = Gc::new(InterpObjects {
            types: TypeRegistry::new(),
            builtins: Gc::new(PyDict::new()),
            modules: Gc::new(PyDict::new()),
            interned: RefCell::new(HashMap::new()),
        });
        Arc::new(InterpreterState { id, gil: Arc::new(Gil::default()), objects: GilProtected::new(objects) })
    }

    /// This interpreter's objects; the token proves this thread holds its GIL.
    pub fn objects(&self, token: &GilToken) -> Gc<InterpObjects> {
        self.objects.get(token).clone()
    }
}
