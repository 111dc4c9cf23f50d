//! `set` and `frozenset`: an open-addressing table laid out as CPython's
//! `setobject.c` (linear probes then perturbation, dummies on delete, the same
//! growth rule), so that iteration order equals CPython's for ints.

use std::cell::{Cell, RefCell};

use super::Value;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
pub enum Slot {
    Empty,
    Dummy,
    Active { hash: i64, key: Value },
}

#[derive(Clone)]
pub struct SetTable {
    slots: Vec<Slot>,
    /// Active plus dummy slots.
    fill: usize,
    used: usize,
    /// Where `pop` resumes its scan.
    finger: usize,
}

/// Where a probe for a key ended.
pub enum Probe {
    Found(usize),
    /// Not present; insert at this slot (an empty slot or the first dummy seen).
    Vacant(usize),
    /// An active slot with the same hash whose key must be compared with
    /// Python equality: the caller compares, then resumes the probe after it.
    Candidate(usize),
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable::new()
    }
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable { slots: vec![Slot::Empty; MIN_SIZE], fill: 0, used: 0, finger: 0 }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The probe sequence of `hash`, as CPython: runs of up to 10 adjacent
    /// slots, then a perturbed jump.
    fn probe_order(&self, hash: i64) -> ProbeSeq {
        let mask = self.mask();
        ProbeSeq { mask, i: (hash as u64 as usize) & mask, run: 0, perturb: hash as u64 }
    }

    /// Walks the probe sequence; `same` decides key identity cheaply (`Some(true)`
    /// equal, `Some(false)` different, `None` needs Python equality). `skip`
    /// positions were already compared unequal by the caller.
    pub fn probe(&self, hash: i64, skip: &[usize], mut same: impl FnMut(&Value) -> Option<bool>) -> Probe {
        let mut free: Option<usize> = None;
        for i in self.probe_order(hash) {
            match &self.slots[i] {
                Slot::Empty => return Probe::Vacant(free.unwrap_or(i)),
                Slot::Dummy => {
                    if free.is_none() {
                        free = Some(i);
                    }
                }
                Slot::Active { hash: h, key } if *h == hash && !skip.contains(&i) => match same(key) {
                    Some(true) => return Probe::Found(i),
                    Some(false) => {}
                    None => return Probe::Candidate(i),
                },
                Slot::Active { .. } => {}
            }
        }
        Probe::Vacant(free.unwrap_or(0))
    }

    pub fn key_at(&self, i: usize) -> Option<&Value> {
        match self.slots.get(i) {
            Some(Slot::Active { key, .. }) => Some(key),
            _ => None,
        }
    }

    /// Stores a new key at slot `i` (from `Probe::Vacant`), growing as CPython.
    pub fn insert_at(&mut self, i: usize, hash: i64, key: Value) {
        if matches!(self.slots[i], Slot::Empty) {
            self.fill += 1;
        }
        self.slots[i] = Slot::Active { hash, key };
        self.used += 1;
        if self.fill * 5 >= self.mask() * 3 {
            let minused = if self.used > 50000 { self.used * 2 } else { self.used * 4 };
            self.resize(minused);
        }
    }

    pub fn remove_at(&mut self, i: usize) -> Option<Value> {
        match std::mem::replace(&mut self.slots[i], Slot::Dummy) {
            Slot::Active { key, .. } => {
                self.used -= 1;
                Some(key)
            }
            other => {
                self.slots[i] = other;
                None
            }
        }
    }

    /// `set.pop()`: the first active slot from the finger on.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let n = self.slots.len();
        let mut i = self.finger & self.mask();
        for _ in 0..n {
            if matches!(self.slots[i], Slot::Active { .. }) {
                self.finger = i + 1;
                return self.remove_at(i);
            }
            i = (i + 1) % n;
        }
        None
    }

    pub fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Active { hash, key } = slot {
                self.insert_clean(hash, key);
            }
        }
    }

    /// Inserts a key known absent into a table without dummies and with room.
    fn insert_clean(&mut self, hash: i64, key: Value) {
        let pos = self.probe_order(hash).find(|&i| matches!(self.slots[i], Slot::Empty));
        if let Some(i) = pos {
            self.slots[i] = Slot::Active { hash, key };
        }
    }

    /// Makes room before merging `incoming` keys, as CPython's `set_merge`.
    pub fn reserve_for_merge(&mut self, incoming: usize) {
        if (self.fill + incoming) * 5 >= self.mask() * 3 {
            self.resize((self.used + incoming) * 2);
        }
    }

    /// Copies `other` into this empty table the way CPython's `set_merge` does.
    pub fn merge_into_empty(&mut self, other: &SetTable) {
        self.reserve_for_merge(other.used);
        if self.slots.len() == other.slots.len() && other.fill == other.used {
            self.slots = other.slots.clone();
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        for (hash, key) in other.iter_hashed() {
            self.insert_clean(hash, key.clone());
            self.fill += 1;
            self.used += 1;
        }
    }

    pub fn clear(&mut self) {
        *self = SetTable::new();
    }

    /// Active keys in table order.
    pub fn iter(&self) -> impl Iterator<Item = &Value> {
        self.iter_hashed().map(|(_, k)| k)
    }

    pub fn iter_hashed(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Active { hash, key } => Some((*hash, key)),
            _ => None,
        })
    }

    /// The active key at or after slot `pos` and its slot (for iterators).
    pub fn next_from(&self, mut pos: usize) -> Option<(usize, &Value)> {
        while pos < self.slots.len() {
            if let Slot::Active { key, .. } = &self.slots[pos] {
                return Some((pos, key));
            }
            pos += 1;
        }
        None
    }

    /// CPython's frozenset hash: order-independent combination of the entry hashes.
    pub fn frozen_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = 0;
        for (h, _) in self.iter_hashed() {
            hash ^= shuffle(h as u64);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            hash = 590923713;
        }
        hash as i64
    }
}

