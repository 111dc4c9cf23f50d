//! Iterators over builtin containers and the lazy builtins (`enumerate`, `zip`, ...).

use std::cell::RefCell;

use super::Value;

pub enum IterKind {
    /// Over a list, tuple or bytes by position; over a str by byte offset.
    Sequence { seq: Value, index: usize },
    Range { next: i64, stop: i64, step: i64 },
    /// Over a dict or set by entry position; `kind` picks keys, values or items.
    /// `len` is the size when iteration started (changing it is an error).
    Table { container: Value, pos: usize, kind: TableIterKind, len: usize },
    /// `reversed(seq)` over a list, tuple, str or range (by position, counting down).
    Reversed { seq: Value, remaining: usize },
    /// The old protocol: `obj[0]`, `obj[1]`, ... until `IndexError`.
    GetItem { obj: Value, index: i64 },
    Enumerate { inner: Value, count: Value },
    Zip { inners: Vec<Value>, strict: bool },
    Map { func: Value, inners: Vec<Value> },
    Filter { func: Value, inner: Value },
    /// `iter(callable, sentinel)`.
    CallUntil { func: Value, sentinel: Value },
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

/// What an iterator holds is freed through the trashcan (`map(f, map(f, ...))` chains).
impl Drop for PyIterator {
    fn drop(&mut self) {
        super::trashcan::free(std::mem::replace(self.state.get_mut(), IterKind::Exhausted));
    }
}

impl PyIterator {
    pub fn new(kind: IterKind) -> PyIterator {
        PyIterator { state: RefCell::new(kind) }
    }

    /// The class of this iterator (`list_iterator`, `zip`, ...).
    pub fn class(&self, t: &super::TypeRegistry) -> super::Gc<super::PyType> {
        match &*self.state.borrow() {
            IterKind::Sequence { seq: Value::List(_), .. } => t.list_iterator.clone(),
            IterKind::Sequence { seq: Value::Tuple(_), .. } => t.tuple_iterator.clone(),
            IterKind::Sequence { seq: Value::Str(_), .. } => t.str_iterator.clone(),
            IterKind::Sequence { seq: Value::Bytes(_), .. } => t.bytes_iterator.clone(),
            IterKind::Sequence { .. } | IterKind::GetItem { .. } | IterKind::Exhausted => t.iterator.clone(),
            IterKind::Range { .. } => t.range_iterator.clone(),
            IterKind::Table { container: Value::Set(_), .. } => t.set_iterator.clone(),
            IterKind::Table { kind: TableIterKind::Keys, .. } => t.dict_keyiterator.clone(),
            IterKind::Table { kind: TableIterKind::Values, .. } => t.dict_valueiterator.clone(),
            IterKind::Table { kind: TableIterKind::Items, .. } => t.dict_itemiterator.clone(),
            IterKind::Reversed { seq: Value::List(_), .. } => t.list_reverseiterator.clone(),
            IterKind::Reversed { .. } => t.reversed_.clone(),
            IterKind::Enumerate { .. } => t.enumerate_.clone(),
            IterKind::Zip { .. } => t.zip_.clone(),
            IterKind::Map { .. } => t.map_.clone(),
            IterKind::Filter { .. } => t.filter_.clone(),
            IterKind::CallUntil { .. } => t.callable_iterator.clone(),
        }
    }

    /// The type name CPython shows for this iterator (`list_iterator`, `zip`, ...).
    pub fn type_name(&self) -> &'static str {
        match &*self.state.borrow() {
            IterKind::Sequence { seq: Value::List(_), .. } => "list_iterator",
            IterKind::Sequence { seq: Value::Tuple(_), .. } => "tuple_iterator",
            IterKind::Sequence { seq: Value::Str(_), .. } => "str_ascii_iterator",
            IterKind::Sequence { seq: Value::Bytes(_), .. } => "bytes_iterator",
            IterKind::Sequence { .. } | IterKind::GetItem { .. } => "iterator",
            IterKind::Range { .. } => "range_iterator",
            IterKind::Table { container: Value::Set(_), .. } => "set_iterator",
            IterKind::Table { kind: TableIterKind::Keys, .. } => "dict_keyiterator",
            IterKind::Table { kind: TableIterKind::Values, .. } => "dict_valueiterator",
            IterKind::Table { kind: TableIterKind::Items, .. } => "dict_itemiterator",
            IterKind::Reversed { seq: Value::List(_), .. } => "list_reverseiterator",
            IterKind::Reversed { .. } => "reversed",
            IterKind::Enumerate { .. } => "enumerate",
            IterKind::Zip { .. } => "zip",
            IterKind::Map { .. } => "map",
            IterKind::Filter { .. } => "filter",
            IterKind::CallUntil { .. } => "callable_iterator",
            IterKind::Exhausted => "iterator",
        }
    }
}
