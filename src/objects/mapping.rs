//! Key lookup in dicts and sets with Python equality. The tables themselves
//! never call Python code: candidates with a matching hash are cloned out of
//! the borrow, compared here (a user `__eq__` may run), then the table is
//! borrowed again.

use super::dict::DictTable;
use super::hash::hash_int;
use super::set::{Probe, SetTable};
use super::{PyDict, PyResult, PySet, Value};
use crate::vm::ThreadState;

/// Equality decided without running Python code, when possible.
pub fn eq_fast(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    if a.is(b) {
        return Some(true);
    }
    Some(match (a, b) {
        (Str(x), Str(y)) => x.as_str() == y.as_str(),
        (Int(x), Int(y)) => x == y,
        (Int(x), Bool(y)) | (Bool(y), Int(x)) => *x == *y as i64,
        (Bool(x), Bool(y)) => x == y,
        (Float(x), Float(y)) => x == y,
        (Int(x), Float(y)) | (Float(y), Int(x)) => (*x as f64) == *y && (*y as i64) == *x,
        (BigInt(x), BigInt(y)) => x == y,
        (Bytes(x), Bytes(y)) => x.value == y.value,
        (None, _) | (_, None) => false,
        (Str(_), Int(_) | Float(_) | Bool(_) | Bytes(_) | Tuple(_)) => false,
        (Int(_) | Float(_) | Bool(_) | Bytes(_) | Tuple(_), Str(_)) => false,
        _ => return Option::None,
    })
}

/// What one probe of a dict's table decided without running Python code.
enum Lookup {
    Found(usize),
    Absent,
    /// A key of the same hash needs Python code (`__eq__`) to compare.
    Undecided,
}

/// Finds `key` among the entries of the same hash. `Absent` only when every
/// such entry was decided unequal, so a dict holding a key with its own
/// `__eq__` still takes the general path (as CPython's lookup does).
/// Inlined into each caller (the call's prologue and epilogue were ~17 of the
/// ~97 instructions a lookup cost), with the probe key's kind tested once
/// outside the probe: an int or str key compares a stored key of its own kind
/// inline and leaves every other pairing to `eq_fast`.
#[inline(always)]
fn lookup(t: &DictTable, key: &Value, hash: i64) -> Lookup {
    let mut undecided = false;
    let mut other = |k: &Value| {
        eq_fast(k, key).unwrap_or_else(|| {
            undecided = true;
            false
        })
    };
    let found = match key {
        Value::Int(i) => t.find(hash, |k| match k {
            Value::Int(x) => x == i,
            k => other(k),
        }),
        Value::Str(s) => t.find(hash, |k| match k {
            Value::Str(x) => std::rc::Rc::ptr_eq(x, s) || x.as_str() == s.as_str(),
            k => other(k),
        }),
        _ => t.find(hash, other),
    };
    match found {
        Some(pos) => Lookup::Found(pos),
        None if undecided => Lookup::Undecided,
        None => Lookup::Absent,
    }
}

impl ThreadState {
    /// `hash(key)`, with ints and strs (most keys) inline.
    #[inline]
    fn key_hash(&mut self, key: &Value) -> PyResult<i64> {
        match key {
            Value::Int(i) => Ok(hash_int(*i)),
            Value::Str(s) => Ok(s.hash_value()),
            _ => self.hash(key),
        }
    }

    /// The entry position of `key` in `d`.
    pub fn dict_find(&mut self, d: &PyDict, key: &Value, hash: i64) -> PyResult<Option<usize>> {
        let fast = lookup(&d.table.borrow(), key, hash);
        match fast {
            Lookup::Found(pos) => return Ok(Some(pos)),
            Lookup::Absent => return Ok(None),
            Lookup::Undecided => {}
        }
        let candidates = d.table.borrow().candidates(hash);
        for pos in candidates {
            let Some(k) = d.table.borrow().entry(pos).map(|e| e.key.clone()) else { continue };
            if eq_fast(&k, key).is_none() && self.eq(&k, key)? {
                return Ok(Some(pos));
            }
        }
        Ok(None)
    }

    /// `d.get(key)`
    pub fn dict_get(&mut self, d: &PyDict, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.key_hash(key)?;
        {
            let t = d.table.borrow();
            match lookup(&t, key, hash) {
                Lookup::Found(pos) => return Ok(t.entry(pos).map(|e| e.value.clone())),
                Lookup::Absent => return Ok(None),
                Lookup::Undecided => {}
            }
        }
        let pos = self.dict_find(d, key, hash)?;
        Ok(pos.and_then(|p| d.table.borrow().entry(p).map(|e| e.value.clone())))
    }

    /// `d[key] = value`
    pub fn dict_set(&mut self, d: &PyDict, key: Value, value: Value) -> PyResult<()> {
        let hash = self.key_hash(&key)?;
        let mut t = d.table.borrow_mut();
        match lookup(&t, &key, hash) {
            Lookup::Found(pos) => {
                // The old value is dropped after the borrow ends; an int key
                // or value (the common case) skips `Value`'s drop glue.
                let old = t.replace_value_at(pos, value);
                drop(t);
                if let Some(old) = old {
                    old.discard();
                }
                key.discard();
                return Ok(());
            }
            Lookup::Absent => {
                t.insert_new(hash, key, value);
                return Ok(());
            }
            Lookup::Undecided => drop(t),
        }
        match self.dict_find(d, &key, hash)? {
            Some(pos) => {
                let _old = d.table.borrow_mut().replace_value_at(pos, value);
            }
            None => d.table.borrow_mut().insert_new(hash, key, value),
        }
        Ok(())
    }

