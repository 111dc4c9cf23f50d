//! `dict`: an insertion-ordered hash table, laid out as CPython's compact dict:
//! a dense `entries` vector in insertion order plus a hash index of positions.
//! Like CPython's small dicts, a table of at most `SMALL` entry slots has no
//! index: a lookup scans the entries (comparing the cached hash first), which
//! spares instance `__dict__`s and other small dicts an allocation, its free
//! and the index upkeep on every insert.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use hashbrown::HashTable;

use super::{Gc, PyStr, Value};

pub struct DictEntry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Default)]
pub struct DictTable {
    /// Insertion order; `None` marks a deleted entry (compacted when holes pile up).
    entries: Vec<Option<DictEntry>>,
    /// Positions into `entries`, hashed by the entry's hash. Holds every live
    /// position while `entries` has more than `SMALL` slots (holes included),
    /// and nothing otherwise (it may keep capacity after a `clear`).
    index: HashTable<usize>,
    len: usize,
    /// CPython's `dk_version`: nonzero only while the key set, and so every
    /// entry's position, is unchanged since an inline cache asked for it.
    keys_version: u64,
}

/// Versions are unique across the process, so an equal version means the same
/// dict in the same shape (no pointer comparison, no reuse after free).
static NEXT_KEYS_VERSION: AtomicU64 = AtomicU64::new(1);

/// Advances whenever a versioned table (one an inline cache asked a keys
/// version of) changes its key set or is dropped: while it stands still, every
/// version handed out still holds, so a cache that checked its versions at
/// some epoch need not check them again (one load instead of one per MRO class).
static KEYS_EPOCH: AtomicU64 = AtomicU64::new(1);

/// Voids every check made at the current keys epoch.
pub fn advance_keys_epoch() {
    KEYS_EPOCH.fetch_add(1, Ordering::Relaxed);
}

/// The current keys epoch (see `KEYS_EPOCH`).
#[inline]
pub fn keys_epoch() -> u64 {
    KEYS_EPOCH.load(Ordering::Relaxed)
}

/// The most entry slots a table scans instead of indexing: a scan of 8 cached
/// hashes costs about what one index probe does.
// Four, not eight: a scan of eight slots cost module-level code (globals of a
// short script) 13 % more instructions than the index; instances of up to four
// attributes keep the whole gain.
const SMALL: usize = 4;

