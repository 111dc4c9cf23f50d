//! Inline caches: CPython 3.11's specialising interpreter, without rewriting
//! instructions. Each code object of an interpreter has one slot per
//! instruction (allocated on its first run). `LoadGlobal`, `LoadAttr`,
//! `LoadMethod`, `StoreAttr` and `Call` of a class fill their slot after a
//! slow lookup and check it on every later run against dict keys versions
//! (`DictTable::keys_version`, CPython's `dk_version`).
//!
//! Why this is always correct: a slot records the keys version of every dict
//! its answer depends on (the globals and builtins, or each dict on a class's
//! MRO) and the position of the entry it found. Adding or removing any key of
//! those dicts — by any function, any thread, `setattr`, `__dict__`, `del` —
//! resets the version, so the check fails; a rebinding keeps the key set, and
//! the value is re-read from its entry on every hit. A class's MRO cannot
//! change (`__bases__` is read-only), and an instance's class is compared on
//! every hit. Versions are unique in the process, so
//! a freed dict or class can never match. `Code` stays plain shared data: the
//! slots live in the per-interpreter `CodeObject`, in `Cell`s under the GIL.

use std::cell::{Cell, OnceCell};

use super::ThreadState;
use crate::objects::dict::keys_epoch;
use crate::objects::{DictTable, Gc, Layout, PyDict, PyInstance, PyResult, PyStr, PyType, Value};

/// The inline caches of one code object.
#[derive(Default)]
pub(crate) struct Caches {
    slots: OnceCell<Box<[Cell<Slot>]>>,
}

impl Caches {
    /// One slot per instruction, created on first use.
    #[inline]
    pub(crate) fn slots(&self, len: usize) -> &[Cell<Slot>] {
        self.slots.get_or_init(|| (0..len).map(|_| Cell::new(Slot::Empty)).collect())
    }
}

/// What one instruction learnt.
#[derive(Clone, Copy, Default)]
pub(crate) enum Slot {
    #[default]
    Empty,
    /// A failed fill: skip this many misses before trying again (CPython's backoff).
    Backoff(u8),
    /// `LoadGlobal`: found in the globals (`builtins == 0`) or the builtins at `pos`.
    Global { globals: u64, builtins: u64, pos: u32 },
    /// `LoadAttr` of a module: the module dict's entry.
    Module { version: u64, pos: u32 },
    /// `LoadAttr` of an instance attribute no data descriptor shadows; `hint`
    /// is where the name last was in an instance dict.
    InstanceAttr { class: TypeLookup, hint: u32 },
    /// `LoadAttr` of a split instance's value at `index` of its class's
    /// shared keys, no data descriptor shadowing it.
    SplitAttr { class: TypeLookup, index: u32 },
    /// `StoreAttr` of a plain instance attribute (no class attribute of that
    /// name, `object.__setattr__`) into an instance dict.
    StoreAttr { class: TypeLookup, hint: u32 },
    /// `StoreAttr` as above, into a split instance's value at `index`.
    StoreSplit { class: TypeLookup, index: u32 },
    /// `LoadMethod`: a function found on the receiver's type.
    Method { class: TypeLookup },
    /// `Call` of a class with `object.__new__` and a Python `__init__`.
    Init { class: TypeLookup },
}

const NOT_FOUND: u8 = u8::MAX;
const BACKOFF: u8 = 32;

/// A name looked up along a class's MRO: the class, the keys epoch of the
/// lookup, and where the name was found. The lookup gives every dict on the
/// MRO a keys version, so a change to any of their key sets (or a class freed,
/// its address reused) advances the epoch and voids it: one load checks it.
#[derive(Clone, Copy)]
pub(crate) struct TypeLookup {
    class: usize,
    epoch: u64,
    level: u8,
    pos: u32,
}

impl TypeLookup {
    /// Looks `name` up along `cls`'s MRO (`None` for an MRO too long to cache).
    fn fill(cls: &PyType, name: &PyStr) -> Option<TypeLookup> {
        if cls.mro.len() >= usize::from(NOT_FOUND) {
            return None;
        }
        let class = cls as *const PyType as usize;
        let epoch = keys_epoch();
        let mut found = TypeLookup { class, epoch, level: NOT_FOUND, pos: 0 };
        for (level, t) in cls.mro_iter().enumerate() {
            let mut table = t.dict.table.borrow_mut();
            table.assign_keys_version();
            if found.level == NOT_FOUND {
                if let Some(pos) = find_str(&table, name) {
                    found.level = level as u8;
                    found.pos = pos as u32;
                }
            }
        }
        Some(found)
    }

