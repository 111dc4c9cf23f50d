//! The working half of `threading.Condition`, native: `__enter__`,
//! `__exit__`, `wait` and `notify` are `_thread` functions
//! that `threading.py` puts on its `Condition` class (a native function
//! binds like a Python one), so `Event`, `Semaphore`, `Barrier`, `queue`
//! and futures wait and notify without running a Python frame of
//! `Condition` — a hand-off between two threads through `Event`s in
//! CPython's shape would otherwise run some fifteen Python calls.
//!
//! The protocol is CPython's: each waiter parks on a `_thread.lock` of its
//! own, held while it is queued in the condition's `_waiters` list; `notify`
//! takes it off the list and releases it. The condition's lock is read from
//! `self._lock` at each call: a `_thread` `lock` or `RLock` is driven
//! directly; any other lock goes through the Python hooks `_is_owned`,
//! `_release_save` and `_acquire_restore` (and its own `__enter__`/`__exit__`).
//! `_waiters` stays a plain list so that `if cond._waiters:` and `len()` cost
//! what they cost on any list.
//!
//! Releases are deferred as for every `_thread` lock (`GilToken::defer_wake`),
//! so a notified waiter wakes once, when the notifier lets go of the GIL.

use std::sync::Arc;
use std::time::Duration;

use super::thread::{new_lock, timeout_overflow, Lock, RLock, RLockState, TIMEOUT_MAX};
use super::thread_lock::{acquire, LockCore};
use crate::objects::num::float_of;
use crate::objects::{Args, Gc, NativeFunction, NativeImpl, PyList, PyModule, PyResult, PyStr, PyType, Value};
use crate::vm::ThreadState;

/// The names a condition's state is read from, interned once.
#[derive(Clone)]
struct Names {
    lock: Gc<PyStr>,
    waiters: Gc<PyStr>,
    /// `_thread.lock`, for the waiters' own locks.
    lock_class: Gc<PyType>,
}

/// How a condition's lock is driven.
enum LockKind<'a> {
    Plain(&'a Arc<LockCore>),
    Reentrant(&'a RLock),
    /// Through its Python methods and the condition's hooks.
    Other,
}

fn lock_kind(lock: &Value) -> LockKind<'_> {
    if let Value::Native(obj) = lock {
        if let Some(plain) = obj.downcast::<Lock>() {
            return LockKind::Plain(&plain.core);
        }
        if let Some(reentrant) = obj.downcast::<RLock>() {
            return LockKind::Reentrant(reentrant);
        }
    }
    LockKind::Other
}

/// What `wait` restores after sleeping.
enum Saved {
    Plain,
    Reentrant(RLockState),
    Other(Value),
}

/// How long `wait` may sleep.
enum Block {
    Forever,
    For(Duration),
    /// A timeout of zero or less (or NaN): a poll, as CPython's `acquire(False)`.
    Poll,
}

/// A `Condition` method: the condition and its one optional argument.
type Method = fn(&mut ThreadState, &Names, &Value, Option<&Value>) -> PyResult<Value>;

pub fn add_to(ts: &mut ThreadState, module: &Gc<PyModule>, lock_class: Gc<PyType>) {
    let names = Names { lock: ts.intern("_lock"), waiters: ts.intern("_waiters"), lock_class };
    // (name in `_thread`, name in messages, optional parameter, method)
    let methods: [(&'static str, &'static str, Option<&'static str>, Method); 3] = [
        ("_cond_enter", "Condition.__enter__", None, enter),
        ("_cond_wait", "Condition.wait", Some("timeout"), wait),
        ("_cond_notify", "Condition.notify", Some("n"), notify),
    ];
    for (name, what, param, method) in methods {
        let names = names.clone();
        let func = NativeImpl::Closure(Box::new(move |ts, args| {
            let (cond, arg) = parse(ts, what, param, &args)?;
            method(ts, &names, cond, arg)
        }));
        module.set(ts, name, Value::NativeFunction(Gc::new(NativeFunction { name, owner: "_thread", func })));
    }
    let func = NativeImpl::Closure(Box::new(move |ts, args| exit(ts, &names, args)));
    module.set(ts, "_cond_exit", Value::NativeFunction(Gc::new(NativeFunction { name: "_cond_exit", owner: "_thread", func })));
}

/// `(self, param=None)`, `param` positional or by keyword.
fn parse<'a>(ts: &mut ThreadState, what: &str, param: Option<&str>, args: &Args<'a>) -> PyResult<(&'a Value, Option<&'a Value>)> {
    let positional = args.positional();
    let at_most = 1 + usize::from(param.is_some());
    let Some(cond) = positional.first().filter(|_| positional.len() <= at_most) else {
        let takes = if param.is_some() { "from 1 to 2 positional arguments" } else { "1 positional argument" };
        return Err(ts.type_error(format!("{what}() takes {takes} but {} were given", positional.len())));
    };
    let mut arg = positional.get(1);
    for (name, value) in args.keywords() {
        if param != Some(name.as_str()) {
            return Err(ts.type_error(format!("{what}() got an unexpected keyword argument '{}'", name.as_str())));
        }
        if arg.is_some() {
            return Err(ts.type_error(format!("{what}() got multiple values for argument '{}'", name.as_str())));
        }
        arg = Some(value);
    }
    Ok((cond, arg))
}

