//! `PoolAlloc`: the CLI's allocator. Small blocks come from pools of fixed
//! sizes, the way CPython's pymalloc serves objects; everything else goes to
//! the system allocator (`System`, glibc's malloc).
//!
//! Why: an interpreter allocates and frees millions of small objects (a
//! 56-byte `Rc<PyStr>` per string). `GlobalAlloc::dealloc` is handed the
//! block's `Layout`, so the size class of a block is known on free without a
//! header or an address lookup, provided every small layout always goes to
//! the pool. A block is exactly its class's size (a multiple of 8, not
//! glibc's 16), which also lowers peak memory.
//!
//! Shape (Rust allocates outside the GIL too, so nothing here leans on it):
//! - A *class* per multiple of 8 bytes from 16 to `MAX_SMALL`, for alignments
//!   up to 8. Class `c` holds blocks of `8 * c` bytes.
//! - Each thread has, per class, an *active* LIFO free list of at most
//!   `limit(c)` blocks and one *spare* list that is either empty or full.
//!   Allocating pops the active list; freeing pushes on it. Both are a few
//!   instructions on a const-initialised thread-local (fs-relative access,
//!   no lazy-initialisation check).
//! - When the active list is full on a free it becomes the spare (a previous
//!   full spare moves to the depot); when it is empty on an allocation the
//!   spare becomes active, else a list comes from the depot. Two lists give
//!   hysteresis: a thread alternating around a boundary does not hit the
//!   depot on every call.
//! - The *depot* is global, behind a spin lock (it must not allocate, and is
//!   held for a handful of instructions): per class a stack of full lists, a
//!   list of loose blocks, and a shared bump region carved from `CHUNK`-byte
//!   chunks of `System`. A thread's first lists of a class are carved small
//!   and grow, so a thread that allocates little holds little.
//! - A thread's lists go back to the depot when it exits (a thread-local's
//!   destructor); afterwards, and before the first allocation registers that
//!   destructor, the thread allocates and frees through the depot directly.
//! - Memory is reused, never returned to the system: a program's small-block
//!   footprint is its peak. Large blocks are `System`'s and are returned.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::ptr::null_mut;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Block sizes are multiples of this, which is also the largest alignment
/// the pool serves.
const GRAIN: usize = 8;
/// The smallest block: a free block holds two links.
const MIN_BLOCK: usize = 16;
/// The largest request the pool serves; bigger ones go to `System`.
pub const MAX_SMALL: usize = 256;
/// Number of class indices (`class = block size / GRAIN`; 0 and 1 unused).
const CLASSES: usize = MAX_SMALL / GRAIN + 1;
/// Bytes the depot takes from `System` at a time.
const CHUNK: usize = 256 << 10;
/// About how many bytes one thread's active list of a class may hold.
const LIST_BYTES: usize = 4096;
/// The first list carved for a thread holds this many blocks; each next
/// carve doubles, up to `limit(c)`.
const FIRST_CARVE: u8 = 1;

/// Longest list a thread keeps active for class `c`.
const fn limit(c: usize) -> u8 {
    let n = LIST_BYTES / (c * GRAIN);
    if n < 8 {
        8
    } else if n > 64 {
        64
    } else {
        n as u8
    }
}

/// `limit(c)` per class, so the paths that need it read a table.
static LIMITS: [u8; CLASSES] = {
    let mut t = [0u8; CLASSES];
    let mut c = MIN_BLOCK / GRAIN;
    while c < CLASSES {
        t[c] = limit(c);
        c += 1;
    }
    t
};

/// The class serving `layout`, or `None` when `System` serves it. The same
/// layout always gets the same answer, which is what lets `dealloc` and
/// `realloc` route a block back where it came from.
#[inline(always)]
fn class_of(layout: Layout) -> Option<usize> {
    if layout.size() <= MAX_SMALL && layout.align() <= GRAIN {
        Some((layout.size().max(MIN_BLOCK) + GRAIN - 1) / GRAIN)
    } else {
        None
    }
}

/// A free block: `next` links a free list; `next_list` links the first
/// blocks of the depot's stack of full lists.
struct Block {
    next: *mut Block,
    next_list: *mut Block,
}

/// A thread's state before its first pool call, while it runs, and after its
/// lists went back to the depot.
const FRESH: u8 = 0;
const LIVE: u8 = 1;
const GONE: u8 = 2;

