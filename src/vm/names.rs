//! Interned names the VM looks up on hot paths (attribute hooks, class
//! calls), interned once per thread instead of hashed on every use.

use super::ThreadState;
use crate::objects::{Gc, PyStr};

pub struct VmNames {
    pub getattr: Gc<PyStr>,
    pub setattr: Gc<PyStr>,
    pub delattr: Gc<PyStr>,
    pub new: Gc<PyStr>,
    pub init: Gc<PyStr>,
    pub enter: Gc<PyStr>,
    pub exit: Gc<PyStr>,
}

impl ThreadState {
    /// The VM's interned names (created on first use in each thread).
    pub(crate) fn vm_names(&mut self) -> Gc<VmNames> {
        if let Some(names) = &self.exec.names {
            return names.clone();
        }
        let names = Gc::new(VmNames {
            getattr: self.intern("__getattr__"),
            setattr: self.intern("__setattr__"),
            delattr: self.intern("__delattr__"),
            new: self.intern("__new__"),
            init: self.intern("__init__"),
            enter: self.intern("__enter__"),
            exit: self.intern("__exit__"),
        });
        self.exec.names = Some(names.clone());
        names
    }
}
