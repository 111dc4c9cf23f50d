//! Script objects seen from Rust: `Object<'py>`, usable while the thread is
//! attached, and `Handle`, which keeps an object alive between attachments.

use std::marker::PhantomData;
use std::sync::Arc;

use super::attached::Attached;
use super::convert::{FromValue, IntoArgs, IntoValue};
use super::error::{Error, Result};
use crate::objects::{Args, Value};
use crate::vm::InterpreterState;

/// A reference to a script object of the interpreter `py` is attached to.
///
/// It lives no longer than the `Attached<'py>` it came from, and it is not
/// `Send` (it holds a reference count that only the GIL's holder may touch),
/// so it cannot be used without the GIL. To keep an object beyond the
/// attachment, make a [`Handle`].
///
/// The compiler refuses an object that would escape its attachment:
///
/// ```compile_fail
/// let interp = gilvm::Interpreter::builder().build().unwrap();
/// let escaped = interp.with(|py| py.object(1)).unwrap();
/// ```
///
/// or be touched while the GIL is released (the closure must be `Send`):
///
/// ```compile_fail
/// let interp = gilvm::Interpreter::builder().build().unwrap();
/// interp.with(|py| {
///     let list = py.object(vec![1])?;
///     py.allow_threads(move || drop(list));
///     Ok(())
/// }).unwrap();
/// ```
///
/// ```
/// let interp = gilvm::Interpreter::builder().build()?;
/// interp.with(|py| {
///     let list = py.eval::<gilvm::Object>("[3, 1, 2]")?;
///     list.call_method(py, "sort", ())?;
///     assert_eq!(list.extract::<Vec<i64>>(py)?, vec![1, 2, 3]);
///     assert_eq!(list.repr(py)?, "[1, 2, 3]");
///     Ok(())
/// })
/// # ;Ok::<(), gilvm::Error>(())
/// ```
#[derive(Clone)]
pub struct Object<'py> {
    pub(crate) value: Value,
    pub(crate) interp: u64,
    _attached: PhantomData<&'py mut ()>,
}

impl<'py> Object<'py> {
    pub(crate) fn new(py: &Attached<'py>, value: Value) -> Object<'py> {
        Object { value, interp: py.ts.interp.id, _attached: PhantomData }
    }

    /// The value, after checking that it belongs to `py`'s interpreter.
    pub(crate) fn value_in(&self, py: &Attached<'py>) -> Result<&Value> {
        if self.interp != py.ts.interp.id {
            return Err(Error::new("TypeError", "object belongs to another interpreter"));
        }
        Ok(&self.value)
    }

    /// Converts to a Rust value.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// let n: i64 = interp.with(|py| py.eval::<gilvm::Object>("6 * 7")?.extract(py))?;
    /// assert_eq!(n, 42);
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn extract<T: FromValue<'py>>(&self, py: &mut Attached<'py>) -> Result<T> {
        T::from_object(self.clone(), py)
    }

    /// `self.name`.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.with(|py| {
    ///     let math = py.import("math")?;
    ///     assert_eq!(math.getattr(py, "pi")?.extract::<f64>(py)?, std::f64::consts::PI);
    ///     Ok(())
    /// })
    /// # ;Ok::<(), gilvm::Error>(())
    /// ```
    pub fn getattr(&self, py: &mut Attached<'py>, name: &str) -> Result<Object<'py>> {
        let value = self.value_in(py)?.clone();
        let key = py.ts.intern(name);
        py.enter_call();
        let result = py.ts.get_attr(&value, &key);
        py.wrap(result)
    }

    /// `self.name = value`.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.with(|py| {
    ///     py.run("class C: pass\nc = C()")?;
    ///     let c = py.global::<gilvm::Object>("c")?;
    ///     c.setattr(py, "size", 10)?;
    ///     assert_eq!(py.eval::<i64>("c.size")?, 10);
    ///     Ok(())
    /// })
    /// # ;Ok::<(), gilvm::Error>(())
    /// ```
    pub fn setattr(&self, py: &mut Attached<'py>, name: &str, value: impl IntoValue<'py>) -> Result<()> {
        let target = self.value_in(py)?.clone();
        let value = value.into_object(py)?.value_in(py)?.clone();
        let key = py.ts.intern(name);
        py.enter_call();
        let result = py.ts.set_attr(&target, &key, value);
        py.check(result)
    }

    /// `self[key]`.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.with(|py| {
    ///     let d = py.eval::<gilvm::Object>("{'a': 1}")?;
    ///     assert_eq!(d.get_item(py, "a")?.extract::<i64>(py)?, 1);
    ///     Ok(())
    /// })
    /// # ;Ok::<(), gilvm::Error>(())
    /// ```
    pub fn get_item(&self, py: &mut Attached<'py>, key: impl IntoValue<'py>) -> Result<Object<'py>> {
        let container = self.value_in(py)?.clone();
        let key = key.into_object(py)?.value_in(py)?.clone();
        py.enter_call();
        let result = py.ts.get_item(&container, &key);
        py.wrap(result)
    }

