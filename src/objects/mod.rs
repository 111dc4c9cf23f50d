//! Objects: the `Value` representation and every builtin type's data.
//!
//! Behaviour that needs the interpreter (calling, attribute lookup, the
//! operator protocols that fall back to dunder methods) takes a
//! `&mut ThreadState`, which exists only on a thread that holds the GIL.

pub mod bytes;
pub mod class;
pub mod code;
mod compare;
pub mod dict;
pub mod dictview;
pub mod exception;
pub mod format;
pub mod function;
mod guard;
pub mod hash;
pub mod instance;
mod items;
pub mod iter;
mod iterate;
pub mod list;
mod mapping;
pub mod module;
pub mod native;
pub mod num;
mod ops;
mod printf;
pub mod protocol;
pub mod range;
mod repr;
pub mod trashcan;
pub mod set;
pub mod str;
pub mod text;
pub mod tuple;
pub mod types;
pub mod value;

pub use items::SliceIndices;
pub use mapping::eq_fast;
pub use ops::MAX_ALLOC_BYTES;

pub use self::bytes::PyBytes;
pub use self::str::PyStr;
pub use class::{Layout, PyType};
pub use instance::PyInstance;
pub use code::CodeObject;
pub use dict::{DictEntry, DictTable, PyDict};
pub use exception::{ExceptionData, PyErr, PyResult, TraceEntry};
pub use function::{Args, BoundMethod, NativeFnPtr, NativeFunction, NativeImpl, PyCell, PyFunction, PyProperty};
pub use iter::{IterKind, PyIterator, TableIterKind};
pub use list::PyList;
pub use module::PyModule;
pub use native::NativeObject;
pub use range::{PyRange, PySlice};
pub use set::PySet;
pub use tuple::PyTuple;
pub use types::TypeRegistry;
pub use value::{Gc, Value};