struct ProbeSeq {
    mask: usize,
    i: usize,
    run: usize,
    perturb: u64,
}

impl Iterator for ProbeSeq {
    type Item = usize;

    /// Never ends on its own when the table has an empty slot (it always has:
    /// the fill stays below 60 %); callers stop at the first empty slot.
    fn next(&mut self) -> Option<usize> {
        let limit = if self.i.wrapping_sub(self.run) + LINEAR_PROBES <= self.mask { LINEAR_PROBES } else { 0 };
        let current = self.i;
        if self.run < limit {
            self.run += 1;
            self.i += 1;
        } else {
            let base = self.i - self.run;
            self.perturb >>= PERTURB_SHIFT;
            self.i = (base.wrapping_mul(5).wrapping_add(1).wrapping_add(self.perturb as usize)) & self.mask;
            self.run = 0;
        }
        Some(current)
    }
}

pub struct PySet {
    /// Never hold a borrow across a call back into Python code.
    pub table: RefCell<SetTable>,
    pub frozen: bool,
    /// Cached hash of a frozenset; -1 until computed.
    pub hash: Cell<i64>,
}

/// Members are freed through the trashcan (a chain of nested frozensets).
impl Drop for PySet {
    fn drop(&mut self) {
        super::trashcan::free(std::mem::take(self.table.get_mut()));
    }
}

impl PySet {
    pub fn new(frozen: bool) -> PySet {
        PySet { table: RefCell::new(SetTable::new()), frozen, hash: Cell::new(-1) }
    }

    pub fn with_table(table: SetTable, frozen: bool) -> PySet {
        PySet { table: RefCell::new(table), frozen, hash: Cell::new(-1) }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Small ints hash to themselves, so a table of ints can be checked
    /// without an interpreter: the orders are CPython's.
    fn build(keys: &[i64]) -> SetTable {
        let mut t = SetTable::new();
        for &k in keys {
            if let Probe::Vacant(i) = t.probe(k, &[], |v| Some(matches!(v, Value::Int(x) if *x == k))) {
                t.insert_at(i, k, Value::Int(k));
            }
        }
        t
    }

    fn order(t: &SetTable) -> Vec<i64> {
        t.iter().map(|v| if let Value::Int(i) = v { *i } else { 0 }).collect()
    }

    #[test]
    fn iteration_order_matches_cpython() {
        assert_eq!(order(&build(&[3, 1, 2])), vec![1, 2, 3]);
        assert_eq!(order(&build(&[10, 20, 30, 40, 50])), vec![40, 10, 50, 20, 30]);
        let mut merged = SetTable::new();
        merged.merge_into_empty(&build(&[10, 20, 30, 40, 50]));
        assert_eq!(order(&merged), vec![50, 20, 40, 10, 30]);
    }

    #[test]
    fn pop_and_dummies() {
        let mut t = build(&[1, 2, 3]);
        assert_eq!(t.pop().map(|v| matches!(v, Value::Int(1))), Some(true));
        assert_eq!(t.len(), 2);
        assert_eq!(order(&t), vec![2, 3]);
    }
}
