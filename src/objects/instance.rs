//! Instances of classes defined in Python, and where their attributes live.
//!
//! CPython 3.11's split dicts: a class keeps one append-only list of
//! attribute names (`SharedKeys`), and an instance whose attributes are, in
//! insertion order, the first names of that list keeps only their values, in
//! a vector indexed like the list. A name's index in its class's list never
//! changes, so an attribute cache records (class, index) and a hit is a bounds
//! check: no key, no hash, no table to build or clear per instance.
//! Anything else — `__dict__`, `vars()`, `del`, a name added out of the
//! class's order, more than `MAX_SHARED_KEYS` names — moves the values into a
//! dict object (keys in the class's order, which is the instance's insertion
//! order), which the instance uses from then on and `obj.__dict__` shares.

use std::cell::{OnceCell, Ref, RefCell};

use super::{ExceptionData, Gc, PyDict, PyStr, PyType, Value};

/// CPython's `SHARED_KEYS_MAX_SIZE`: a class whose instances use more names
/// than this is not the case split values are for.
const MAX_SHARED_KEYS: usize = 30;

/// The most spare value vectors a class keeps, and the largest capacity kept.
const SPARE_VALUES: usize = 4;
const MAX_SPARE_LEN: usize = 32;

/// A class's instance attribute names, in the order instances added them.
#[derive(Default)]
pub struct SharedKeys {
    names: RefCell<Vec<Gc<PyStr>>>,
    /// Cleared value vectors of freed instances, which new instances take
    /// first: a loop that makes and frees an instance per turn allocates none.
    spare: RefCell<Vec<Vec<Value>>>,
}

impl SharedKeys {
    /// The index of `name`, if an instance ever added it.
    #[inline]
    pub fn index(&self, name: &PyStr) -> Option<usize> {
        let hash = name.hash_value();
        self.names.borrow().iter().position(|k| std::ptr::eq(&**k, name) || (k.hash_value() == hash && **k == *name))
    }

    /// The index of `name` among `values`, a split instance's values: where it
    /// keeps that attribute, if it has it.
    #[inline]
    pub fn index_in(&self, name: &PyStr, values: &[Value]) -> Option<usize> {
        self.index(name).filter(|&i| i < values.len())
    }

    /// Where an instance holding the first `len` names stores `name`: an index
    /// up to `len` (`len` appends), taking a new name if `len` is all of them.
    fn slot_for(&self, name: &Gc<PyStr>, len: usize) -> Option<usize> {
        match self.index(name) {
            Some(i) => (i <= len).then_some(i),
            None => {
                let mut names = self.names.try_borrow_mut().ok()?;
                if names.len() != len || len >= MAX_SHARED_KEYS {
                    return None;
                }
                names.push(name.clone());
                Some(len)
            }
        }
    }

    fn take_spare(&self) -> Vec<Value> {
        self.spare.try_borrow_mut().ok().and_then(|mut spare| spare.pop()).unwrap_or_default()
    }

    /// Keeps a cleared vector for a new instance, if fewer than `SPARE_VALUES` are kept.
    #[inline(never)]
    fn keep_spare(&self, values: Vec<Value>) {
        if let Ok(mut spare) = self.spare.try_borrow_mut() {
            if spare.len() < SPARE_VALUES {
                spare.push(values);
            }
        }
    }
}

/// An instance of a class defined in Python: its attributes are split
/// values (see the module doc) until something needs them as a dict.
pub struct PyInstance {
    /// Fixed for the instance's life (`__class__` cannot be assigned), so
    /// caches compare it without a borrow.
    pub class: Gc<PyType>,
    /// While `Some`: the values of the class's first shared keys, in order
    /// (`dict` is unset). `None` once they moved to `dict`, for good.
    values: RefCell<Option<Vec<Value>>>,
    /// The attribute dict, once made (shared with `obj.__dict__`): kept out
    /// of line, a plain instance is small to allocate, fill and free.
    dict: OnceCell<Gc<PyDict>>,
    /// Present for instances of exception classes (boxed: a plain instance
    /// stays small, so making and freeing one copies and allocates less).
    pub exception: Option<Box<RefCell<ExceptionData>>>,
}

impl PyInstance {
    /// An instance of `cls` whose dict is `attrs` (empty: split values).
    pub fn new(cls: Gc<PyType>, attrs: PyDict, exception: Option<RefCell<ExceptionData>>) -> PyInstance {
        let (values, dict) = match attrs.is_empty() {
            true => (Some(Vec::new()), OnceCell::new()),
            false => (None, OnceCell::from(Gc::new(attrs))),
        };
        PyInstance { class: cls, values: RefCell::new(values), dict, exception: exception.map(Box::new) }
    }