    /// Whether this lookup still holds for `cls` (a stale one misses and is filled again).
    #[inline]
    fn valid(&self, cls: &PyType) -> bool {
        self.class == cls as *const PyType as usize && self.epoch == keys_epoch()
    }

    /// The class attribute found (re-read: a rebinding keeps the key set).
    #[inline]
    fn value(&self, cls: &PyType) -> Option<Value> {
        self.read(cls, |v| Some(v.clone()))
    }

    /// The class attribute found, if it is a function written in Python or
    /// Rust (a method to call with its receiver), read without `Value`'s
    /// clone and drop glue.
    #[inline]
    fn method(&self, cls: &PyType) -> Option<Value> {
        self.read(cls, |v| match v {
            Value::Function(f) => Some(Value::Function(f.clone())),
            Value::NativeFunction(f) => Some(Value::NativeFunction(f.clone())),
            _ => None,
        })
    }

    /// The class attribute found, if it is a function written in Python.
    #[inline]
    fn function(&self, cls: &PyType) -> Option<Gc<crate::objects::PyFunction>> {
        self.read(cls, |v| match v {
            Value::Function(f) => Some(f.clone()),
            _ => None,
        })
    }

    /// What `pick` takes from the class attribute found, read in place.
    #[inline(always)]
    fn read<T>(&self, cls: &PyType, pick: impl FnOnce(&Value) -> Option<T>) -> Option<T> {
        let t = self.found_in(cls)?;
        let table = t.dict.table.borrow();
        pick(&table.entry(self.pos as usize)?.value)
    }

    /// The class on `cls`'s MRO the name was found in (most often `cls` itself).
    #[inline]
    fn found_in<'a>(&self, cls: &'a PyType) -> Option<&'a PyType> {
        match self.level {
            0 => Some(cls),
            NOT_FOUND => None,
            level => cls.mro.get(usize::from(level) - 1).map(|t| &**t),
        }
    }
}

/// The position of string key `name`.
fn find_str(table: &DictTable, name: &PyStr) -> Option<usize> {
    table.find(name.hash_value(), |k| matches!(k, Value::Str(s) if std::ptr::eq(&**s, name) || **s == *name))
}

/// Whether entry `pos` holds exactly the interned `name` (no hashing).
#[inline]
fn key_at(table: &DictTable, pos: u32, name: &PyStr) -> bool {
    matches!(table.entry(pos as usize), Some(e) if matches!(&e.key, Value::Str(k) if std::ptr::eq(&**k, name)))
}

/// Whether `table` has no key `name`: small instance dicts are scanned by
/// hash, cheaper than a probe of the hash index.
#[inline]
fn lacks_key(table: &DictTable, name: &PyStr) -> bool {
    if table.len() > 8 {
        return find_str(table, name).is_none();
    }
    let hash = name.hash_value();
    table.iter().all(|e| e.hash != hash || !matches!(&e.key, Value::Str(k) if std::ptr::eq(&**k, name) || **k == *name))
}

/// Whether the instance itself has no attribute `name`.
#[inline]
fn lacks_attr(inst: &PyInstance, name: &PyStr) -> bool {
    match inst.split_values() {
        Some(values) => inst.class.instance_keys.index_in(name, &values).is_none(),
        None => lacks_key(&inst.dict().table.borrow(), name),
    }
}

/// Class attributes that take precedence over the instance dict.
fn is_data_descriptor(v: &Value) -> bool {
    matches!(v, Value::Property(_) | Value::Instance(_))
}

/// After a miss: whether to try filling the slot now.
fn should_fill(slot: &Cell<Slot>) -> bool {
    match slot.get() {
        Slot::Backoff(n) if n > 0 => {
            slot.set(Slot::Backoff(n - 1));
            false
        }
        _ => true,
    }
}

fn fill(slot: &Cell<Slot>, filled: Option<Slot>) {
    slot.set(filled.unwrap_or(Slot::Backoff(BACKOFF)));
}