fn waiters_of(ts: &mut ThreadState, waiters: &Value) -> PyResult<Gc<PyList>> {
    match waiters {
        Value::List(list) => Ok(list.clone()),
        _ => Err(ts.type_error("a Condition's _waiters must be a list")),
    }
}

/// The lock core of a queued waiter, if it is a `_thread.lock`.
fn waiter_core(waiter: &Value) -> Option<Arc<LockCore>> {
    match lock_kind(waiter) {
        LockKind::Plain(core) => Some(core.clone()),
        _ => None,
    }
}

/// `Condition.__enter__`: `self._lock.__enter__()`.
fn enter(ts: &mut ThreadState, names: &Names, cond: &Value, _: Option<&Value>) -> PyResult<Value> {
    let lock = ts.get_attr(cond, &names.lock)?;
    match lock_kind(&lock) {
        LockKind::Plain(core) => Ok(Value::Bool(acquire(ts, core, true, None)?)),
        LockKind::Reentrant(rlock) => Ok(Value::Bool(rlock.acquire(ts, true, None)?)),
        LockKind::Other => ts.call_method(&lock, "__enter__", &[]),
    }
}

/// `Condition.__exit__(*exc)`: `self._lock.__exit__(*exc)`.
fn exit(ts: &mut ThreadState, names: &Names, args: Args<'_>) -> PyResult<Value> {
    let Some((cond, exc)) = args.positional().split_first().filter(|_| args.kwnames.is_empty()) else {
        return Err(ts.type_error("_cond_exit() takes the condition and positional arguments"));
    };
    let lock = ts.get_attr(cond, &names.lock)?;
    match lock_kind(&lock) {
        LockKind::Plain(core) => match core.release_deferred(&mut ts.token) {
            true => Ok(Value::None),
            false => Err(ts.runtime_error("release unlocked lock")),
        },
        LockKind::Reentrant(rlock) => rlock.release(ts).map(|()| Value::None),
        LockKind::Other => ts.call_method(&lock, "__exit__", exc),
    }
}

/// Whether the calling thread holds the condition's lock. A plain lock has
/// no owner: held by anyone counts as ours, as in CPython.
fn is_owned(ts: &mut ThreadState, cond: &Value, lock: &Value) -> PyResult<bool> {
    match lock_kind(lock) {
        LockKind::Plain(core) => Ok(core.is_locked()),
        LockKind::Reentrant(rlock) => Ok(rlock.is_owned(ts.ident())),
        LockKind::Other => {
            let owned = ts.call_method(cond, "_is_owned", &[])?;
            ts.truthy(&owned)
        }
    }
}

fn release_save(ts: &mut ThreadState, cond: &Value, lock: &Value) -> PyResult<Saved> {
    match lock_kind(lock) {
        LockKind::Plain(core) => match core.release_deferred(&mut ts.token) {
            true => Ok(Saved::Plain),
            false => Err(ts.runtime_error("release unlocked lock")),
        },
        LockKind::Reentrant(rlock) => match rlock.release_all(ts) {
            Some(state) => Ok(Saved::Reentrant(state)),
            None => Err(ts.runtime_error("cannot release un-acquired lock")),
        },
        LockKind::Other => ts.call_method(cond, "_release_save", &[]).map(Saved::Other),
    }
}

fn acquire_restore(ts: &mut ThreadState, cond: &Value, lock: &Value, saved: Saved) -> PyResult<()> {
    match (lock_kind(lock), saved) {
        (LockKind::Plain(core), _) => acquire(ts, core, true, None).map(drop),
        (LockKind::Reentrant(rlock), Saved::Reentrant(state)) => rlock.restore(ts, state),
        (_, Saved::Other(state)) => ts.call_method(cond, "_acquire_restore", &[state]).map(drop),
        // `self._lock` was rebound to another kind of lock while we slept.
        _ => Err(ts.runtime_error("Condition._lock changed during wait()")),
    }
}