    /// `self(*args)`.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.with(|py| {
    ///     let max = py.eval::<gilvm::Object>("max")?;
    ///     assert_eq!(max.call(py, (3, 9, 4))?.extract::<i64>(py)?, 9);
    ///     Ok(())
    /// })
    /// # ;Ok::<(), gilvm::Error>(())
    /// ```
    pub fn call(&self, py: &mut Attached<'py>, args: impl IntoArgs<'py>) -> Result<Object<'py>> {
        self.call_kw(py, args, Vec::new())
    }

    /// `self(*args, **kwargs)`, the keyword arguments as `(name, value)` pairs.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.with(|py| {
    ///     let f = py.eval::<gilvm::Object>("lambda a, b=1, *, c=0: a * b + c")?;
    ///     let c = py.object(5)?;
    ///     assert_eq!(f.call_kw(py, (2, 3), vec![("c", c)])?.extract::<i64>(py)?, 11);
    ///     Ok(())
    /// })
    /// # ;Ok::<(), gilvm::Error>(())
    /// ```
    pub fn call_kw(&self, py: &mut Attached<'py>, args: impl IntoArgs<'py>, kwargs: Vec<(&str, Object<'py>)>) -> Result<Object<'py>> {
        let func = self.value_in(py)?.clone();
        let mut values = args.into_values(py)?;
        let mut kwnames = Vec::with_capacity(kwargs.len());
        for (name, value) in kwargs {
            values.push(value.value_in(py)?.clone());
            kwnames.push(py.ts.intern(name));
        }
        py.enter_call();
        let result = py.ts.call(&func, Args { values: &values, kwnames: &kwnames });
        py.wrap(result)
    }

    /// `self.name(*args)`.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.with(|py| {
    ///     let s = py.object("a,b,c")?;
    ///     let parts: Vec<String> = s.call_method(py, "split", (",",))?.extract(py)?;
    ///     assert_eq!(parts, ["a", "b", "c"]);
    ///     Ok(())
    /// })
    /// # ;Ok::<(), gilvm::Error>(())
    /// ```
    pub fn call_method(&self, py: &mut Attached<'py>, name: &str, args: impl IntoArgs<'py>) -> Result<Object<'py>> {
        self.getattr(py, name)?.call(py, args)
    }

    /// `repr(self)`.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.with(|py| {
    ///     assert_eq!(py.object("hi")?.repr(py)?, "'hi'");
    ///     Ok(())
    /// })
    /// # ;Ok::<(), gilvm::Error>(())
    /// ```
    pub fn repr(&self, py: &mut Attached<'py>) -> Result<String> {
        let value = self.value_in(py)?.clone();
        py.enter_call();
        let result = py.ts.repr(&value).map(|s| s.as_str().to_string());
        py.check(result)
    }

    /// `str(self)`.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.with(|py| {
    ///     assert_eq!(py.object(2.5)?.str(py)?, "2.5");
    ///     Ok(())
    /// })
    /// # ;Ok::<(), gilvm::Error>(())
    /// ```
    pub fn str(&self, py: &mut Attached<'py>) -> Result<String> {
        let value = self.value_in(py)?.clone();
        py.enter_call();
        let result = py.ts.to_str(&value).map(|s| s.as_str().to_string());
        py.check(result)
    }

    /// The name of the object's class.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.with(|py| {
    ///     assert_eq!(py.object(vec![1, 2])?.type_name(py), "list");
    ///     Ok(())
    /// })
    /// # ;Ok::<(), gilvm::Error>(())
    /// ```
    pub fn type_name(&self, py: &mut Attached<'py>) -> String {
        py.ts.type_of(&self.value).name.clone()
    }

    /// Whether the object is `None`.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// interp.with(|py| {
    ///     assert!(py.eval::<gilvm::Object>("None")?.is_none());
    ///     Ok(())
    /// })
    /// # ;Ok::<(), gilvm::Error>(())
    /// ```
    pub fn is_none(&self) -> bool {
        self.value.is_none()
    }

    /// Keeps the object alive beyond this attachment (see [`Handle`]).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// let handle = interp.with(|py| py.eval::<gilvm::Object>("[1, 2]")?.to_handle(py))?;
    /// let sum: i64 = interp.with(|py| {
    ///     let list = handle.bind(py)?;
    ///     py.eval::<gilvm::Object>("sum")?.call(py, (list,))?.extract(py)
    /// })?;
    /// assert_eq!(sum, 3);
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn to_handle(&self, py: &mut Attached<'py>) -> Result<Handle> {
        let value = self.value_in(py)?.clone();
        let interp = py.ts.interp.clone();
        let id = interp.next_handle.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        py.ts.objs.handles.borrow_mut().insert(id, value);
        Ok(Handle { interp, id })
    }
}

