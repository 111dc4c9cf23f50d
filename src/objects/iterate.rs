//! `iter(v)` and `next(it)` for every value.

use super::dictview::as_view;
use super::iter::{IterKind, PyIterator, TableIterKind};
use super::{Gc, PyResult, Value};
use crate::vm::ThreadState;

impl ThreadState {
    pub(crate) fn iter_impl(&mut self, v: &Value) -> PyResult<Value> {
        let kind = match v {
            Value::Iterator(_) | Value::Generator(_) => return Ok(v.clone()),
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => {
                IterKind::Sequence { seq: v.clone(), index: 0 }
            }
            Value::Range(r) => IterKind::Range { next: r.start, stop: r.stop, step: r.step },
            Value::Dict(d) => {
                IterKind::Table { container: v.clone(), pos: 0, kind: TableIterKind::Keys, len: d.len() }
            }
            Value::Set(s) => IterKind::Table { container: v.clone(), pos: 0, kind: TableIterKind::Keys, len: s.len() },
            Value::Native(_) if as_view(v).is_some() => match as_view(v) {
                Some(view) => {
                    let len = view.dict.len();
                    IterKind::Table { container: Value::Dict(view.dict.clone()), pos: 0, kind: view.kind, len }
                }
                None => IterKind::Exhausted,
            },
            Value::Instance(_) | Value::Native(_) | Value::Type(_) => return self.iter_special(v),
            _ => return Err(self.not_iterable(v)),
        };
        Ok(Value::Iterator(Gc::new(PyIterator::new(kind))))
    }

    fn iter_special(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Type(_) = v {
            return Err(self.not_iterable(v));
        }
        if let Some(it) = self.call_special(v, "__iter__", &[])? {
            if !self.is_iterator(&it) {
                let name = self.type_of(&it).name.clone();
                return Err(self.type_error(format!("iter() returned non-iterator of type '{name}'")));
            }
            return Ok(it);
        }
        if self.lookup_special(v, "__getitem__").is_some() {
            let kind = IterKind::GetItem { obj: v.clone(), index: 0 };
            return Ok(Value::Iterator(Gc::new(PyIterator::new(kind))));
        }
        Err(self.not_iterable(v))
    }

    pub fn is_iterator(&mut self, v: &Value) -> bool {
        match v {
            Value::Iterator(_) | Value::Generator(_) => true,
            Value::Instance(_) | Value::Native(_) => self.lookup_special(v, "__next__").is_some(),
            _ => false,
        }
    }

    pub fn not_iterable(&mut self, v: &Value) -> crate::objects::PyErr {
        let name = self.type_of(v).name.clone();
        self.type_error(format!("'{name}' object is not iterable"))
    }

