//! A stable merge sort over a fallible comparator: a user `__lt__` or key
//! function may raise, or may not be a total order (NaN), and neither may
//! panic (Rust's `sort_by` may panic on an inconsistent order).

use crate::bytecode::CmpOp;
use crate::objects::{PyResult, Value};
use crate::vm::ThreadState;

const INSERTION_RUN: usize = 16;

/// `a < b`, natively for common key types.
pub fn less_than(ts: &mut ThreadState, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        (Value::Str(x), Value::Str(y)) => Ok(x.as_str() < y.as_str()),
        _ => {
            let r = ts.compare(CmpOp::Lt, a, b)?;
            match r {
                Value::Bool(b) => Ok(b),
                other => ts.truthy(&other),
            }
        }
    }
}

/// Sorts `items` by `keys` (same length), stably; `reverse` keeps equal
/// elements in their original order, as CPython.
pub fn sort_by_keys(ts: &mut ThreadState, keys: Vec<Value>, items: Vec<Value>, reverse: bool) -> PyResult<Vec<Value>> {
    if let Some(order) = native_order(&keys, reverse) {
        return Ok(order.into_iter().filter_map(|i| items.get(i).cloned()).collect());
    }
    let mut pairs: Vec<(Value, Value)> = keys.into_iter().zip(items).collect();
    if reverse {
        pairs.reverse();
    }
    let mut sorted = merge_sort(ts, pairs)?;
    if reverse {
        sorted.reverse();
    }
    Ok(sorted.into_iter().map(|(_, v)| v).collect())
}

/// When every key is an int, every key a str, or every key a float other than
/// NaN, `<` is a total order that cannot raise: the positions of the items in
/// sorted order come from the standard library's stable sort, without the
/// fallible comparator. A descending sort compares the other way round, which
/// keeps equal keys in their original order (as CPython's `reverse=True`).
fn native_order(keys: &[Value], reverse: bool) -> Option<Vec<usize>> {
    use std::cmp::Ordering;
    fn order<K>(mut pairs: Vec<(K, usize)>, reverse: bool, cmp: impl Fn(&K, &K) -> Ordering) -> Vec<usize> {
        if reverse {
            pairs.sort_by(|a, b| cmp(&b.0, &a.0));
        } else {
            pairs.sort_by(|a, b| cmp(&a.0, &b.0));
        }
        pairs.into_iter().map(|(_, i)| i).collect()
    }
    match keys.first()? {
        Value::Int(_) => {
            let pairs = keys.iter().enumerate().map(|(i, k)| match k {
                Value::Int(x) => Some((*x, i)),
                _ => None,
            });
            Some(order(pairs.collect::<Option<Vec<_>>>()?, reverse, i64::cmp))
        }
        Value::Float(_) => {
            let pairs = keys.iter().enumerate().map(|(i, k)| match k {
                Value::Float(x) if !x.is_nan() => Some((*x, i)),
                _ => None,
            });
            let cmp = |a: &f64, b: &f64| a.partial_cmp(b).unwrap_or(Ordering::Equal);
            Some(order(pairs.collect::<Option<Vec<_>>>()?, reverse, cmp))
        }
        Value::Str(_) => {
            let pairs = keys.iter().enumerate().map(|(i, k)| match k {
                Value::Str(x) => Some((x.as_str(), i)),
                _ => None,
            });
            Some(order(pairs.collect::<Option<Vec<_>>>()?, reverse, |a: &&str, b: &&str| a.cmp(b)))
        }
        _ => None,
    }
}

/// Sorts `items`, computing keys with `key` when given.
pub fn sort_values(ts: &mut ThreadState, items: Vec<Value>, key: &Value, reverse: bool) -> PyResult<Vec<Value>> {
    let keys = if key.is_none() {
        items.clone()
    } else {
        let mut keys = Vec::with_capacity(items.len());
        for item in &items {
            keys.push(ts.call_positional(key, std::slice::from_ref(item))?);
        }
        keys
    };
    sort_by_keys(ts, keys, items, reverse)
}

fn merge_sort(ts: &mut ThreadState, mut v: Vec<(Value, Value)>) -> PyResult<Vec<(Value, Value)>> {
    let n = v.len();
    let mut start = 0;
    while start < n {
        let end = (start + INSERTION_RUN).min(n);
        insertion_sort(ts, &mut v[start..end])?;
        start = end;
    }
    let mut width = INSERTION_RUN;
    let mut buf: Vec<(Value, Value)> = Vec::with_capacity(n);
    while width < n {
        let mut lo = 0;
        buf.clear();
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            merge(ts, &v[lo..mid], &v[mid..hi], &mut buf)?;
            lo = hi;
        }
        std::mem::swap(&mut v, &mut buf);
        width *= 2;
    }
    Ok(v)
}

fn insertion_sort(ts: &mut ThreadState, v: &mut [(Value, Value)]) -> PyResult<()> {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less_than(ts, &v[j].0, &v[j - 1].0)? {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
    Ok(())
}

fn merge(ts: &mut ThreadState, a: &[(Value, Value)], b: &[(Value, Value)], out: &mut Vec<(Value, Value)>) -> PyResult<()> {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if less_than(ts, &b[j].0, &a[i].0)? {
            out.push(b[j].clone());
            j += 1;
        } else {
            out.push(a[i].clone());
            i += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    Ok(())
}