/// A script object kept alive outside any attachment: plain data (the
/// interpreter and a number), so it is `Send` and `Sync`, but the object
/// itself is reached only through [`Handle::bind`], with the thread attached
/// to the handle's interpreter. Dropping a handle releases the object at the
/// interpreter's next attachment.
///
/// ```
/// let interp = gilvm::Interpreter::builder().build()?;
/// let counter = interp.with(|py| {
///     py.run("class Counter:\n    n = 0\n    def bump(self):\n        self.n += 1\n        return self.n")?;
///     py.eval::<gilvm::Object>("Counter()")?.to_handle(py)
/// })?;
/// let worker = std::thread::spawn({
///     let interp = interp.clone();
///     move || interp.with(|py| counter.bind(py)?.call_method(py, "bump", ())?.extract::<i64>(py))
/// });
/// assert_eq!(worker.join().unwrap()?, 1);
/// # Ok::<(), gilvm::Error>(())
/// ```
pub struct Handle {
    interp: Arc<InterpreterState>,
    id: u64,
}

impl Handle {
    /// The object, for use while `py` is attached to the handle's interpreter.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build()?;
    /// let other = gilvm::Interpreter::builder().build()?;
    /// let h = interp.with(|py| py.object("x")?.to_handle(py))?;
    /// assert!(other.with(|py| h.bind(py).map(drop)).is_err());
    /// # Ok::<(), gilvm::Error>(())
    /// ```
    pub fn bind<'py>(&self, py: &mut Attached<'py>) -> Result<Object<'py>> {
        if !Arc::ptr_eq(&self.interp, &py.ts.interp) {
            return Err(Error::new("TypeError", "handle belongs to another interpreter"));
        }
        let value = py.ts.objs.handles.borrow().get(&self.id).cloned();
        match value {
            Some(value) => Ok(Object::new(py, value)),
            None => Err(Error::new("ReferenceError", "handle's object is gone")),
        }
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        self.interp.dropped_handles.lock().push(self.id);
    }
}

/// Releases the objects of handles dropped since the last attachment.
pub(crate) fn sweep_dropped_handles(py: &mut Attached<'_>) {
    let dropped = std::mem::take(&mut *py.ts.interp.dropped_handles.lock());
    if dropped.is_empty() {
        return;
    }
    let released: Vec<Value> = {
        let mut handles = py.ts.objs.handles.borrow_mut();
        dropped.iter().filter_map(|id| handles.remove(id)).collect()
    };
    drop(released);
}