/// One thread's lists. `room[c]` is how many more blocks the active list
/// takes (`limit(c)` minus its length): 0 both when the list is full and
/// when the thread is not `LIVE`, so the free fast path tests one number.
/// An all-zero `Cache` is a `FRESH` one.
struct Cache {
    heads: [*mut Block; CLASSES],
    room: [u8; CLASSES],
    spares: [*mut Block; CLASSES],
    next_carve: [u8; CLASSES],
    state: u8,
}

thread_local! {
    static CACHE: UnsafeCell<Cache> = const {
        UnsafeCell::new(Cache {
            heads: [null_mut(); CLASSES],
            room: [0; CLASSES],
            spares: [null_mut(); CLASSES],
            next_carve: [0; CLASSES],
            state: FRESH,
        })
    };
    /// Touched once per thread to register `flush_cache` as a destructor.
    static EXIT_FLUSH: ExitFlush = const { ExitFlush };
}

struct ExitFlush;

impl Drop for ExitFlush {
    fn drop(&mut self) {
        flush_cache(cache());
    }
}

#[inline(always)]
fn cache() -> *mut Cache {
    CACHE.with(|c| c.get())
}

/// The global depot (see the module comment).
struct Depot {
    lists: [*mut Block; CLASSES],
    loose: [*mut Block; CLASSES],
    bump: *mut u8,
    end: *mut u8,
}

/// A spin lock: the depot is held for a few dozen instructions, and a lock
/// that may allocate (or park through a thread-local that allocates) cannot
/// sit under the allocator.
struct SpinLock {
    held: AtomicBool,
    depot: UnsafeCell<Depot>,
}

// SAFETY: `depot` is reached only through `SpinLock::lock`, whose guard
// exists on one thread at a time (the `held` flag, taken with Acquire and
// released with Release, orders each holder's accesses before the next's).
// The raw pointers inside point into chunks owned by the pool, not by any
// thread.
unsafe impl Sync for SpinLock {}

static DEPOT: SpinLock = SpinLock {
    held: AtomicBool::new(false),
    depot: UnsafeCell::new(Depot {
        lists: [null_mut(); CLASSES],
        loose: [null_mut(); CLASSES],
        bump: null_mut(),
        end: null_mut(),
    }),
};

/// Chunks taken from `System` so far (for tests and reports).
static CHUNKS: AtomicUsize = AtomicUsize::new(0);

/// Bytes of small-block chunks the pool holds (it never gives them back).
pub fn pool_bytes() -> usize {
    CHUNKS.load(Ordering::Relaxed) * CHUNK
}

struct DepotGuard;

impl SpinLock {
    fn lock(&self) -> DepotGuard {
        let mut spins = 0u32;
        while self.held.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
            spins += 1;
            if spins < 64 {
                std::hint::spin_loop();
            } else {
                std::thread::yield_now();
            }
        }
        DepotGuard
    }
}

impl Drop for DepotGuard {
    fn drop(&mut self) {
        DEPOT.held.store(false, Ordering::Release);
    }
}

impl DepotGuard {
    fn depot(&mut self) -> *mut Depot {
        DEPOT.depot.get()
    }
}

/// Takes up to `max` blocks of class `c` off the depot as one list; returns
/// its head and length (0 when out of memory).
///
/// SAFETY (caller): holds the depot lock (`guard`).
unsafe fn depot_take(guard: &mut DepotGuard, c: usize, max: u8) -> (*mut Block, u8) {
    let d = guard.depot();
    // SAFETY: the lock is held, so `d` is ours; every block in the depot's
    // lists is a free block of class `c`, at least `MIN_BLOCK` bytes, whose
    // links were written when it was pushed.
    unsafe {
        let full = (*d).lists[c];
        if !full.is_null() && max >= LIMITS[c] {
            (*d).lists[c] = (*full).next_list;
            return (full, LIMITS[c]);
        }
        let head = (*d).loose[c];
        if !head.is_null() {
            let mut tail = head;
            let mut n = 1;
            while n < max && !(*tail).next.is_null() {
                tail = (*tail).next;
                n += 1;
            }
            (*d).loose[c] = (*tail).next;
            (*tail).next = null_mut();
            return (head, n);
        }
        if !full.is_null() {
            // A full list while fewer blocks were asked for: its blocks
            // become loose, then the request is served from them.
            (*d).lists[c] = (*full).next_list;
            (*d).loose[c] = full;
            return depot_take(guard, c, max);
        }
        carve(d, c, max)
    }
}

