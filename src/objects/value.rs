//! `Value`: what the VM pushes, stores and passes around.
//!
//! A `Value` is 16 bytes: small immediates (`None`, `bool`, 64-bit `int`,
//! `float`) live inline with no heap allocation and no reference counting;
//! everything else is a `Gc<T>` — a non-atomic reference-counted pointer.
//!
//! `Gc` is `std::rc::Rc`, so `Value` is neither `Send` nor `Sync`: the compiler
//! itself stops a value from being captured by a closure that runs without the
//! GIL (see `vm::gil_cell` for the one door values use to cross threads, and
//! `vm::gil` for the lock that makes that sound). Objects carry no lock of their
//! own; their interior mutability is `RefCell`/`Cell`, safe because only the
//! thread holding the GIL ever touches them.
//!
//! Reference cycles are not collected yet (see ARCHITECTURE.md).

use std::rc::Rc;

use num_bigint::BigInt;

use super::{
    BoundMethod, CodeObject, NativeFunction, NativeObject, PyBytes, PyCell, PyDict, PyFunction,
    PyInstance, PyIterator, PyList, PyModule, PyProperty, PyRange, PySet, PySlice, PyStr,
    PyTuple, PyType,
};
use crate::vm::generator::PyGenerator;

/// A reference-counted pointer to a heap object (see the module docs).
pub type Gc<T> = Rc<T>;

#[derive(Clone)]
pub enum Value {
    /// Internal marker, never visible to Python code: an unbound local slot, an
    /// empty cell, the NULL pushed by `LoadMethod`.
    Null,
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    /// An int that fits in 64 bits. Arithmetic that overflows continues as `BigInt`;
    /// a `BigInt` is never used for a value that fits in `i64` (normalise results).
    Int(i64),
    BigInt(Gc<BigInt>),
    Float(f64),
    Str(Gc<PyStr>),
    Bytes(Gc<PyBytes>),
    Tuple(Gc<PyTuple>),
    List(Gc<PyList>),
    Dict(Gc<PyDict>),
    /// `set` and `frozenset` (see `PySet::frozen`).
    Set(Gc<PySet>),
    Range(Gc<PyRange>),
    Slice(Gc<PySlice>),
    /// A function written in Python.
    Function(Gc<PyFunction>),
    /// A function written in Rust (builtins, methods of builtin types, module functions).
    NativeFunction(Gc<NativeFunction>),
    BoundMethod(Gc<BoundMethod>),
    Type(Gc<PyType>),
    /// An instance of a class defined in Python (exceptions included).
    Instance(Gc<PyInstance>),
    Module(Gc<PyModule>),
    Cell(Gc<PyCell>),
    Code(Gc<CodeObject>),
    Generator(Gc<PyGenerator>),
    /// The iterators of builtin types and of `enumerate`, `zip`, `map`, ...
    Iterator(Gc<PyIterator>),
    Property(Gc<PyProperty>),
    StaticMethod(Gc<Value>),
    ClassMethod(Gc<Value>),
    /// An object implemented in Rust with a Python class: locks, files, sockets, ...
    Native(Gc<NativeObject>),
}

impl Value {
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Holds no heap object: copying or dropping it touches no reference count.
    #[inline(always)]
    pub fn is_immediate(&self) -> bool {
        matches!(
            self,
            Value::Null | Value::None | Value::NotImplemented | Value::Ellipsis | Value::Bool(_) | Value::Int(_) | Value::Float(_)
        )
    }

    /// Drops the value, without calling the drop glue (a jump on the variant)
    /// when it is an immediate: forgetting one leaks nothing.
    #[inline(always)]
    pub fn discard(self) {
        if self.is_immediate() {
            std::mem::forget(self)
        } else {
            drop(self)
        }
    }

    /// Identity (`is`): same immediate, or same heap object.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (Null, Null) | (None, None) | (NotImplemented, NotImplemented) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            _ => match (self.heap_ptr(), other.heap_ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of the heap object, if any (used by `is` and `id`).
    pub fn heap_ptr(&self) -> Option<usize> {
        use Value::*;
        fn p<T: ?Sized>(rc: &Rc<T>) -> Option<usize> {
            Some(Rc::as_ptr(rc) as *const u8 as usize)
        }
        match self {
            Null | None | NotImplemented | Ellipsis | Bool(_) | Int(_) | Float(_) => Option::None,
            BigInt(x) => p(x),
            Str(x) => p(x),
            Bytes(x) => p(x),
            Tuple(x) => p(x),
            List(x) => p(x),
            Dict(x) => p(x),
            Set(x) => p(x),
            Range(x) => p(x),
            Slice(x) => p(x),
            Function(x) => p(x),
            NativeFunction(x) => p(x),
            BoundMethod(x) => p(x),
            Type(x) => p(x),
            Instance(x) => p(x),
            Module(x) => p(x),
            Cell(x) => p(x),
            Code(x) => p(x),
            Generator(x) => p(x),
            Iterator(x) => p(x),
            Property(x) => p(x),
            StaticMethod(x) => p(x),
            ClassMethod(x) => p(x),
            Native(x) => p(x),
        }
    }

    pub fn str(s: &str) -> Value {
        Value::Str(Gc::new(PyStr::new(s)))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Gc::new(PyTuple::new(items)))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Gc::new(PyList::new(items)))
    }

    /// An int from a big integer, normalised to `Int` when it fits.
    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            Option::None => Value::BigInt(Gc::new(b)),
        }
    }

    pub fn as_str(&self) -> Option<&PyStr> {
        match self {
            Value::Str(s) => Some(s),
            _ => Option::None,
        }
    }
}

impl std::fmt::Debug for Value {
    /// A debugging view that needs no interpreter (not Python's `repr`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Null => write!(f, "<NULL>"),
            Value::None => write!(f, "None"),
            Value::NotImplemented => write!(f, "NotImplemented"),
            Value::Ellipsis => write!(f, "Ellipsis"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{i}"),
            Value::BigInt(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Str(s) => write!(f, "{:?}", s.as_str()),
            Value::Type(t) => write!(f, "<class '{}'>", t.name),
            other => write!(f, "<object at {:#x}>", other.heap_ptr().unwrap_or(0)),
        }
    }
}
