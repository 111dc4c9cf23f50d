//! The one module with `unsafe`: the types that let GIL-protected state be
//! shared between OS threads.
//!
//! Invariant: a `GilProtected<T>`'s contents, and a value inside a `GilBound<T>`,
//! are touched only by a thread that holds the GIL of the interpreter that owns
//! them. Each access demands a `&GilToken` — which only the holder of that GIL
//! has (`GilToken` is `!Send` and is created only by `Gil::acquire`) — so the
//! compiler checks the invariant at every call site. Acquiring and releasing the
//! GIL are mutex operations, which order every access by one holder before every
//! access by the next, so the non-atomic reference counts and `RefCell` flags
//! inside objects are never touched concurrently.

use std::cell::UnsafeCell;

use super::gil::GilToken;
use super::pool_alloc::PoolAlloc;

/// State shared by all threads of an interpreter, usable only under its GIL.
pub struct GilProtected<T> {
    value: UnsafeCell<T>,
}

// SAFETY: see the module invariant — every access goes through `get`, which
// requires proof (`&GilToken`) that the caller holds the GIL.
unsafe impl<T> Sync for GilProtected<T> {}
unsafe impl<T> Send for GilProtected<T> {}

impl<T> GilProtected<T> {
    pub fn new(value: T) -> GilProtected<T> {
        GilProtected { value: UnsafeCell::new(value) }
    }

    pub fn get<'a>(&'a self, token: &'a GilToken) -> &'a T {
        token.debug_assert_held();
        // SAFETY: the token proves the GIL is held, so no other thread is
        // touching the contents (module invariant).
        unsafe { &*self.value.get() }
    }
}

/// A GIL-protected value in transit to another OS thread (for example the
/// function and arguments of a new thread). It can be opened only with a
/// `GilToken`, so the receiving thread must have taken the GIL first.
pub struct GilBound<T> {
    value: T,
}

// SAFETY: the value can be reached only through `into_inner`, which requires
// the GIL (module invariant); moving the wrapper itself touches nothing.
unsafe impl<T> Send for GilBound<T> {}

impl<T> GilBound<T> {
    pub fn new(value: T, _token: &GilToken) -> GilBound<T> {
        GilBound { value }
    }

    pub fn into_inner(self, token: &GilToken) -> T {
        token.debug_assert_held();
        self.value
    }
}

/// A bitwise copy of an immediate `Value` (`None`, `bool`, `int`, `float`, ...).
///
/// Why: the eval loop copies locals and constants on every `LoadFast` and
/// `LoadConst`. Rebuilding the value variant by variant (a `match` whose arms
/// each construct a `Value`) lets LLVM split the 16-byte value into byte
/// ranges and store them piecewise on the native stack; the whole-value load
/// that follows then misses store forwarding, which doubled the time of plain
/// integer loops in some builds. One 16-byte read keeps the copy whole.
///
/// Invariant: the caller checked `v.is_immediate()`. An immediate owns no heap
/// memory and has no drop glue, so the copy and the original are independent
/// values and neither can free anything the other still uses.
#[inline(always)]
pub fn copy_immediate(v: &crate::objects::value::Value) -> crate::objects::value::Value {
    debug_assert!(v.is_immediate());
    // SAFETY: see the invariant above: `v` is a valid, initialised `Value`
    // without owned resources, so duplicating its bits is a valid `Value`.
    unsafe { std::ptr::read(v) }
}

/// The allocator that feeds interpreters' memory limits (`vm::memory`):
/// `PoolAlloc` (the CLI's allocator), with every allocation and free
/// reported to `memory::charge`. An embedder that sets a memory limit
/// installs it:
/// `#[global_allocator] static ALLOC: gilvm::CountingAlloc = gilvm::CountingAlloc;`
pub struct CountingAlloc;