/// `LoadGlobal` from the cache.
#[inline]
pub(crate) fn load_global(slot: &Cell<Slot>, globals: &PyDict, builtins: &PyDict) -> Option<Value> {
    let Slot::Global { globals: gv, builtins: bv, pos } = slot.get() else { return None };
    let g = globals.table.borrow();
    if g.keys_version() != gv {
        return None;
    }
    // `Value::clone`, not `fastops::dup`: inlined here, dup's two paths made
    // LLVM copy the result piecewise (a store-forwarding stall per load;
    // recursive_calls +6 % wall time).
    if bv == 0 {
        return g.entry(pos as usize).map(|e| e.value.clone());
    }
    let b = builtins.table.borrow();
    if b.keys_version() != bv {
        return None;
    }
    b.entry(pos as usize).map(|e| e.value.clone())
}

/// `LoadGlobal` without the cache, filling it. `None`: the name is not defined.
pub(crate) fn load_global_miss(slot: &Cell<Slot>, globals: &PyDict, builtins: &PyDict, name: &PyStr) -> Option<Value> {
    let mut g = globals.table.borrow_mut();
    let gv = g.assign_keys_version();
    if let Some(pos) = find_str(&g, name) {
        slot.set(Slot::Global { globals: gv, builtins: 0, pos: pos as u32 });
        return g.entry(pos).map(|e| e.value.clone());
    }
    drop(g);
    let mut b = builtins.table.borrow_mut();
    let pos = find_str(&b, name)?;
    let bv = b.assign_keys_version();
    slot.set(Slot::Global { globals: gv, builtins: bv, pos: pos as u32 });
    b.entry(pos).map(|e| e.value.clone())
}

/// `LoadAttr` from the cache.
#[inline]
pub(crate) fn load_attr(slot: &Cell<Slot>, obj: &Value, name: &PyStr) -> Option<Value> {
    match (slot.get(), obj) {
        (Slot::SplitAttr { class, index }, Value::Instance(inst)) => split_attr(class, index, inst),
        (Slot::InstanceAttr { class, hint }, Value::Instance(inst)) => instance_attr(slot, class, hint, inst, name),
        (Slot::Module { version, pos }, Value::Module(m)) => {
            let table = m.dict.table.borrow();
            if table.keys_version() != version {
                return None;
            }
            table.entry(pos as usize).map(|e| super::fastops::dup(&e.value))
        }
        _ => None,
    }
}

/// An instance attribute from a `SplitAttr` slot: the shared key's index is
/// fixed for the class, so the hit is a bounds check.
#[inline(always)]
fn split_attr(class: TypeLookup, index: u32, inst: &PyInstance) -> Option<Value> {
    if !class.valid(&inst.class) {
        return None;
    }
    if class.level != NOT_FOUND && shadowed(&class, inst) {
        return None;
    }
    inst.split_values()?.get(index as usize).map(super::fastops::dup)
}

/// An instance attribute from an `InstanceAttr` slot: the entry at `hint`
/// when it still holds `name` (the hit, kept short), else a search of the
/// instance dict out of line.
#[inline(always)]
fn instance_attr(slot: &Cell<Slot>, class: TypeLookup, hint: u32, inst: &PyInstance, name: &PyStr) -> Option<Value> {
    if !class.valid(&inst.class) {
        return None;
    }
    // A class attribute of that name may have been rebound to a data
    // descriptor (the key set, and so the epoch, unchanged): only then re-read.
    if class.level != NOT_FOUND && shadowed(&class, inst) {
        return None;
    }
    let table = inst.dict().table.borrow();
    if key_at(&table, hint, name) {
        return table.entry(hint as usize).map(|e| super::fastops::dup(&e.value));
    }
    drop(table);
    instance_attr_moved(slot, class, inst, name)
}

#[inline(never)]
fn shadowed(class: &TypeLookup, inst: &PyInstance) -> bool {
    class.value(&inst.class).is_some_and(|v| is_data_descriptor(&v))
}

/// `instance_attr` when the name is not at its hint: found elsewhere, the hint moves.
#[inline(never)]
fn instance_attr_moved(slot: &Cell<Slot>, class: TypeLookup, inst: &PyInstance, name: &PyStr) -> Option<Value> {
    let table = inst.dict().table.borrow();
    let pos = find_str(&table, name)?;
    slot.set(Slot::InstanceAttr { class, hint: pos as u32 });
    table.entry(pos).map(|e| super::fastops::dup(&e.value))
}