/// `wait`'s timeout, compared with zero as CPython's `timeout > 0` does.
fn block_for(ts: &mut ThreadState, timeout: Option<&Value>) -> PyResult<Block> {
    let timeout = match timeout {
        None | Some(Value::None) => return Ok(Block::Forever),
        Some(t) => t,
    };
    let secs = match timeout {
        // Positive, and past any representable timeout.
        Value::BigInt(b) if b.sign() == num_bigint::Sign::Plus => return Err(timeout_overflow(ts, timeout)),
        Value::BigInt(_) => return Ok(Block::Poll),
        _ => float_of(ts, timeout)?,
    };
    let Some(secs) = secs else {
        let name = ts.type_of(timeout).name.clone();
        return Err(ts.type_error(format!("'>' not supported between instances of '{name}' and 'int'")));
    };
    if secs.is_nan() || secs <= 0.0 {
        return Ok(Block::Poll);
    }
    match Duration::try_from_secs_f64(secs) {
        Ok(d) if secs <= TIMEOUT_MAX => Ok(Block::For(d)),
        _ => Err(timeout_overflow(ts, timeout)),
    }
}

/// The condition's lock and waiter list, once its lock is known to be held
/// by the caller (`wait` and `notify` raise otherwise, naming `action`).
fn owned_parts(ts: &mut ThreadState, names: &Names, cond: &Value, action: &str) -> PyResult<(Value, Gc<PyList>)> {
    let lock = ts.get_attr(cond, &names.lock)?;
    let waiters = ts.get_attr(cond, &names.waiters)?;
    let waiters = waiters_of(ts, &waiters)?;
    if !is_owned(ts, cond, &lock)? {
        return Err(ts.runtime_error(&format!("cannot {action} on un-acquired lock")));
    }
    Ok((lock, waiters))
}

/// `Condition.wait(timeout=None)`: True if notified, False on timeout. A
/// notify that picks the waiter just as its timeout expires counts as a
/// notification (CPython 3.11 would report the timeout and lose it).
fn wait(ts: &mut ThreadState, names: &Names, cond: &Value, timeout: Option<&Value>) -> PyResult<Value> {
    let (lock, waiters) = owned_parts(ts, names, cond, "wait")?;
    let block = block_for(ts, timeout)?;
    let waiter = new_lock(&names.lock_class);
    let Some(core) = waiter_core(&waiter) else { return Err(ts.system_error("a new lock is not a lock")) };
    core.try_acquire();
    waiters.items.borrow_mut().push(waiter.clone());
    let saved = match release_save(ts, cond, &lock) {
        Ok(saved) => saved,
        Err(e) => {
            discard(&waiters, &waiter);
            return Err(e);
        }
    };
    let notified = match block {
        Block::Forever => acquire(ts, &core, true, None),
        Block::For(d) => acquire(ts, &core, true, Some(d)),
        Block::Poll => Ok(core.try_acquire()),
    };
    let restored = acquire_restore(ts, cond, &lock, saved);
    // Still queued means not notified; gone means notify picked it.
    let picked = matches!(notified, Ok(true)) || !discard(&waiters, &waiter);
    restored?;
    notified?;
    Ok(Value::Bool(picked))
}

/// Takes `waiter` off the list; false if it was not there.
fn discard(waiters: &PyList, waiter: &Value) -> bool {
    let mut items = waiters.items.borrow_mut();
    match items.iter().position(|w| w.heap_ptr() == waiter.heap_ptr()) {
        Some(i) => {
            items.remove(i);
            true
        }
        None => false,
    }
}

/// `Condition.notify(n=1)`: wakes up to `n` waiters, oldest first.
fn notify(ts: &mut ThreadState, names: &Names, cond: &Value, n: Option<&Value>) -> PyResult<Value> {
    let (_, waiters) = owned_parts(ts, names, cond, "notify")?;
    if waiters.items.borrow().is_empty() {
        return Ok(Value::None);
    }
    let n = match n {
        None => 1.0,
        Some(n) => match float_of(ts, n)? {
            Some(n) => n,
            None => {
                let name = ts.type_of(n).name.clone();
                return Err(ts.type_error(format!("'>' not supported between instances of '{name}' and 'int'")));
            }
        },
    };
    wake(ts, &waiters, n)?;
    Ok(Value::None)
}

/// Releases the locks of the oldest waiters while `n > 0` (CPython's loop,
/// so a fractional `n` rounds up). A waiter whose lock is already released
/// (something else released it) does not count, as in CPython (gh-92530).
/// Anything else a script queued is released through its `release` method.
fn wake(ts: &mut ThreadState, waiters: &PyList, mut n: f64) -> PyResult<()> {
    while n > 0.0 {
        let waiter = {
            let mut items = waiters.items.borrow_mut();
            if items.is_empty() {
                break;
            }
            items.remove(0)
        };
        let released = match waiter_core(&waiter) {
            Some(core) => core.release_deferred(&mut ts.token),
            None => match ts.call_method(&waiter, "release", &[]) {
                Ok(_) => true,
                Err(e) if ts.err_matches(&e, &ts.types().runtime_error.clone()) => false,
                Err(e) => return Err(e),
            },
        };
        if released {
            n -= 1.0;
        }
    }
    Ok(())
}
