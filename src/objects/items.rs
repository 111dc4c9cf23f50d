//! Subscription (`x[k]`, `x[k] = v`, `del x[k]`), `in` and `len` for every value.

use num_traits::ToPrimitive;

use super::dictview::as_view;
use super::iter::TableIterKind;
use super::{Gc, PyBytes, PyRange, PyResult, PySlice, PyStr, Value};
use crate::vm::ThreadState;

/// A slice resolved against a length: CPython's `PySlice_AdjustIndices`.
#[derive(Clone, Copy)]
pub struct SliceIndices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIndices {
    pub fn positions(&self) -> impl Iterator<Item = usize> {
        let (start, step) = (self.start, self.step);
        (0..self.len).map(move |i| (start + i as i64 * step) as usize)
    }
}

impl ThreadState {
    /// An int usable as an index (`__index__` for Python classes); `None` when `v` is not one.
    pub fn index_value(&mut self, v: &Value) -> PyResult<Option<i64>> {
        match v {
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            Value::BigInt(b) => match b.to_i64() {
                Some(i) => Ok(Some(i)),
                None => {
                    let t = "int";
                    Err(self.index_error(format!("cannot fit '{t}' into an index-sized integer")))
                }
            },
            Value::Instance(_) => match self.call_special(v, "__index__", &[])? {
                Some(r @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => self.index_value(&r),
                Some(r) => {
                    let t = self.type_of(&r).name.clone();
                    Err(self.type_error(format!("__index__ returned non-int (type {t})")))
                }
                None => Ok(None),
            },
            _ => Ok(None),
        }
    }

    /// Resolves `slice` against a sequence of length `len`.
    pub fn slice_indices(&mut self, slice: &PySlice, len: usize) -> PyResult<SliceIndices> {
        let len = len as i64;
        let step = match &slice.step {
            Value::None => 1,
            v => self.slice_part(v)?,
        };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |v: i64| -> i64 {
            if v < 0 {
                (v + len).max(lower)
            } else {
                v.min(upper)
            }
        };
        let start = match &slice.start {
            Value::None => if step < 0 { upper } else { lower },
            v => clamp(self.slice_part(v)?),
        };
        let stop = match &slice.stop {
            Value::None => if step < 0 { lower } else { upper },
            v => clamp(self.slice_part(v)?),
        };
        let count = if step < 0 {
            if stop < start { (start - stop - 1) / (-step) + 1 } else { 0 }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        Ok(SliceIndices { start, stop, step, len: count as usize })
    }

    fn slice_part(&mut self, v: &Value) -> PyResult<i64> {
        if let Value::BigInt(b) = v {
            return Ok(if b.sign() == num_bigint::Sign::Minus { i64::MIN / 2 } else { i64::MAX / 2 });
        }
        match self.index_value(v)? {
            Some(i) => Ok(i.clamp(i64::MIN / 2, i64::MAX / 2)),
            None => Err(self.type_error("slice indices must be integers or None or have an __index__ method")),
        }
    }

    /// A sequence index made non-negative, or the `IndexError` naming `what`.
    fn seq_index(&mut self, key: &Value, len: usize, what: &str) -> PyResult<Option<usize>> {
        let Some(i) = self.index_value(key)? else { return Ok(None) };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            let msg = if what == "index" { "index out of range".to_string() } else { format!("{what} index out of range") };
            return Err(self.index_error(msg));
        }
        Ok(Some(j as usize))
    }

    fn bad_index_type(&mut self, what: &str, key: &Value) -> crate::objects::PyErr {
        let t = self.type_of(key).name.clone();
        if what == "str" {
            return self.type_error(format!("string indices must be integers, not '{t}'"));
        }
        self.type_error(format!("{what} indices must be integers or slices, not {t}"))
    }

    pub(crate) fn get_item_impl(&mut self, c: &Value, key: &Value) -> PyResult<Value> {
        match c {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let items = l.items.borrow().clone();
                    let idx = self.slice_indices(s, items.len())?;
                    return Ok(Value::list(idx.positions().filter_map(|p| items.get(p).cloned()).collect()));
                }
                let len = l.len();
                match self.seq_index(key, len, "list")? {
                    Some(i) => match l.items.borrow().get(i) {
                        Some(v) => Ok(v.clone()),
                        None => Err(self.index_error("list index out of range")),
                    },
                    None => Err(self.bad_index_type("list", key)),
                }
            }
            Value::Tuple(t) => {
                if let Value::Slice(s) = key {
                    let idx = self.slice_indices(s, t.items.len())?;
                    return Ok(Value::tuple(idx.positions().map(|p| t.items[p].clone()).collect()));
                }
                match self.seq_index(key, t.items.len(), "tuple")? {
                    Some(i) => Ok(t.items[i].clone()),
                    None => Err(self.bad_index_type("tuple", key)),
                }
            }
            Value::Str(s) => self.str_item(s, key),
            Value::Bytes(b) => {
                if let Value::Slice(s) = key {
                    let idx = self.slice_indices(s, b.value.len())?;
                    let out: Vec<u8> = idx.positions().map(|p| b.value[p]).collect();
                    return Ok(Value::Bytes(Gc::new(PyBytes::new(out))));
                }
                match self.seq_index(key, b.value.len(), "index")? {
                    Some(i) => Ok(Value::Int(b.value[i] as i64)),
                    None => Err(self.bad_index_type("byte", key)),
                }
            }
            Value::Range(r) => self.range_item(r, key),
            Value::Dict(d) => match self.dict_get(d, key)? {
                Some(v) => Ok(v),
                None => Err(self.key_error(key.clone())),
            },
            Value::Instance(_) | Value::Native(_) => match self.call_special(c, "__getitem__", std::slice::from_ref(key))? {
                Some(v) => Ok(v),
                None => Err(self.not_subscriptable(c)),
            },
            Value::Type(_) => match self.get_class_item(c, key)? {
                Some(v) => Ok(v),
                None => Err(self.not_subscriptable(c)),
            },
            _ => Err(self.not_subscriptable(c)),
        }
    }

    /// `C[key]` through a classmethod-like `__class_getitem__`; builtin generics return the class.
    fn get_class_item(&mut self, c: &Value, key: &Value) -> PyResult<Option<Value>> {
        let Value::Type(t) = c else { return Ok(None) };
        if t.builtin {
            return Ok(Some(c.clone()));
        }
        let name = self.intern("__class_getitem__");
        match t.lookup(&name) {
            Some(Value::ClassMethod(f)) | Some(Value::StaticMethod(f)) => {
                self.call_positional(&f, &[c.clone(), key.clone()]).map(Some)
            }
            Some(f) => self.call_positional(&f, &[c.clone(), key.clone()]).map(Some),
            None => Ok(None),
        }
    }

    fn not_subscriptable(&mut self, c: &Value) -> crate::objects::PyErr {
        let t = self.type_of(c).name.clone();
        self.type_error(format!("'{t}' object is not subscriptable"))
    }

    fn str_item(&mut self, s: &PyStr, key: &Value) -> PyResult<Value> {
        if let Value::Slice(sl) = key {
            let idx = self.slice_indices(sl, s.char_len())?;
            if s.is_ascii() {
                let bytes = s.as_str().as_bytes();
                let out: String = idx.positions().map(|p| bytes[p] as char).collect();
                return Ok(Value::str(&out));
            }
            let chars: Vec<char> = s.as_str().chars().collect();
            let out: String = idx.positions().map(|p| chars[p]).collect();
            return Ok(Value::str(&out));
        }
        match self.seq_index(key, s.char_len(), "string")? {
            Some(i) => {
                let c = if s.is_ascii() { s.as_str().as_bytes()[i] as char } else { s.as_str().chars().nth(i).unwrap_or(' ') };
                Ok(Value::str(c.encode_utf8(&mut [0; 4])))
            }
            None => Err(self.bad_index_type("str", key)),
        }
    }

    fn range_item(&mut self, r: &PyRange, key: &Value) -> PyResult<Value> {
        let len = r.len().max(0) as usize;
        if let Value::Slice(sl) = key {
            let idx = self.slice_indices(sl, len)?;
            let start = r.start + idx.start * r.step;
            let step = r.step * idx.step;
            let stop = r.start + idx.stop * r.step;
            return Ok(Value::Range(Gc::new(PyRange { start, stop, step })));
        }
        match self.seq_index(key, len, "range object")? {
            Some(i) => Ok(Value::Int(r.start + i as i64 * r.step)),
            None => {
                let t = self.type_of(key).name.clone();
                Err(self.type_error(format!("range indices must be integers or slices, not {t}")))
            }
        }
    }

    /// The key is taken by value: a dict stores it as it is, without a clone.
    pub(crate) fn set_item_impl(&mut self, c: &Value, key: Value, value: Value) -> PyResult<()> {
        match c {
            Value::List(l) => {
                if let Value::Slice(s) = &key {
                    return self.list_set_slice(l, s, value);
                }
                let len = l.len();
                match self.seq_index(&key, len, "list assignment")? {
                    Some(i) => {
                        if let Some(slot) = l.items.borrow_mut().get_mut(i) {
                            *slot = value;
                        }
                        Ok(())
                    }
                    None => Err(self.bad_index_type("list", &key)),
                }
            }
            Value::Dict(d) => self.dict_set(d, key, value),
            Value::Instance(_) | Value::Native(_) => match self.call_special(c, "__setitem__", &[key, value])? {
                Some(_) => Ok(()),
                None => Err(self.no_item_support(c, "does not support item assignment")),
            },
            _ => Err(self.no_item_support(c, "does not support item assignment")),
        }
    }

    fn no_item_support(&mut self, c: &Value, what: &str) -> crate::objects::PyErr {
        let t = self.type_of(c).name.clone();
        self.type_error(format!("'{t}' object {what}"))
    }

    fn list_set_slice(&mut self, l: &super::PyList, s: &PySlice, value: Value) -> PyResult<()> {
        let len = l.len();
        let idx = self.slice_indices(s, len)?;
        let new_items = match &value {
            Value::List(other) if std::ptr::eq(&**other, l) => l.items.borrow().clone(),
            _ => match self.collect_items(&value) {
                Ok(items) => items,
                Err(e) if self.err_matches(&e, &self.types().type_error.clone()) && self.get_iter(&value).is_err() => {
                    let msg = if idx.step == 1 { "can only assign an iterable" } else { "must assign iterable to extended slice" };
                    return Err(self.type_error(msg));
                }
                Err(e) => return Err(e),
            },
        };
        let mut items = l.items.borrow_mut();
        if idx.step == 1 {
            let start = idx.start.clamp(0, items.len() as i64) as usize;
            let stop = (idx.stop.max(idx.start)).clamp(0, items.len() as i64) as usize;
            items.splice(start..stop.max(start), new_items);
            return Ok(());
        }
        if new_items.len() != idx.len {
            drop(items);
            let msg = format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new_items.len(),
                idx.len
            );
            return Err(self.value_error(msg));
        }
        for (p, v) in idx.positions().zip(new_items) {
            if let Some(slot) = items.get_mut(p) {
                *slot = v;
            }
        }
        Ok(())
    }

    pub(crate) fn del_item_impl(&mut self, c: &Value, key: &Value) -> PyResult<()> {
        match c {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let len = l.len();
                    let idx = self.slice_indices(s, len)?;
                    let doomed: std::collections::HashSet<usize> = idx.positions().collect();
                    let mut items = l.items.borrow_mut();
                    let kept: Vec<Value> = std::mem::take(&mut *items)
                        .into_iter()
                        .enumerate()
                        .filter(|(i, _)| !doomed.contains(i))
                        .map(|(_, v)| v)
                        .collect();
                    *items = kept;
                    return Ok(());
                }
                let len = l.len();
                match self.seq_index(key, len, "list assignment")? {
                    Some(i) => {
                        let removed = {
                            let mut items = l.items.borrow_mut();
                            (i < items.len()).then(|| items.remove(i))
                        };
                        drop(removed);
                        Ok(())
                    }
                    None => Err(self.bad_index_type("list", key)),
                }
            }
            Value::Dict(d) => match self.dict_remove(d, key)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(key.clone())),
            },
            Value::Instance(_) | Value::Native(_) => match self.call_special(c, "__delitem__", std::slice::from_ref(key))? {
                Some(_) => Ok(()),
                None => Err(self.no_item_support(c, "does not support item deletion")),
            },
            _ => Err(self.no_item_support(c, "doesn't support item deletion")),
        }
    }

    pub(crate) fn contains_impl(&mut self, c: &Value, item: &Value) -> PyResult<bool> {
        match c {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                _ => {
                    let t = self.type_of(item).name.clone();
                    Err(self.type_error(format!("'in <string>' requires string as left operand, not {t}")))
                }
            },
            Value::Bytes(b) => match item {
                Value::Bytes(sub) => Ok(super::bytes::find_bytes(&b.value, &sub.value, 0).is_some()),
                _ => match self.index_value(item)? {
                    Some(i) if (0..256).contains(&i) => Ok(b.value.contains(&(i as u8))),
                    Some(_) => Err(self.value_error("byte must be in range(0, 256)")),
                    None => {
                        let t = self.type_of(item).name.clone();
                        Err(self.type_error(format!("a bytes-like object is required, not '{t}'")))
                    }
                },
            },
            Value::List(l) => {
                let mut i = 0;
                loop {
                    let Some(x) = l.items.borrow().get(i).cloned() else { return Ok(false) };
                    if self.eq(&x, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
            }
            Value::Tuple(t) => {
                for x in t.items.iter() {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) => Ok(self.dict_get(d, item)?.is_some()),
            Value::Set(s) => self.set_contains(s, item),
            Value::Range(r) => match item {
                Value::Int(_) | Value::Bool(_) => {
                    let i = self.index_value(item)?.unwrap_or(0);
                    let inside = if r.step > 0 { r.start <= i && i < r.stop } else { r.stop < i && i <= r.start };
                    Ok(inside && (i - r.start) % r.step == 0)
                }
                _ => self.contains_by_iteration(c, item),
            },
            Value::Native(_) if as_view(c).is_some() => self.view_contains(c, item),
            Value::Instance(_) | Value::Native(_) => match self.call_special(c, "__contains__", std::slice::from_ref(item))? {
                Some(r) => self.truthy(&r),
                None if self.lookup_special(c, "__iter__").is_none() && self.lookup_special(c, "__getitem__").is_none() => {
                    let t = self.type_of(c).name.clone();
                    Err(self.type_error(format!("argument of type '{t}' is not iterable")))
                }
                None => self.contains_by_iteration(c, item),
            },
            Value::Iterator(_) | Value::Generator(_) => self.contains_by_iteration(c, item),
            _ => {
                let t = self.type_of(c).name.clone();
                Err(self.type_error(format!("argument of type '{t}' is not iterable")))
            }
        }
    }

    fn view_contains(&mut self, c: &Value, item: &Value) -> PyResult<bool> {
        let Some(view) = as_view(c) else { return Ok(false) };
        let (d, kind) = (view.dict.clone(), view.kind);
        match kind {
            TableIterKind::Keys => Ok(self.dict_get(&d, item)?.is_some()),
            TableIterKind::Items => {
                let Value::Tuple(t) = item else { return Ok(false) };
                if t.items.len() != 2 {
                    return Ok(false);
                }
                match self.dict_get(&d, &t.items[0])? {
                    Some(v) => self.eq(&v, &t.items[1]),
                    None => Ok(false),
                }
            }
            TableIterKind::Values => self.contains_by_iteration(c, item),
        }
    }

    fn contains_by_iteration(&mut self, c: &Value, item: &Value) -> PyResult<bool> {
        let it = self.get_iter(c)?;
        while let Some(x) = self.next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    pub(crate) fn len_impl(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::Bytes(b) => b.value.len(),
            Value::List(l) => l.len(),
            Value::Tuple(t) => t.items.len(),
            Value::Dict(d) => d.len(),
            Value::Set(s) => s.len(),
            Value::Range(r) => r.len().max(0) as usize,
            Value::Native(_) if as_view(v).is_some() => as_view(v).map_or(0, |view| view.dict.len()),
            Value::Instance(_) | Value::Native(_) => match self.call_special(v, "__len__", &[])? {
                Some(r) => match self.index_value(&r)? {
                    Some(n) if n >= 0 => n as usize,
                    Some(_) => return Err(self.value_error("__len__() should return >= 0")),
                    None => {
                        let t = self.type_of(&r).name.clone();
                        return Err(self.type_error(format!("'{t}' object cannot be interpreted as an integer")));
                    }
                },
                None => return Err(self.no_len(v)),
            },
            _ => return Err(self.no_len(v)),
        })
    }

    fn no_len(&mut self, v: &Value) -> crate::objects::PyErr {
        let t = self.type_of(v).name.clone();
        self.type_error(format!("object of type '{t}' has no len()"))
    }
}