// SAFETY: every method forwards its arguments unchanged to `PoolAlloc`, which
// upholds the `GlobalAlloc` contract; `charge` only adds to counters (it
// never allocates: its thread-locals are const-initialised `Cell`s without
// destructors, and its slow path takes a `parking_lot` mutex, which does not
// allocate).
unsafe impl std::alloc::GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        let p = PoolAlloc.alloc(layout);
        if !p.is_null() {
            super::memory::charge(layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        let p = PoolAlloc.alloc_zeroed(layout);
        if !p.is_null() {
            super::memory::charge(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        PoolAlloc.dealloc(ptr, layout);
        super::memory::charge(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        let p = PoolAlloc.realloc(ptr, layout, new_size);
        if !p.is_null() {
            super::memory::charge(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// Thin wrappers over the libc calls the thread machinery needs. They live
/// here because this is the one module allowed `unsafe`; none of them touches
/// interpreter state.
pub mod os_thread {
    /// `pthread_self()` as an integer: `_thread.get_ident()`, as in CPython.
    pub fn ident() -> u64 {
        // SAFETY: pthread_self has no preconditions and cannot fail.
        unsafe { libc::pthread_self() as u64 }
    }

    /// The kernel's thread id (`gettid`): `_thread.get_native_id()`.
    pub fn native_id() -> u64 {
        // SAFETY: gettid has no preconditions and cannot fail.
        unsafe { libc::gettid() as u64 }
    }

    /// Installs `handler` for signal `signum`. The handler runs on whatever
    /// thread the kernel picks, between any two instructions: it must only
    /// touch atomics (see `vm::signals`).
    pub fn install_signal_handler(signum: libc::c_int, handler: extern "C" fn(libc::c_int)) -> bool {
        // SAFETY: `sigaction` with a zeroed, then filled, `sigaction` struct is
        // the documented way to install a handler; SA_RESTART keeps blocking
        // syscalls from failing with EINTR (the waits poll the flag instead).
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = handler as usize;
            action.sa_flags = libc::SA_RESTART;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(signum, &action, std::ptr::null_mut()) == 0
        }
    }

    /// `poll(2)` over raw descriptors (sockets, files, `select` arguments).
    /// Returns the number of ready entries, or -1 with `errno` set. A
    /// descriptor that is not open is reported as `POLLNVAL`, never touched.
    pub fn poll(fds: &mut [libc::pollfd], timeout_ms: libc::c_int) -> libc::c_int {
        // SAFETY: the pointer and length come from one live, exclusively
        // borrowed slice of `pollfd`s, which is all `poll` reads and writes.
        unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout_ms) }
    }

    /// A closure to run on a new thread.
    type Start = Box<dyn FnOnce() + Send>;

    /// Starts a detached OS thread with a native stack of `stack_size` bytes
    /// (and a guard page) running `start`; returns its `pthread_t`.
    ///
    /// Why not `std::thread`: each std thread also maps an alternate signal
    /// stack with its own guard page, doubling the memory mappings per thread,
    /// and the kernel's cap on mappings (`vm.max_map_count`) is what limits how
    /// many script threads can be alive at once.
    pub fn spawn_detached(stack_size: usize, start: Start) -> std::io::Result<libc::pthread_t> {
        extern "C" fn trampoline(arg: *mut libc::c_void) -> *mut libc::c_void {
            // SAFETY: `arg` is the `Box<Start>` leaked by `spawn_detached`,
            // handed to exactly this one thread, so it is reclaimed exactly once.
            let start = unsafe { Box::from_raw(arg.cast::<Start>()) };
            // A panic must not unwind into C; the thread just ends.
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(start));
            std::ptr::null_mut()
        }
        let arg = Box::into_raw(Box::new(start)).cast::<libc::c_void>();
        // SAFETY: `attr` is initialised before use and destroyed once;
        // `pthread_create` gets a valid `extern "C"` entry point and the leaked
        // box, which the new thread owns from then on (or which is reclaimed
        // here when no thread was created).
        unsafe {
            let mut attr: libc::pthread_attr_t = std::mem::zeroed();
            let mut rc = libc::pthread_attr_init(&mut attr);
            if rc == 0 {
                rc = libc::pthread_attr_setstacksize(&mut attr, stack_size.max(libc::PTHREAD_STACK_MIN));
            }
            if rc == 0 {
                rc = libc::pthread_attr_setdetachstate(&mut attr, libc::PTHREAD_CREATE_DETACHED);
            }
            let mut thread: libc::pthread_t = 0;
            if rc == 0 {
                rc = libc::pthread_create(&mut thread, &attr, trampoline, arg);
            }
            libc::pthread_attr_destroy(&mut attr);
            if rc != 0 {
                drop(Box::from_raw(arg.cast::<Start>()));
                return Err(std::io::Error::from_raw_os_error(rc));
            }
            Ok(thread)
        }
    }
}