    pub(crate) fn next_impl(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iterator(i) => self.iterator_next(i),
            Value::Generator(g) => crate::vm::generator::generator_next(self, g),
            Value::Instance(_) | Value::Native(_) => match self.call_special(it, "__next__", &[]) {
                Ok(Some(v)) => Ok(Some(v)),
                Ok(None) => Err(self.not_an_iterator(it)),
                Err(e) if self.err_matches(&e, &self.types().stop_iteration.clone()) => Ok(None),
                Err(e) => Err(e),
            },
            _ => Err(self.not_an_iterator(it)),
        }
    }

    fn not_an_iterator(&mut self, v: &Value) -> crate::objects::PyErr {
        let name = self.type_of(v).name.clone();
        self.type_error(format!("'{name}' object is not an iterator"))
    }

    fn iterator_next(&mut self, it: &PyIterator) -> PyResult<Option<Value>> {
        let result = self.iterator_step(it);
        if let Ok(None) = result {
            if let Ok(mut st) = it.state.try_borrow_mut() {
                *st = IterKind::Exhausted;
            }
        }
        result
    }

    fn iterator_step(&mut self, it: &PyIterator) -> PyResult<Option<Value>> {
        let Ok(mut st) = it.state.try_borrow_mut() else {
            return Err(self.value_error("generator already executing"));
        };
        match &mut *st {
            IterKind::Exhausted => Ok(None),
            IterKind::Sequence { seq, index } => Ok(sequence_step(seq, index)),
            IterKind::Range { next, stop, step } => {
                let done = if *step > 0 { *next >= *stop } else { *next <= *stop };
                if done {
                    return Ok(None);
                }
                let v = *next;
                *next = next.checked_add(*step).unwrap_or(*stop);
                Ok(Some(Value::Int(v)))
            }
            IterKind::Table { container, pos, kind, len } => {
                let (container, kind, len) = (container.clone(), *kind, *len);
                let (value, new_pos) = match table_step(&container, *pos, kind, len) {
                    Ok(step) => step,
                    Err(msg) => {
                        drop(st);
                        return Err(self.runtime_error(msg));
                    }
                };
                *pos = new_pos;
                Ok(value)
            }
            IterKind::Reversed { seq, remaining } => {
                if *remaining == 0 {
                    return Ok(None);
                }
                *remaining -= 1;
                let (seq, i) = (seq.clone(), *remaining);
                drop(st);
                reversed_item(&seq, i)
            }
            IterKind::GetItem { obj, index } => {
                let (obj, i) = (obj.clone(), *index);
                *index += 1;
                drop(st);
                match self.get_item(&obj, &Value::Int(i)) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.err_matches(&e, &self.types().index_error.clone()) => Ok(None),
                    Err(e) if self.err_matches(&e, &self.types().stop_iteration.clone()) => Ok(None),
                    Err(e) => Err(e),
                }
            }
            IterKind::Enumerate { inner, count } => {
                let (inner, n) = (inner.clone(), count.clone());
                drop(st);
                // Wrapped iterators recurse natively: `map(f, map(f, ...))` chains may be deep.
                self.check_native_stack()?;
                let Some(v) = self.next(&inner)? else { return Ok(None) };
                let next_n = self.binary_op(crate::bytecode::BinOp::Add, &n, &Value::Int(1))?;
                if let IterKind::Enumerate { count, .. } = &mut *it.state.borrow_mut() {
                    *count = next_n;
                }
                Ok(Some(Value::tuple(vec![n, v])))
            }
            IterKind::Zip { inners, strict } => {
                let (inners, strict) = (inners.clone(), *strict);
                drop(st);
                self.check_native_stack()?;
                self.zip_step(&inners, strict)
            }
            IterKind::Map { func, inners } => {
                let (func, inners) = (func.clone(), inners.clone());
                drop(st);
                self.check_native_stack()?;
                let mut args = Vec::with_capacity(inners.len());
                for inner in &inners {
                    let Some(v) = self.next(inner)? else { return Ok(None) };
                    args.push(v);
                }
                self.call_positional(&func, &args).map(Some)
            }
            IterKind::Filter { func, inner } => {
                let (func, inner) = (func.clone(), inner.clone());
                drop(st);
                self.check_native_stack()?;
                while let Some(v) = self.next(&inner)? {
                    let keep = if func.is_none() {
                        self.truthy(&v)?
                    } else {
                        let r = self.call_positional(&func, std::slice::from_ref(&v))?;
                        self.truthy(&r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
                Ok(None)
            }
            IterKind::CallUntil { func, sentinel } => {
                let (func, sentinel) = (func.clone(), sentinel.clone());
                drop(st);
                let v = self.call_positional(&func, &[])?;
                if self.eq(&v, &sentinel)? {
                    return Ok(None);
                }
                Ok(Some(v))
            }
        }
    }

    fn zip_step(&mut self, inners: &[Value], strict: bool) -> PyResult<Option<Value>> {
        let mut items = Vec::with_capacity(inners.len());
        for (i, inner) in inners.iter().enumerate() {
            match self.next(inner)? {
                Some(v) => items.push(v),
                None if strict && i > 0 => {
                    let msg = format!("zip() argument {} is shorter than argument 1", i + 1);
                    return Err(self.value_error(msg));
                }
                None if strict => {
                    for (j, other) in inners.iter().enumerate().skip(1) {
                        if self.next(other)?.is_some() {
                            let msg = format!("zip() argument {} is longer than argument 1", j + 1);
                            return Err(self.value_error(msg));
                        }
                    }
                    return Ok(None);
                }
                None => return Ok(None),
            }
        }
        if inners.is_empty() {
            return Ok(None);
        }
        Ok(Some(Value::tuple(items)))
    }
}

fn sequence_step(seq: &Value, index: &mut usize) -> Option<Value> {
    let i = *index;
    let v = match seq {
        Value::List(l) => l.items.borrow().get(i).cloned()?,
        Value::Tuple(t) => t.items.get(i).cloned()?,
        Value::Bytes(b) => Value::Int(*b.value.get(i)? as i64),
        Value::Str(s) => {
            let c = s.as_str().get(i..)?.chars().next()?;
            *index += c.len_utf8();
            return Some(Value::str(c.encode_utf8(&mut [0; 4])));
        }
        _ => return None,
    };
    *index += 1;
    Some(v)
}

/// The next entry of a dict, dict view or set iteration, and the position after it.
fn table_step(container: &Value, pos: usize, kind: TableIterKind, len: usize) -> Result<(Option<Value>, usize), &'static str> {
    match container {
        Value::Dict(d) => {
            let t = d.table.borrow();
            if t.len() != len {
                return Err("dictionary changed size during iteration");
            }
            let Some((p, e)) = t.next_from(pos) else { return Ok((None, pos)) };
            let v = match kind {
                TableIterKind::Keys => e.key.clone(),
                TableIterKind::Values => e.value.clone(),
                TableIterKind::Items => Value::tuple(vec![e.key.clone(), e.value.clone()]),
            };
            Ok((Some(v), p + 1))
        }
        Value::Set(s) => {
            let t = s.table.borrow();
            if t.len() != len {
                return Err("Set changed size during iteration");
            }
            let Some((p, k)) = t.next_from(pos) else { return Ok((None, pos)) };
            Ok((Some(k.clone()), p + 1))
        }
        _ => Ok((None, pos)),
    }
}

fn reversed_item(seq: &Value, i: usize) -> PyResult<Option<Value>> {
    Ok(match seq {
        Value::List(l) => l.items.borrow().get(i).cloned(),
        Value::Tuple(t) => t.items.get(i).cloned(),
        Value::Bytes(b) => b.value.get(i).map(|&x| Value::Int(x as i64)),
        Value::Str(s) => s.as_str().chars().nth(i).map(|c| Value::str(c.encode_utf8(&mut [0; 4]))),
        Value::Range(r) => Some(Value::Int(r.start + r.step * i as i64)),
        _ => None,
    })
}