    pub fn class(&self) -> Gc<PyType> {
        self.class.clone()
    }

    /// An instance of `cls` with no attributes yet, kept as split values.
    pub fn of_class(cls: &Gc<PyType>) -> PyInstance {
        let values = RefCell::new(Some(cls.instance_keys.take_spare()));
        PyInstance { class: cls.clone(), values, dict: OnceCell::new(), exception: None }
    }

    /// The split values (indexed like the class's shared keys), if the
    /// attributes are still kept so.
    #[inline]
    pub fn split_values(&self) -> Option<Ref<'_, Vec<Value>>> {
        Ref::filter_map(self.values.borrow(), |v| v.as_ref()).ok()
    }

    /// Stores the value of shared key `index` of a split instance (`index` at
    /// most its length: the next key appends). Gives back the replaced value,
    /// for the caller to drop, or `value` when the instance cannot take it so.
    #[inline]
    pub fn store_split(&self, index: usize, value: Value) -> Result<Option<Value>, Value> {
        let Ok(mut values) = self.values.try_borrow_mut() else { return Err(value) };
        let Some(values) = values.as_mut() else { return Err(value) };
        if let Some(slot) = values.get_mut(index) {
            return Ok(Some(std::mem::replace(slot, value)));
        }
        if index != values.len() {
            return Err(value);
        }
        values.push(value);
        Ok(None)
    }

    /// The attribute `name` of the instance itself (not its class).
    pub fn get_attr(&self, name: &PyStr) -> Option<Value> {
        if let Some(values) = self.split_values() {
            return self.class.instance_keys.index_in(name, &values).and_then(|i| values.get(i).cloned());
        }
        self.dict().get_str(name)
    }

    /// Whether the instance itself has the attribute `name`.
    pub fn has_attr(&self, name: &PyStr) -> bool {
        if let Some(values) = self.split_values() {
            return self.class.instance_keys.index_in(name, &values).is_some();
        }
        self.dict().get_str(name).is_some()
    }

    /// Sets the attribute `name` of the instance itself.
    pub fn set_attr(&self, name: Gc<PyStr>, value: Value) {
        let len = self.split_values().map(|values| values.len());
        let value = match len.and_then(|len| self.class.instance_keys.slot_for(&name, len)) {
            Some(i) => match self.store_split(i, value) {
                Ok(old) => return drop(old),
                Err(value) => value,
            },
            None => value,
        };
        self.dict().set_str(name, value)
    }

    /// Removes the attribute `name` of the instance itself, returning its value.
    pub fn del_attr(&self, name: &PyStr) -> Option<Value> {
        self.dict().del_str(name)
    }

    /// The attribute dict, made from the split values the first time.
    #[inline]
    pub fn dict(&self) -> &PyDict {
        self.dict.get_or_init(|| self.unsplit())
    }

    /// The attribute dict as an object (`obj.__dict__`).
    pub fn dict_object(&self) -> Gc<PyDict> {
        self.dict.get_or_init(|| self.unsplit()).clone()
    }

    /// A dict of the split values, which move out for good. A borrow of the
    /// values is never held across other code, so taking them cannot fail.
    #[cold]
    fn unsplit(&self) -> Gc<PyDict> {
        let values = self.values.try_borrow_mut().ok().and_then(|mut v| v.take()).unwrap_or_default();
        let names = self.class.instance_keys.names.borrow();
        let dict = PyDict::with_capacity(values.len());
        let mut table = dict.table.borrow_mut();
        for (name, value) in names.iter().zip(values) {
            table.insert_new(name.hash_value(), Value::Str(name.clone()), value);
        }
        drop(table);
        Gc::new(dict)
    }
}

/// Split values go back to the class, cleared, for a new instance to take (a
/// dict is freed with its last reference, through `DictTable`'s trashcan).
impl Drop for PyInstance {
    fn drop(&mut self) {
        if self.exception.is_some() {
            // Chained through `__context__`, exceptions nest as deep as a loop runs.
            super::trashcan::free(self.exception.take());
        }
        let Some(mut values) = self.values.get_mut().take() else { return };
        if values.capacity() > MAX_SPARE_LEN {
            return super::trashcan::free(values);
        }
        // Dropping the values may free other instances: cleared in place, in
        // this small frame, one trashcan level deeper, before the spare list
        // is borrowed; too deep, the vector goes to the trashcan whole.
        let Some(_level) = super::trashcan::enter() else {
            return super::trashcan::defer(values);
        };
        values.clear();
        self.class.instance_keys.keep_spare(values);
    }
}
