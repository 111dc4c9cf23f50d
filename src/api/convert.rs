//! Conversions between Rust values and script objects. Every conversion
//! copies: a Rust `String` made from a `str` shares nothing with it, so
//! values cross between interpreters only as copies of plain data.

use std::collections::HashMap;
use std::hash::BuildHasher;

use num_bigint::BigInt;

use super::attached::Attached;
use super::error::{Error, Result};
use super::object::Object;
use crate::objects::{Gc, PyBytes, PyDict, Value};

/// Rust values a script object converts to.
///
/// Implemented for `()` (from `None`), `bool`, `i64`, `i32`, `u32`, `u64`,
/// `usize`, `BigInt`, `f64` (from a float or an int), `String`, `Vec<u8>`
/// (from `bytes`), `Vec<T>` (from a list or tuple), `HashMap<String, T>`
/// (from a dict with `str` keys), `Option<T>` (`None` is `None`), tuples of
/// up to six, and [`Object`] itself.
///
/// ```
/// use std::collections::HashMap;
/// let interp = gilvm::Interpreter::builder().build()?;
/// let scores: HashMap<String, Vec<(i64, Option<f64>)>> =
///     interp.eval("{'ann': [(1, 2.5), (2, None)]}")?;
/// assert_eq!(scores["ann"], vec![(1, Some(2.5)), (2, None)]);
/// # Ok::<(), gilvm::Error>(())
/// ```
pub trait FromValue<'py>: Sized {
    /// Converts `obj`, or fails with a `TypeError` (`OverflowError` for an
    /// int out of range).
    fn from_object(obj: Object<'py>, py: &mut Attached<'py>) -> Result<Self>;
}

/// Rust values that convert to a script object (the same types as
/// [`FromValue`], plus `&str` and `&[u8]`).
///
/// ```
/// let interp = gilvm::Interpreter::builder().build()?;
/// interp.set_global("point", (3, "x", vec![1.5]))?;
/// assert_eq!(interp.eval::<String>("repr(point)")?, "(3, 'x', [1.5])");
/// # Ok::<(), gilvm::Error>(())
/// ```
pub trait IntoValue<'py> {
    /// Makes a new script object holding a copy of `self`.
    fn into_object(self, py: &mut Attached<'py>) -> Result<Object<'py>>;
}

/// The positional arguments of a call: a tuple of [`IntoValue`] values (up to
/// six), `()`, or a `Vec<Object>`.
///
/// ```
/// let interp = gilvm::Interpreter::builder().build()?;
/// interp.run("def join(*parts): return '-'.join(map(str, parts))")?;
/// assert_eq!(interp.call::<String>("join", (1, "a", 2.5))?, "1-a-2.5");
/// # Ok::<(), gilvm::Error>(())
/// ```
pub trait IntoArgs<'py> {
    /// The argument values, in order.
    fn into_values(self, py: &mut Attached<'py>) -> Result<Vec<Value>>;
}

/// The parameters a native function receives: a tuple of [`FromValue`]
/// types, one per parameter of its signature (see `NativeModule::function`).
///
/// ```
/// let m = gilvm::NativeModule::new("calc")
///     .function("scale", "x, factor=2", |_py, (x, factor): (f64, f64)| Ok(x * factor));
/// let interp = gilvm::Interpreter::builder().module(m).build()?;
/// assert_eq!(interp.eval::<f64>("__import__('calc').scale(1.5)")?, 3.0);
/// # Ok::<(), gilvm::Error>(())
/// ```
pub trait FromArgs<'py>: Sized {
    /// How many parameters the tuple takes.
    const COUNT: usize;
    /// Converts the bound parameters, in order.
    fn from_objects(args: Vec<Object<'py>>, py: &mut Attached<'py>) -> Result<Self>;
}

fn type_error(py: &mut Attached<'_>, expected: &str, got: &Value) -> Error {
    let name = py.ts.type_of(got).name.clone();
    Error::new("TypeError", format!("expected {expected}, got {name}"))
}

impl<'py> FromValue<'py> for Object<'py> {
    fn from_object(obj: Object<'py>, _py: &mut Attached<'py>) -> Result<Self> {
        Ok(obj)
    }
}

impl<'py> IntoValue<'py> for Object<'py> {
    fn into_object(self, _py: &mut Attached<'py>) -> Result<Object<'py>> {
        Ok(self)
    }
}

impl<'py> IntoValue<'py> for &Object<'py> {
    fn into_object(self, _py: &mut Attached<'py>) -> Result<Object<'py>> {
        Ok(self.clone())
    }
}