/// The index's hash for a Python hash. hashbrown tags each slot with the top 7
/// bits of the hash, but Python's hash of a small int is the int itself (top
/// bits all zero): unmixed, every slot of a probe group would match the tag
/// and each lookup would compare many keys. Multiplying by an odd constant
/// fills the top bits and keeps the low bits (the bucket) a bijection.
#[inline]
fn spread(hash: i64) -> u64 {
    (hash as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// A dropped table's version may not validate a cache again (the class or
/// module it belonged to may be replaced by another at the same address).
/// Entries are freed through the trashcan (dicts nested a million deep).
impl Drop for DictTable {
    fn drop(&mut self) {
        self.keys_changed();
        // An instance's table moved to its class's spares leaves an empty one here.
        if !self.entries.is_empty() {
            super::trashcan::free(std::mem::take(&mut self.entries));
        }
    }
}

impl DictTable {
    pub fn new() -> DictTable {
        DictTable::default()
    }

    pub fn with_capacity(n: usize) -> DictTable {
        let index = if n > SMALL { HashTable::with_capacity(n) } else { HashTable::new() };
        // Every field spelled out: `..DictTable::default()` built and dropped a
        // whole default table per call (an instance's attribute table).
        DictTable { entries: Vec::with_capacity(n), index, len: 0, keys_version: 0 }
    }

    #[inline]
    fn indexed(&self) -> bool {
        self.entries.len() > SMALL
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The current keys version (0: changed since the last `assign_keys_version`).
    #[inline]
    pub fn keys_version(&self) -> u64 {
        self.keys_version
    }

    /// The key set is changing: its version (if one was handed out) is void.
    #[inline]
    fn keys_changed(&mut self) {
        if self.keys_version != 0 {
            self.keys_version = 0;
            advance_keys_epoch();
        }
    }

    /// A keys version for the current key set, taking a fresh one if needed.
    pub fn assign_keys_version(&mut self) -> u64 {
        if self.keys_version == 0 {
            self.keys_version = NEXT_KEYS_VERSION.fetch_add(1, Ordering::Relaxed);
        }
        self.keys_version
    }

    /// The position of the entry with this hash whose key satisfies `eq`.
    /// Always inlined: called, its prologue and epilogue were ~20 of the ~90
    /// instructions of an int or str lookup.
    #[inline(always)]
    pub fn find(&self, hash: i64, mut eq: impl FnMut(&Value) -> bool) -> Option<usize> {
        let entries = &self.entries;
        if !self.indexed() {
            return entries.iter().position(|e| matches!(e, Some(e) if e.hash == hash && eq(&e.key)));
        }
        self.index
            .find(spread(hash), |&i| {
                let e = entries[i].as_ref().expect("index points at live entries");
                e.hash == hash && eq(&e.key)
            })
            .copied()
    }

    /// Positions of all entries with this hash (for keys whose equality runs Python code).
    pub fn candidates(&self, hash: i64) -> Vec<usize> {
        let entries = &self.entries;
        if !self.indexed() {
            let same_hash = |(_, e): &(usize, &Option<DictEntry>)| e.as_ref().is_some_and(|e| e.hash == hash);
            return entries.iter().enumerate().filter(same_hash).map(|(i, _)| i).collect();
        }
        self.index
            .iter_hash(spread(hash))
            .copied()
            .filter(|&i| entries[i].as_ref().is_some_and(|e| e.hash == hash))
            .collect()
    }

    pub fn entry(&self, pos: usize) -> Option<&DictEntry> {
        self.entries.get(pos).and_then(|e| e.as_ref())
    }

    /// Replaces the value at `pos`, returning the old one (for the caller to
    /// drop once the table is no longer borrowed).
    pub fn replace_value_at(&mut self, pos: usize, value: Value) -> Option<Value> {
        match self.entries.get_mut(pos) {
            Some(Some(e)) => Some(std::mem::replace(&mut e.value, value)),
            _ => None,
        }
    }

    pub fn set_value_at(&mut self, pos: usize, value: Value) {
        if let Some(Some(e)) = self.entries.get_mut(pos) {
            e.value = value;
        }
    }

    /// Appends a key known not to be present.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        self.insert_new_at(hash, key, value);
    }

    /// Appends a key known not to be present; returns its position.
    pub fn insert_new_at(&mut self, hash: i64, key: Value, value: Value) -> usize {
        self.keys_changed();
        let pos = self.entries.len();
        self.entries.push(Some(DictEntry { hash, key, value }));
        self.len += 1;
        if pos == SMALL {
            self.build_index();
        } else if pos > SMALL {
            self.index_position(pos, hash);
        }
        pos
    }

    fn index_position(&mut self, pos: usize, hash: i64) {
        let entries = &self.entries;
        self.index.insert_unique(spread(hash), pos, |&i| {
            entries[i].as_ref().map_or(0, |e| spread(e.hash))
        });
    }

    /// Indexes every live entry: the table just outgrew scanning.
    fn build_index(&mut self) {
        let (entries, index) = (&self.entries, &mut self.index);
        index.clear();
        let rehash = |&i: &usize| entries[i].as_ref().map_or(0, |e| spread(e.hash));
        index.reserve(entries.len(), rehash);
        for (pos, e) in entries.iter().enumerate() {
            if let Some(e) = e {
                index.insert_unique(spread(e.hash), pos, rehash);
            }
        }
    }

    /// Removes the entry at `pos`, returning it.
    pub fn remove_at(&mut self, pos: usize) -> Option<DictEntry> {
        let hash = self.entries.get(pos)?.as_ref()?.hash;
        self.keys_changed();
        if self.indexed() {
            if let Ok(slot) = self.index.find_entry(spread(hash), |&i| i == pos) {
                slot.remove();
            }
        }
        let removed = self.entries[pos].take();
        self.len -= 1;
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        removed
    }

    fn compact(&mut self) {
        let live: Vec<DictEntry> = self.entries.drain(..).flatten().collect();
        self.index.clear();
        self.len = 0;
        for e in live {
            self.insert_new(e.hash, e.key, e.value);
        }
    }

    pub fn clear(&mut self) {
        self.keys_changed();
        self.entries.clear();
        self.index.clear();
        self.len = 0;
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &DictEntry> {
        self.entries.iter().flatten()
    }

    /// The live entry at or after position `pos` and its position (for iterators
    /// that must survive mutation between steps).
    pub fn next_from(&self, mut pos: usize) -> Option<(usize, &DictEntry)> {
        while pos < self.entries.len() {
            if let Some(e) = &self.entries[pos] {
                return Some((pos, e));
            }
            pos += 1;
        }
        None
    }
}

pub struct PyDict {
    /// Never hold a borrow across a call back into Python code.
    pub table: RefCell<DictTable>,
}

impl Default for PyDict {
    fn default() -> Self {
        PyDict::new()
    }
}

impl PyDict {
    pub fn new() -> PyDict {
        PyDict { table: RefCell::new(DictTable::new()) }
    }

    pub fn with_capacity(n: usize) -> PyDict {
        PyDict { table: RefCell::new(DictTable::with_capacity(n)) }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Lookup by a string key: the fast path for namespaces and attributes.
    pub fn get_str(&self, name: &PyStr) -> Option<Value> {
        let t = self.table.borrow();
        let pos = t.find(name.hash_value(), |k| matches!(k, Value::Str(s) if std::ptr::eq(&**s, name) || **s == *name))?;
        t.entry(pos).map(|e| e.value.clone())
    }

    /// Insert or replace under a string key.
    pub fn set_str(&self, name: Gc<PyStr>, value: Value) {
        let hash = name.hash_value();
        let mut t = self.table.borrow_mut();
        match t.find(hash, |k| matches!(k, Value::Str(s) if std::ptr::eq(&**s, &*name) || **s == *name)) {
            Some(pos) => t.set_value_at(pos, value),
            None => t.insert_new(hash, Value::Str(name), value),
        }
    }

    /// Remove a string key, returning its value.
    pub fn del_str(&self, name: &PyStr) -> Option<Value> {
        let mut t = self.table.borrow_mut();
        let pos = t.find(name.hash_value(), |k| matches!(k, Value::Str(s) if std::ptr::eq(&**s, name) || **s == *name))?;
        t.remove_at(pos).map(|e| e.value)
    }

    /// Keys and values in insertion order (a snapshot: safe to call Python code while using it).
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.table.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect()
    }
}
