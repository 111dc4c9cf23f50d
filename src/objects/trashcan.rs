//! Freeing deep structures without deep native recursion (CPython's "trashcan").
//!
//! Dropping a container drops its children, which may be containers too: a
//! chain of a million nested lists or linked instances would free itself a
//! million native frames deep and overflow the stack (a thread's is 256 KiB,
//! enough for a few thousand levels). So every container's `Drop` hands its
//! children to `free`: up to `MAX_DEPTH` nested levels they are dropped in
//! place; deeper, they wait in this thread's pending list, which the outermost
//! level empties, one orphan at a time, before it returns. The native depth
//! stays below `MAX_DEPTH` containers, and the whole structure is still gone
//! when the first drop returns (nothing is left for later, or for another
//! interpreter the thread may attach to next).
//!
//! Containers hooked: lists, tuples, sets, dict tables (dicts, module and
//! class namespaces, instance attributes), instances, cells (closure chains)
//! and iterators. Only the deep case allocates (one box per deferred container).

use std::any::Any;
use std::cell::{Cell, RefCell};

/// Nested container drops run in place up to this depth (CPython's is 50).
const MAX_DEPTH: u32 = 50;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Whether `PENDING` may be non-empty: the outermost level tests this
    /// flag (no destructor, so no registration check) instead of the list.
    static DEFERRED: Cell<bool> = const { Cell::new(false) };
    static PENDING: RefCell<Vec<Box<dyn Any>>> = const { RefCell::new(Vec::new()) };
}

/// One level of nested freeing; the outermost one empties the pending list when it ends.
pub struct Level(());

/// Enters one more level of freeing, or `None` when the children must be
/// deferred (`defer`) instead of dropped here.
#[inline]
pub fn enter() -> Option<Level> {
    let depth = DEPTH.get();
    if depth >= MAX_DEPTH {
        return None;
    }
    DEPTH.set(depth + 1);
    Some(Level(()))
}

impl Drop for Level {
    #[inline]
    fn drop(&mut self) {
        let depth = DEPTH.get() - 1;
        DEPTH.set(depth);
        if depth == 0 && DEFERRED.get() {
            drain();
        }
    }
}

/// Drops a container's `children` one level deeper, or defers them when that is too deep.
#[inline]
pub fn free<T: 'static>(children: T) {
    match enter() {
        Some(level) => {
            drop(children);
            drop(level);
        }
        None => defer(children),
    }
}

/// Queues `children` for the outermost level to drop.
#[cold]
pub fn defer<T: 'static>(children: T) {
    let orphan: Box<dyn Any> = Box::new(children);
    // During thread teardown the list may be gone: the orphan is then dropped
    // here, as deep as it is (the thread is ending; it holds no script's data
    // but what its last frames left).
    let queued = PENDING.try_with(|pending| pending.try_borrow_mut().map(|mut p| p.push(orphan)));
    if let Ok(Ok(())) = queued {
        DEFERRED.set(true);
    }
}

/// Drops the pending orphans, each at depth 1 (its own children may be deferred again).
#[cold]
fn drain() {
    loop {
        let next = PENDING.try_with(|pending| pending.try_borrow_mut().ok().and_then(|mut p| p.pop()));
        let Ok(Some(orphan)) = next else { break };
        DEPTH.set(1);
        drop(orphan);
        DEPTH.set(0);
    }
    DEFERRED.set(false);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::list::PyList;
    use crate::objects::value::{Gc, Value};

    fn nested_lists(depth: usize) -> Value {
        let mut v = Value::List(Gc::new(PyList::new(Vec::new())));
        for _ in 0..depth {
            v = Value::List(Gc::new(PyList::new(vec![v])));
        }
        v
    }

    #[test]
    fn a_deep_chain_frees_on_a_small_stack() {
        let freed = std::thread::Builder::new()
            .stack_size(64 * 1024)
            .spawn(|| {
                let chain = nested_lists(200_000);
                drop(chain);
                (DEPTH.get(), PENDING.with(|p| p.borrow().len()), DEFERRED.get())
            })
            .expect("spawn")
            .join()
            .expect("the chain was freed without overflowing");
        assert_eq!(freed, (0, 0, false));
    }

    #[test]
    fn everything_is_freed_before_the_first_drop_returns() {
        let leaf = Gc::new(PyList::new(Vec::new()));
        let mut v = Value::List(leaf.clone());
        for _ in 0..1000 {
            v = Value::List(Gc::new(PyList::new(vec![v])));
        }
        assert_eq!(Gc::strong_count(&leaf), 2);
        drop(v);
        assert_eq!(Gc::strong_count(&leaf), 1);
    }
}
