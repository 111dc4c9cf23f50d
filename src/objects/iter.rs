//! Iterators over builtin containers and the lazy builtins (`enumerate`, `zip`, ...).

use std::cell::RefCell;

use super::Value;

pub enum IterKind {
    /// Over a list, tuple, str or bytes by position.
    Sequence { seq: Value, index: usize },
    Range { next: i64, stop: i64, step: i64 },
    /// Over a dict or set by entry position; `kind` picks keys, values or items.
    Table { container: Value, pos: usize, kind: TableIterKind },
    Exhausted,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TableIterKind {
    Keys,
    Values,
    Items,
}

pub struct PyIterator {
    pub state: RefCell<IterKind>,
}

impl PyIterator {
    pub fn new(kind: IterKind) -> PyIterator {
        PyIterator { state: RefCell::new(kind) }
    }
}