/// Carves up to `max` fresh blocks of class `c` from the bump region,
/// linked into a list.
///
/// SAFETY (caller): holds the depot lock; `d` is the depot.
unsafe fn carve(d: *mut Depot, c: usize, max: u8) -> (*mut Block, u8) {
    let size = c * GRAIN;
    // SAFETY: `bump..end` is the unused tail of the newest chunk (or both
    // null), a region of memory the pool owns and nobody else references;
    // blocks carved from it are `size` bytes apart, each 8-aligned because
    // chunks are and `size` is a multiple of 8, so each can hold a `Block`.
    unsafe {
        let mut left = (*d).end as usize - (*d).bump as usize;
        if left < size {
            let chunk = System.alloc(Layout::from_size_align_unchecked(CHUNK, GRAIN));
            if chunk.is_null() {
                return (null_mut(), 0);
            }
            CHUNKS.fetch_add(1, Ordering::Relaxed);
            (*d).bump = chunk;
            (*d).end = chunk.add(CHUNK);
            left = CHUNK;
        }
        let n = (left / size).min(max as usize).max(1);
        let head = (*d).bump as *mut Block;
        for i in 0..n {
            let block = (*d).bump.add(i * size) as *mut Block;
            let next = if i + 1 < n { (*d).bump.add((i + 1) * size) as *mut Block } else { null_mut() };
            (*block).next = next;
        }
        (*d).bump = (*d).bump.add(n * size);
        (head, n as u8)
    }
}

/// Gives one free block of class `c` to the depot's loose list.
///
/// SAFETY (caller): holds the depot lock; `block` is a free block of class
/// `c` that nothing references any more.
unsafe fn depot_put(guard: &mut DepotGuard, c: usize, block: *mut Block) {
    let d = guard.depot();
    // SAFETY: the lock is held; `block` is ours to link (caller's contract).
    unsafe {
        (*block).next = (*d).loose[c];
        (*d).loose[c] = block;
    }
}

/// Starts using the thread's cache: registers the flush at thread exit and
/// opens every class's active list. When the thread is already tearing down
/// its thread-locals (so no destructor can be registered), it stays on the
/// depot: `GONE`.
///
/// SAFETY (caller): `cache` is this thread's cache, in state `FRESH`.
unsafe fn start_cache(cache: *mut Cache) {
    // SAFETY: the cache is this thread's and no reference into it is live;
    // the state is set before registering because registering may allocate,
    // and that allocation re-enters the pool through this same cache.
    unsafe {
        (*cache).state = LIVE;
        let mut c = MIN_BLOCK / GRAIN;
        while c < CLASSES {
            (*cache).room[c] = LIMITS[c];
            (*cache).next_carve[c] = FIRST_CARVE;
            c += 1;
        }
    }
    if EXIT_FLUSH.try_with(|_| ()).is_err() {
        flush_cache(cache);
    }
}

/// Returns the thread's lists to the depot and leaves the thread `GONE`.
fn flush_cache(cache: *mut Cache) {
    let mut guard = DEPOT.lock();
    // SAFETY: `cache` is the exiting thread's own cache (no reference into it
    // is live); its lists hold free blocks of their class only, spares are
    // full lists (`limit(c)` blocks), and the depot lock is held.
    unsafe {
        (*cache).state = GONE;
        for c in MIN_BLOCK / GRAIN..CLASSES {
            let spare = (*cache).spares[c];
            if !spare.is_null() {
                let d = guard.depot();
                (*spare).next_list = (*d).lists[c];
                (*d).lists[c] = spare;
            }
            let mut block = (*cache).heads[c];
            while !block.is_null() {
                let next = (*block).next;
                depot_put(&mut guard, c, block);
                block = next;
            }
            (*cache).heads[c] = null_mut();
            (*cache).spares[c] = null_mut();
            (*cache).room[c] = 0;
        }
    }
}

/// Allocates a block of class `c`.
#[inline(always)]
unsafe fn pool_alloc(c: usize) -> *mut u8 {
    let cache = cache();
    // SAFETY: `cache` is this thread's; a non-null head is a free block of
    // class `c` whose `next` was written when it was pushed.
    unsafe {
        let head = (*cache).heads[c];
        if !head.is_null() {
            (*cache).heads[c] = (*head).next;
            (*cache).room[c] += 1;
            return head as *mut u8;
        }
        alloc_slow(cache, c)
    }
}