/// `LoadAttr` without the cache, filling it.
pub(crate) fn load_attr_miss(ts: &mut ThreadState, slot: &Cell<Slot>, obj: &Value, name: &Gc<PyStr>) -> PyResult<Value> {
    let v = ts.get_attr(obj, name)?;
    if should_fill(slot) {
        let filled = match obj {
            Value::Instance(inst) => instance_attr_slot(inst, name),
            Value::Module(m) => {
                let mut table = m.dict.table.borrow_mut();
                find_str(&table, name).map(|pos| Slot::Module { version: table.assign_keys_version(), pos: pos as u32 })
            }
            _ => None,
        };
        fill(slot, filled);
    }
    Ok(v)
}

/// `LoadFastAttr`: the attribute `name` of the local in stack slot `local`
/// (set), read in place. Out of line: its body in the eval loop changed the
/// code generated for the other arms.
#[inline(never)]
pub(crate) fn load_fast_attr(ts: &mut ThreadState, slot: &Cell<Slot>, local: usize, name: &Gc<PyStr>) -> PyResult<Value> {
    let found = match (slot.get(), ts.exec.stack.get(local)) {
        (Slot::SplitAttr { class, index }, Some(Value::Instance(inst))) => split_attr(class, index, inst),
        (Slot::InstanceAttr { class, hint }, Some(Value::Instance(inst))) => instance_attr(slot, class, hint, inst, name),
        (_, Some(obj)) => load_attr(slot, obj, name),
        (_, None) => None,
    };
    if let Some(v) = found {
        return Ok(v);
    }
    let obj = super::fastops::dup(&ts.exec.stack[local]);
    load_attr_miss(ts, slot, &obj, name)
}

fn instance_attr_slot(inst: &PyInstance, name: &PyStr) -> Option<Slot> {
    let cls = inst.class();
    let class = TypeLookup::fill(&cls, name)?;
    if class.value(&cls).is_some_and(|v| is_data_descriptor(&v)) {
        return None;
    }
    if let Some(values) = inst.split_values() {
        let index = cls.instance_keys.index_in(name, &values)?;
        return Some(Slot::SplitAttr { class, index: index as u32 });
    }
    let hint = find_str(&inst.dict().table.borrow(), name)? as u32;
    Some(Slot::InstanceAttr { class, hint })
}

/// `StoreAttr` from the cache; gives the value back on a miss.
#[inline]
pub(crate) fn store_attr(slot: &Cell<Slot>, obj: &Value, name: &Gc<PyStr>, value: Value) -> Result<(), Value> {
    let Value::Instance(inst) = obj else { return Err(value) };
    match slot.get() {
        Slot::StoreSplit { class, index } if class.valid(&inst.class) => inst.store_split(index as usize, value).map(drop),
        Slot::StoreAttr { class, hint } if class.valid(&inst.class) => store_dict_attr(slot, class, hint, inst, name, value),
        _ => Err(value),
    }
}

/// A `StoreAttr` hit into an instance dict: at `hint`, or added or found by a scan.
fn store_dict_attr(slot: &Cell<Slot>, class: TypeLookup, hint: u32, inst: &PyInstance, name: &Gc<PyStr>, value: Value) -> Result<(), Value> {
    let mut table = inst.dict().table.borrow_mut();
    if key_at(&table, hint, name) {
        table.set_value_at(hint as usize, value);
        return Ok(());
    }
    // A fresh instance's `__init__` adds its attributes: the cheap scan that
    // proves the name absent comes first.
    let found = if lacks_key(&table, name) { None } else { find_str(&table, name) };
    let pos = match found {
        Some(pos) => {
            table.set_value_at(pos, value);
            pos
        }
        None => table.insert_new_at(name.hash_value(), Value::Str(name.clone()), value),
    };
    slot.set(Slot::StoreAttr { class, hint: pos as u32 });
    Ok(())
}