/// Plain-data conversions: `$ty` from and to a `Value` without the interpreter.
macro_rules! plain {
    ($ty:ty, $expected:literal, |$v:ident| $from:expr, |$x:ident| $into:expr) => {
        impl<'py> FromValue<'py> for $ty {
            fn from_object(obj: Object<'py>, py: &mut Attached<'py>) -> Result<Self> {
                let $v = &obj.value;
                match $from {
                    Some(x) => Ok(x),
                    None => Err(type_error(py, $expected, &obj.value)),
                }
            }
        }
        impl<'py> IntoValue<'py> for $ty {
            fn into_object(self, py: &mut Attached<'py>) -> Result<Object<'py>> {
                let $x = self;
                Ok(Object::new(py, $into))
            }
        }
    };
}

plain!((), "None", |v| v.is_none().then_some(()), |_x| Value::None);
plain!(bool, "bool", |v| match v { Value::Bool(b) => Some(*b), _ => None }, |x| Value::Bool(x));
plain!(f64, "float", |v| match v {
    Value::Float(f) => Some(*f),
    Value::Int(i) => Some(*i as f64),
    _ => None,
}, |x| Value::Float(x));
plain!(BigInt, "int", |v| match v {
    Value::Int(i) => Some(BigInt::from(*i)),
    Value::BigInt(b) => Some((**b).clone()),
    Value::Bool(b) => Some(BigInt::from(*b as i64)),
    _ => None,
}, |x| Value::from_bigint(x));
plain!(String, "str", |v| v.as_str().map(|s| s.as_str().to_string()), |x| Value::Str(Gc::new(crate::objects::PyStr::from_string(x))));
plain!(Vec<u8>, "bytes", |v| match v { Value::Bytes(b) => Some(b.value.to_vec()), _ => None }, |x| Value::Bytes(Gc::new(PyBytes::new(x))));

/// Integers: from an `int` (or `bool`) in range, else `OverflowError`.
macro_rules! int {
    ($($ty:ty),*) => {$(
        impl<'py> FromValue<'py> for $ty {
            fn from_object(obj: Object<'py>, py: &mut Attached<'py>) -> Result<Self> {
                let wide = match &obj.value {
                    Value::Int(i) => <$ty>::try_from(*i).ok(),
                    Value::Bool(b) => <$ty>::try_from(*b as i64).ok(),
                    Value::BigInt(b) => <$ty>::try_from(&**b).ok(),
                    other => return Err(type_error(py, "int", other)),
                };
                wide.ok_or_else(|| Error::new("OverflowError", concat!("int too large to convert to ", stringify!($ty))))
            }
        }
        impl<'py> IntoValue<'py> for $ty {
            fn into_object(self, py: &mut Attached<'py>) -> Result<Object<'py>> {
                Ok(Object::new(py, Value::from_bigint(BigInt::from(self))))
            }
        }
    )*};
}

int!(i64, i32, u32, u64, usize);

impl<'py> IntoValue<'py> for &str {
    fn into_object(self, py: &mut Attached<'py>) -> Result<Object<'py>> {
        Ok(Object::new(py, Value::str(self)))
    }
}

impl<'py> IntoValue<'py> for &[u8] {
    fn into_object(self, py: &mut Attached<'py>) -> Result<Object<'py>> {
        Ok(Object::new(py, Value::Bytes(Gc::new(PyBytes::new(self.to_vec())))))
    }
}

impl<'py, T: FromValue<'py>> FromValue<'py> for Option<T> {
    fn from_object(obj: Object<'py>, py: &mut Attached<'py>) -> Result<Self> {
        if obj.is_none() {
            return Ok(None);
        }
        T::from_object(obj, py).map(Some)
    }
}

impl<'py, T: IntoValue<'py>> IntoValue<'py> for Option<T> {
    fn into_object(self, py: &mut Attached<'py>) -> Result<Object<'py>> {
        match self {
            Some(x) => x.into_object(py),
            None => Ok(Object::new(py, Value::None)),
        }
    }
}

/// The items of a list or tuple (a snapshot).
fn sequence_items(py: &mut Attached<'_>, v: &Value) -> Result<Vec<Value>> {
    match v {
        Value::List(l) => Ok(l.items.borrow().clone()),
        Value::Tuple(t) => Ok(t.items.to_vec()),
        other => Err(type_error(py, "list or tuple", other)),
    }
}

impl<'py, T: FromValue<'py>> FromValue<'py> for Vec<T> {
    fn from_object(obj: Object<'py>, py: &mut Attached<'py>) -> Result<Self> {
        let items = sequence_items(py, &obj.value)?;
        items.into_iter().map(|v| T::from_object(Object::new(py, v), py)).collect()
    }
}

impl<'py, T: IntoValue<'py>> IntoValue<'py> for Vec<T> {
    fn into_object(self, py: &mut Attached<'py>) -> Result<Object<'py>> {
        let items = self.into_iter().map(|x| x.into_object(py).map(|o| o.value)).collect::<Result<Vec<_>>>()?;
        Ok(Object::new(py, Value::list(items)))
    }
}

impl<'py, T: FromValue<'py>, S: BuildHasher + Default> FromValue<'py> for HashMap<String, T, S> {
    fn from_object(obj: Object<'py>, py: &mut Attached<'py>) -> Result<Self> {
        let Value::Dict(d) = &obj.value else { return Err(type_error(py, "dict", &obj.value)) };
        let mut map = HashMap::with_capacity_and_hasher(d.len(), S::default());
        for (k, v) in d.items() {
            let Value::Str(key) = &k else { return Err(type_error(py, "str key", &k)) };
            map.insert(key.as_str().to_string(), T::from_object(Object::new(py, v), py)?);
        }
        Ok(map)
    }
}

impl<'py, T: IntoValue<'py>, S> IntoValue<'py> for HashMap<String, T, S> {
    fn into_object(self, py: &mut Attached<'py>) -> Result<Object<'py>> {
        let dict = Gc::new(PyDict::new());
        let mut entries: Vec<(String, T)> = self.into_iter().collect();
        // Insertion order is visible to scripts: make it independent of the hasher.
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (k, v) in entries {
            let value = v.into_object(py)?.value;
            dict.set_str(Gc::new(crate::objects::PyStr::from_string(k)), value);
        }
        Ok(Object::new(py, Value::Dict(dict)))
    }
}

macro_rules! tuples {
    ($(($($name:ident),+) = $len:literal;)*) => {$(
        impl<'py, $($name: FromValue<'py>),+> FromValue<'py> for ($($name,)+) {
            fn from_object(obj: Object<'py>, py: &mut Attached<'py>) -> Result<Self> {
                let items = sequence_items(py, &obj.value)?;
                if items.len() != $len {
                    return Err(Error::new("ValueError", format!("expected a sequence of {} items, got {}", $len, items.len())));
                }
                let mut items = items.into_iter();
                Ok(($({
                    let v = items.next().unwrap_or(Value::None);
                    $name::from_object(Object::new(py, v), py)?
                },)+))
            }
        }
        impl<'py, $($name: IntoValue<'py>),+> IntoValue<'py> for ($($name,)+) {
            #[allow(non_snake_case)]
            fn into_object(self, py: &mut Attached<'py>) -> Result<Object<'py>> {
                let ($($name,)+) = self;
                let items = vec![$($name.into_object(py)?.value),+];
                Ok(Object::new(py, Value::tuple(items)))
            }
        }
        impl<'py, $($name: IntoValue<'py>),+> IntoArgs<'py> for ($($name,)+) {
            #[allow(non_snake_case)]
            fn into_values(self, py: &mut Attached<'py>) -> Result<Vec<Value>> {
                let ($($name,)+) = self;
                let mut values = Vec::with_capacity($len);
                $(values.push($name.into_object(py)?.value_in(py)?.clone());)+
                Ok(values)
            }
        }
        impl<'py, $($name: FromValue<'py>),+> FromArgs<'py> for ($($name,)+) {
            const COUNT: usize = $len;
            fn from_objects(args: Vec<Object<'py>>, py: &mut Attached<'py>) -> Result<Self> {
                let mut args = args.into_iter();
                Ok(($({
                    let arg = args.next().ok_or_else(|| Error::new("TypeError", "missing argument"))?;
                    $name::from_object(arg, py)?
                },)+))
            }
        }
    )*};
}

tuples! {
    (A) = 1;
    (A, B) = 2;
    (A, B, C) = 3;
    (A, B, C, D) = 4;
    (A, B, C, D, E) = 5;
    (A, B, C, D, E, F) = 6;
}

impl<'py> IntoArgs<'py> for () {
    fn into_values(self, _py: &mut Attached<'py>) -> Result<Vec<Value>> {
        Ok(Vec::new())
    }
}

impl<'py> FromArgs<'py> for () {
    const COUNT: usize = 0;
    fn from_objects(_args: Vec<Object<'py>>, _py: &mut Attached<'py>) -> Result<Self> {
        Ok(())
    }
}

impl<'py> IntoArgs<'py> for Vec<Object<'py>> {
    fn into_values(self, py: &mut Attached<'py>) -> Result<Vec<Value>> {
        self.iter().map(|o| o.value_in(py).cloned()).collect()
    }
}