    /// Removes `key`, returning its value (`None` when absent).
    pub fn dict_remove(&mut self, d: &PyDict, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        let Some(pos) = self.dict_find(d, key, hash)? else { return Ok(None) };
        Ok(d.table.borrow_mut().remove_at(pos).map(|e| e.value))
    }

    /// The slot of `key` in a set table, or where it would go.
    fn set_probe(&mut self, table: &std::cell::RefCell<SetTable>, key: &Value, hash: i64) -> PyResult<Probe> {
        let mut skip = Vec::new();
        loop {
            let probe = table.borrow().probe(hash, &skip, |k| eq_fast(k, key));
            let Probe::Candidate(i) = probe else { return Ok(probe) };
            let Some(k) = table.borrow().key_at(i).cloned() else { continue };
            if self.eq(&k, key)? {
                return Ok(Probe::Found(i));
            }
            skip.push(i);
        }
    }

    pub fn set_contains(&mut self, s: &PySet, key: &Value) -> PyResult<bool> {
        let hash = self.set_key_hash(key)?;
        Ok(matches!(self.set_probe(&s.table, key, hash)?, Probe::Found(_)))
    }

    /// `s.add(key)`; true when the key was new.
    pub fn set_add(&mut self, s: &PySet, key: Value) -> PyResult<bool> {
        let hash = self.hash(&key)?;
        self.table_add(&s.table, key, hash)
    }

    pub fn table_add(&mut self, table: &std::cell::RefCell<SetTable>, key: Value, hash: i64) -> PyResult<bool> {
        match self.set_probe(table, &key, hash)? {
            Probe::Vacant(i) => {
                table.borrow_mut().insert_at(i, hash, key);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// `s.discard(key)`; true when the key was present.
    pub fn set_discard(&mut self, s: &PySet, key: &Value) -> PyResult<bool> {
        let hash = self.set_key_hash(key)?;
        match self.set_probe(&s.table, key, hash)? {
            Probe::Found(i) => Ok(s.table.borrow_mut().remove_at(i).is_some()),
            _ => Ok(false),
        }
    }

    /// A set as a lookup key: `x in s` with a set `x` looks it up as a frozenset.
    fn set_key_hash(&mut self, key: &Value) -> PyResult<i64> {
        match key {
            Value::Set(s) if !s.frozen => Ok(s.table.borrow().frozen_hash()),
            _ => self.hash(key),
        }
    }

    /// Adds every element of the iterable `items` to `table`.
    pub fn table_extend(&mut self, table: &std::cell::RefCell<SetTable>, items: &Value) -> PyResult<()> {
        match items {
            Value::Set(other) => {
                if table.borrow().is_empty() && !std::ptr::eq(table, &other.table) {
                    let src = other.table.borrow().clone();
                    table.borrow_mut().merge_into_empty(&src);
                    return Ok(());
                }
                let entries: Vec<(i64, Value)> =
                    other.table.borrow().iter_hashed().map(|(h, k)| (h, k.clone())).collect();
                table.borrow_mut().reserve_for_merge(entries.len());
                for (h, k) in entries {
                    self.table_add(table, k, h)?;
                }
                Ok(())
            }
            Value::Dict(d) => {
                let entries: Vec<(i64, Value)> =
                    d.table.borrow().iter().map(|e| (e.hash, e.key.clone())).collect();
                table.borrow_mut().reserve_for_merge(entries.len());
                for (h, k) in entries {
                    self.table_add(table, k, h)?;
                }
                Ok(())
            }
            _ => {
                let it = self.get_iter(items)?;
                while let Some(x) = self.next(&it)? {
                    let h = self.hash(&x)?;
                    self.table_add(table, x, h)?;
                }
                Ok(())
            }
        }
    }

    /// The set of a display whose items are all constants (`{10, 20, 30}`):
    /// CPython folds those into a frozenset at compile time and copies it into
    /// a new set at run time, which gives a different order than adding the
    /// items one by one once the table has grown. (For the compiler/VM to use
    /// when it knows the display is constant.)
    pub fn constant_set_display(&mut self, items: &[Value]) -> PyResult<PySet> {
        let frozen = PySet::new(true);
        for item in items {
            let h = self.hash(item)?;
            self.table_add(&frozen.table, item.clone(), h)?;
        }
        let out = PySet::new(false);
        out.table.borrow_mut().merge_into_empty(&frozen.table.borrow());
        Ok(out)
    }

    /// A new set or frozenset with the elements of `items`.
    pub fn new_set(&mut self, items: &Value, frozen: bool) -> PyResult<PySet> {
        let s = PySet::new(frozen);
        self.table_extend(&s.table, items)?;
        Ok(s)
    }
}