/// `StoreAttr` without the cache, filling it.
pub(crate) fn store_attr_miss(ts: &mut ThreadState, slot: &Cell<Slot>, obj: &Value, name: &Gc<PyStr>, value: Value) -> PyResult<()> {
    ts.set_attr(obj, name, value)?;
    if should_fill(slot) {
        let filled = match obj {
            Value::Instance(inst) => store_attr_slot(ts, inst, name),
            _ => None,
        };
        fill(slot, filled);
    }
    Ok(())
}

/// Plain stores: instances with a dict, no class attribute of that name (no
/// descriptor to call), and `__setattr__` from a builtin type, whose dict
/// scripts cannot rebind.
fn store_attr_slot(ts: &mut ThreadState, inst: &PyInstance, name: &PyStr) -> Option<Slot> {
    let cls = inst.class();
    if cls.layout != Layout::Object || Gc::ptr_eq(&cls, &ts.types().object) {
        return None;
    }
    let setattr = TypeLookup::fill(&cls, &ts.vm_names().setattr)?;
    if !setattr.found_in(&cls).is_some_and(|t| t.builtin) {
        return None;
    }
    let class = TypeLookup::fill(&cls, name)?;
    if class.level != NOT_FOUND {
        return None;
    }
    if let Some(values) = inst.split_values() {
        let index = cls.instance_keys.index_in(name, &values)?;
        return Some(Slot::StoreSplit { class, index: index as u32 });
    }
    let hint = find_str(&inst.dict().table.borrow(), name).unwrap_or(0) as u32;
    Some(Slot::StoreAttr { class, hint })
}

/// `LoadMethod` from the cache: the function, for a receiver whose type has it
/// and whose instance dict does not shadow it.
#[inline]
pub(crate) fn load_method(ts: &ThreadState, slot: &Cell<Slot>, obj: &Value, name: &PyStr) -> Option<Value> {
    let Slot::Method { class } = slot.get() else { return None };
    match obj {
        Value::Instance(inst) => {
            let cls = &inst.class;
            if !class.valid(&cls) || !lacks_attr(inst, name) {
                return None;
            }
            class.method(&cls)
        }
        Value::Type(_) | Value::Module(_) | Value::Native(_) => None,
        _ => {
            let cls = ts.type_of(obj);
            if !class.valid(&cls) {
                return None;
            }
            class.method(&cls)
        }
    }
}

/// `LoadMethod` without the cache, filling it.
pub(crate) fn load_method_miss(ts: &mut ThreadState, slot: &Cell<Slot>, obj: Value, name: &Gc<PyStr>) -> PyResult<(Value, Value)> {
    let cls = match &obj {
        Value::Instance(inst) => Some(inst.class()),
        Value::Type(_) | Value::Module(_) | Value::Native(_) => None,
        other => Some(ts.type_of(other)),
    };
    let (meth, receiver) = ts.load_method(obj, name)?;
    if should_fill(slot) {
        let filled = match cls {
            Some(cls) if !receiver.is_null() => TypeLookup::fill(&cls, name).map(|class| Slot::Method { class }),
            _ => None,
        };
        fill(slot, filled);
    }
    Ok((meth, receiver))
}

/// `Call` of a class from the cache: its Python `__init__`, when instances are
/// plain objects made by `object.__new__`.
#[inline]
pub(crate) fn class_init(slot: &Cell<Slot>, cls: &PyType) -> Option<Gc<crate::objects::PyFunction>> {
    let Slot::Init { class } = slot.get() else { return None };
    if !class.valid(cls) {
        return None;
    }
    class.function(cls)
}

/// Fills a `Call` slot for class `cls` if its calls can take the fast path.
pub(crate) fn class_init_fill(ts: &mut ThreadState, slot: &Cell<Slot>, cls: &PyType) {
    if !should_fill(slot) {
        return;
    }
    let filled = init_slot(ts, cls);
    fill(slot, filled);
}

fn init_slot(ts: &mut ThreadState, cls: &PyType) -> Option<Slot> {
    if cls.layout != Layout::Object || cls.builtin {
        return None;
    }
    let names = ts.vm_names();
    let new = TypeLookup::fill(cls, &names.new)?;
    if !new.found_in(cls).is_some_and(|t| std::ptr::eq(t, &*ts.types().object)) {
        return None;
    }
    let class = TypeLookup::fill(cls, &names.init)?;
    matches!(class.value(cls), Some(Value::Function(_))).then_some(Slot::Init { class })
}
