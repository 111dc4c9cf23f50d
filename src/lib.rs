//! gilvm: a bytecode interpreter for a subset of Python 3 whose VM runs real
//! OS threads under a global interpreter lock — and a library for running
//! Python scripts from Rust.
//!
//! # The model
//!
//! A process has one **runtime**, which knows every interpreter. An
//! **interpreter** ([`Interpreter`]) has its own GIL, its own modules
//! (`sys.modules`, builtins, `__main__`) and its own objects: nothing of one
//! interpreter is reachable from another, so threads in two interpreters run
//! bytecode in parallel on two cores. **Threads attach** to an interpreter
//! to run code: a thread attached (an [`Attached`]) has its own thread state
//! (frames, the exception being handled) and holds the interpreter's GIL
//! while it runs bytecode; a blocking call releases the GIL so the
//! interpreter's other threads go on.
//!
//! # The handles
//!
//! - [`Interpreter`]: plain data, `Send + Sync + Clone`; any thread attaches
//!   through it ([`Interpreter::with`] for a closure, [`Interpreter::attach`]
//!   for a guard, as `PyGILState_Ensure`/`Release`). Built by
//!   [`Interpreter::builder`]: switch interval, recursion limit, which
//!   modules scripts may import (a [`Builder::sandbox`]), where stdout and
//!   stderr go ([`Stream`]), an instruction budget, a memory limit, native
//!   modules ([`NativeModule`]).
//! - [`Object<'py>`](Object): a script object, valid while the thread stays
//!   attached (`'py`), and not `Send`. [`Handle`] keeps an object alive
//!   between attachments; it is `Send` but opens only with an `Attached` of
//!   its own interpreter.
//! - [`InterruptHandle`]: stops a running script from another thread, also
//!   while it is blocked in `sleep`, a lock, a queue, `join` or a socket.
//! - [`Error`]: a Python exception (class, message, traceback) that prints
//!   as CPython prints it.
//!
//! # The GIL rule
//!
//! Script objects are touched only by the thread holding their
//! interpreter's GIL, and the types enforce it: an `Object<'py>` cannot
//! outlive its `Attached<'py>` nor move to another thread, and
//! [`Attached::allow_threads`], which releases the GIL around blocking work,
//! takes a `Send` closure — which cannot capture an `Object`.
//!
//! Values cross between Rust and scripts, and between interpreters, only as
//! copies of plain data ([`FromValue`], [`IntoValue`]: ints, big ints,
//! floats, strings, bytes, and lists, tuples, dicts and options of those).
//!
//! ```
//! use gilvm::{Interpreter, NativeModule, Stream};
//!
//! let host = NativeModule::new("host").function("double", "x", |_py, (x,): (i64,)| Ok(2 * x));
//! let interp = Interpreter::builder().module(host).stdout(Stream::Capture).build()?;
//! interp.run("import host\ndef f(n):\n    print('f', n)\n    return host.double(n) + 1")?;
//! assert_eq!(interp.call::<i64>("f", (20,))?, 41);
//! assert_eq!(interp.take_stdout(), "f 20\n");
//! # Ok::<(), gilvm::Error>(())
//! ```
//!
//! Below the API, the crate's layers (front end, compiler, VM, objects) are
//! public for the CLI and the tests; ARCHITECTURE.md maps them.

pub mod api;
pub mod builtins;
pub mod bytecode;
pub mod cli;
pub mod compiler;
pub mod frontend;
pub mod modules;
pub mod objects;
pub mod pylib;
pub mod vm;

pub use api::{
    AttachGuard, Attached, Builder, Error, Frame, FromArgs, FromValue, Handle, IntoArgs, IntoValue, InterruptHandle,
    Interpreter, NativeModule, Object, Result, Stream, ThreadSummary, IO_MODULES,
};
pub use vm::gil_cell::CountingAlloc;
pub use vm::pool_alloc::PoolAlloc;