/// The active list is empty: take the spare, or a list from the depot.
#[inline(never)]
unsafe fn alloc_slow(cache: *mut Cache, c: usize) -> *mut u8 {
    // SAFETY: as in `pool_alloc`; lists taken from the spare or the depot
    // hold free blocks of class `c`, and their lengths are known exactly.
    unsafe {
        match (*cache).state {
            FRESH => {
                start_cache(cache);
                return pool_alloc(c);
            }
            GONE => {
                let (block, _) = depot_take(&mut DEPOT.lock(), c, 1);
                return block as *mut u8;
            }
            _ => {}
        }
        let spare = (*cache).spares[c];
        let (head, len) = if !spare.is_null() {
            (*cache).spares[c] = null_mut();
            (spare, LIMITS[c])
        } else {
            let want = (*cache).next_carve[c];
            (*cache).next_carve[c] = (want * 2).min(LIMITS[c]);
            depot_take(&mut DEPOT.lock(), c, want)
        };
        if head.is_null() {
            return null_mut();
        }
        (*cache).heads[c] = (*head).next;
        (*cache).room[c] = LIMITS[c] - len + 1;
        head as *mut u8
    }
}

/// Frees `ptr`, a block of class `c`.
#[inline(always)]
unsafe fn pool_free(c: usize, ptr: *mut u8) {
    let cache = cache();
    let block = ptr as *mut Block;
    // SAFETY: `ptr` was allocated as class `c` (the caller passes the
    // layout it was allocated with), so it is at least `MIN_BLOCK` bytes,
    // 8-aligned, and no longer used: we may write its links.
    unsafe {
        if (*cache).room[c] != 0 {
            (*block).next = (*cache).heads[c];
            (*cache).heads[c] = block;
            (*cache).room[c] -= 1;
            return;
        }
        free_slow(cache, c, block);
    }
}

/// The active list is full (or the thread is not `LIVE`): the active list
/// becomes the spare, a previous spare goes to the depot.
#[inline(never)]
unsafe fn free_slow(cache: *mut Cache, c: usize, block: *mut Block) {
    // SAFETY: as in `pool_free`; a `LIVE` cache with no room has a full
    // active list, which is a valid spare.
    unsafe {
        match (*cache).state {
            FRESH => {
                start_cache(cache);
                return pool_free(c, block as *mut u8);
            }
            GONE => return depot_put(&mut DEPOT.lock(), c, block),
            _ => {}
        }
        let spare = (*cache).spares[c];
        if !spare.is_null() {
            let mut guard = DEPOT.lock();
            let d = guard.depot();
            (*spare).next_list = (*d).lists[c];
            (*d).lists[c] = spare;
        }
        (*cache).spares[c] = (*cache).heads[c];
        (*block).next = null_mut();
        (*cache).heads[c] = block;
        (*cache).room[c] = LIMITS[c] - 1;
    }
}

/// The pool allocator. The `gilvm` binary installs it:
/// `#[global_allocator] static ALLOC: gilvm::PoolAlloc = gilvm::PoolAlloc;`
/// `CountingAlloc` (memory limits) sits on top of it.
pub struct PoolAlloc;

// SAFETY: a small layout (`class_of` is `Some`) is always served by the
// pool and a large one always by `System`, so each block is freed or resized
// by the allocator that made it; pool blocks are at least the layout's size,
// 8-aligned (all the pool serves), and handed out to one owner at a time
// (they are on no free list while allocated).
unsafe impl GlobalAlloc for PoolAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match class_of(layout) {
            // SAFETY: see the impl's comment.
            Some(c) => unsafe { pool_alloc(c) },
            None => unsafe { System.alloc(layout) },
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        match class_of(layout) {
            // SAFETY: `ptr` came from `alloc` with this layout (the
            // `GlobalAlloc` contract), hence from the same side.
            Some(c) => unsafe { pool_free(c, ptr) },
            None => unsafe { System.dealloc(ptr, layout) },
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        match class_of(layout) {
            // SAFETY: the block is at least `layout.size()` bytes.
            Some(c) => unsafe {
                let p = pool_alloc(c);
                if !p.is_null() {
                    p.write_bytes(0, layout.size());
                }
                p
            },
            None => unsafe { System.alloc_zeroed(layout) },
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the `GlobalAlloc` contract makes `new_size` with the old
        // alignment a valid layout; a block stays put when its class does
        // not change, moves between the sides by copy, and `System` resizes
        // its own blocks.
        unsafe {
            let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
            match (class_of(layout), class_of(new_layout)) {
                (None, None) => System.realloc(ptr, layout, new_size),
                (Some(old), Some(new)) if old == new => ptr,
                _ => {
                    let moved = self.alloc(new_layout);
                    if !moved.is_null() {
                        std::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                    }
                    moved
                }
            }
        }
    }
}
