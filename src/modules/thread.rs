//! The `_thread` module: starting threads, `lock` and `RLock`, thread idents
//! (and `queue.SimpleQueue`, from thread_queue.rs).
//!
//! Lock objects are `NativeObject`s whose data holds an `Arc<LockCore>`
//! (thread_lock.rs): acquiring tries the lock first and releases the GIL only
//! if it must wait. `RLock` adds an owner ident and a count, which only the
//! GIL holder reads or writes (plain `Cell`s).

use std::cell::Cell;
use std::sync::Arc;
use std::time::Duration;

use super::thread_lock::{acquire, LockCore};
use crate::objects::class::Layout;
use crate::objects::module::add_method;
use crate::objects::types::new_type;
use crate::objects::{Args, Gc, NativeFunction, NativeImpl, NativeObject, PyModule, PyResult, PyStr, PyType, Value};
use crate::vm::thread_spawn::{set_thread_stack_size, start_thread, thread_stack_size, MIN_THREAD_STACK};
use crate::vm::ThreadState;

/// `_thread.TIMEOUT_MAX` (as CPython on Linux).
pub(super) const TIMEOUT_MAX: f64 = 9223372036.0;

pub(super) struct Lock {
    pub(super) core: Arc<LockCore>,
}

pub(super) struct RLock {
    core: Arc<LockCore>,
    owner: Cell<u64>,
    count: Cell<u64>,
}

/// The owner and depth an `RLock` had before `release_all`.
pub(super) type RLockState = (u64, u64);

impl RLock {
    pub(super) fn is_owned(&self, me: u64) -> bool {
        self.count.get() > 0 && self.owner.get() == me
    }

    /// Takes the lock for the current thread, or one level deeper if it owns it.
    pub(super) fn acquire(&self, ts: &mut ThreadState, blocking: bool, timeout: Option<Duration>) -> PyResult<bool> {
        let me = ts.ident();
        if self.is_owned(me) {
            self.count.set(self.count.get() + 1);
            return Ok(true);
        }
        if !acquire(ts, &self.core, blocking, timeout)? {
            return Ok(false);
        }
        self.owner.set(me);
        self.count.set(1);
        Ok(true)
    }

    /// One level less; the lock is freed at depth zero.
    pub(super) fn release(&self, ts: &mut ThreadState) -> PyResult<()> {
        if !self.is_owned(ts.ident()) {
            return Err(ts.runtime_error("cannot release un-acquired lock"));
        }
        self.count.set(self.count.get() - 1);
        if self.count.get() == 0 {
            self.owner.set(0);
            self.core.release_deferred(&mut ts.token);
        }
        Ok(())
    }

    /// Frees the lock whatever its depth (for `Condition.wait`); the
    /// `(count, owner)` to restore, or None if it was not held.
    pub(super) fn release_all(&self, ts: &mut ThreadState) -> Option<RLockState> {
        if self.count.get() == 0 {
            return None;
        }
        let saved = (self.count.replace(0), self.owner.replace(0));
        self.core.release_deferred(&mut ts.token);
        Some(saved)
    }

    /// Takes the lock back at the depth `release_all` saved.
    pub(super) fn restore(&self, ts: &mut ThreadState, (count, owner): RLockState) -> PyResult<()> {
        acquire(ts, &self.core, true, None)?;
        self.count.set(count);
        self.owner.set(owner);
        Ok(())
    }
}

pub fn init(ts: &mut ThreadState) -> PyResult<Gc<PyModule>> {
    let module = PyModule::new(ts, "_thread");
    let lock_type = lock_class(ts);
    let rlock_type = rlock_class(ts);
    module.set(ts, "LockType", Value::Type(lock_type.clone()));
    module.set(ts, "RLock", Value::Type(rlock_type));
    super::thread_condition::add_to(ts, &module, lock_type.clone());
    let allocate = Value::NativeFunction(Gc::new(NativeFunction {
        name: "allocate_lock",
        owner: "_thread",
        func: NativeImpl::Closure(Box::new(move |_ts, _args| Ok(new_lock(&lock_type)))),
    }));
    module.set(ts, "allocate_lock", allocate.clone());
    module.set(ts, "allocate", allocate);
    module.add_fn(ts, "start_new_thread", start_new_thread);
    module.add_fn(ts, "start_new", start_new_thread);
    module.add_fn(ts, "get_ident", get_ident);
    module.add_fn(ts, "get_native_id", get_native_id);
    module.add_fn(ts, "exit", exit);
    module.add_fn(ts, "exit_thread", exit);
    module.add_fn(ts, "_count", count);
    module.add_fn(ts, "stack_size", stack_size);
    module.add_fn(ts, "interrupt_main", interrupt_main);
    module.add_fn(ts, "_set_thread_name", set_thread_name);
    module.set(ts, "TIMEOUT_MAX", Value::Float(TIMEOUT_MAX));
    let error = Value::Type(ts.types().runtime_error.clone());
    module.set(ts, "error", error);
    super::thread_queue::add_to(ts, &module);
    Ok(module)
}

fn native_class(ts: &mut ThreadState, name: &str) -> Gc<PyType> {
    let class = new_type(name, &[ts.types().object.clone()], Layout::Builtin, true);
    class.dict.set_str(ts.intern("__module__"), Value::str("_thread"));
    class
}

fn lock_class(ts: &mut ThreadState) -> Gc<PyType> {
    let class = native_class(ts, "lock");
    let methods: [(&'static str, crate::objects::NativeFnPtr); 8] = [
        ("__new__", lock_new),
        ("acquire", lock_acquire),
        ("acquire_lock", lock_acquire),
        ("__enter__", lock_acquire),
        ("release", lock_release),
        ("release_lock", lock_release),
        ("__exit__", lock_exit),
        ("locked", lock_locked),
    ];
    for (name, func) in methods {
        add_method(ts, &class.dict, "lock", name, func);
    }
    add_method(ts, &class.dict, "lock", "__repr__", lock_repr);
    class
}

fn rlock_class(ts: &mut ThreadState) -> Gc<PyType> {
    let class = native_class(ts, "RLock");
    let methods: [(&'static str, crate::objects::NativeFnPtr); 9] = [
        ("__new__", rlock_new),
        ("acquire", rlock_acquire),
        ("__enter__", rlock_acquire),
        ("release", rlock_release),
        ("__exit__", rlock_exit),
        ("_is_owned", rlock_is_owned),
        ("_release_save", rlock_release_save),
        ("_acquire_restore", rlock_acquire_restore),
        ("__repr__", rlock_repr),
    ];
    for (name, func) in methods {
        add_method(ts, &class.dict, "RLock", name, func);
    }
    class
}

pub(super) fn new_lock(class: &Gc<PyType>) -> Value {
    let data = Lock { core: Arc::new(LockCore::default()) };
    Value::Native(Gc::new(NativeObject { class: class.clone(), data: Box::new(data), dict: None }))
}

/// The receiver's class, for `__new__(cls)`.
fn class_arg(ts: &mut ThreadState, args: &Args<'_>) -> PyResult<Gc<PyType>> {
    match args.positional().first() {
        Some(Value::Type(t)) => Ok(t.clone()),
        _ => Err(ts.type_error("__new__(X): X is not a type object")),
    }
}

fn lock_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let class = class_arg(ts, &args)?;
    Ok(new_lock(&class))
}

fn rlock_new(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let class = class_arg(ts, &args)?;
    let data = RLock { core: Arc::new(LockCore::default()), owner: Cell::new(0), count: Cell::new(0) };
    Ok(Value::Native(Gc::new(NativeObject { class, data: Box::new(data), dict: None })))
}

fn receiver<'a, T: 'static>(ts: &mut ThreadState, args: &'a Args<'_>, what: &str) -> PyResult<&'a T> {
    if let Some(Value::Native(obj)) = args.values.first() {
        if let Some(data) = obj.downcast::<T>() {
            return Ok(data);
        }
    }
    Err(ts.type_error(format!("descriptor requires a '_thread.{what}' object")))
}

/// The `blocking` and `timeout` arguments of `acquire`, checked as CPython does.
fn acquire_args(ts: &mut ThreadState, args: &Args<'_>) -> PyResult<(bool, Option<Duration>)> {
    let positional = args.positional();
    let blocking = match args.keyword("blocking").or(positional.get(1)) {
        Some(v) => ts.truthy(v)?,
        None => true,
    };
    let timeout = match args.keyword("timeout").or(positional.get(2)) {
        None => -1.0,
        Some(Value::Int(i)) => *i as f64,
        Some(Value::Float(f)) => *f,
        Some(Value::Bool(b)) => f64::from(u8::from(*b)),
        Some(big @ Value::BigInt(_)) => return Err(timeout_overflow(ts, big)),
        Some(_) => return Err(ts.type_error("timeout must be a number")),
    };
    if timeout.is_nan() {
        return Err(ts.value_error("Invalid value NaN (not a number)"));
    }
    if !blocking && timeout != -1.0 {
        return Err(ts.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(ts.value_error("timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        let given = args.keyword("timeout").or(positional.get(2)).cloned().unwrap_or(Value::None);
        return Err(timeout_overflow(ts, &given));
    }
    let timeout = (timeout >= 0.0).then(|| Duration::from_secs_f64(timeout));
    Ok((blocking, timeout))
}

/// A timeout beyond `TIMEOUT_MAX` seconds, with the message CPython's time
/// conversion gives for a float and for an int.
pub(super) fn timeout_overflow(ts: &mut ThreadState, timeout: &Value) -> crate::objects::PyErr {
    match timeout {
        Value::Float(_) => ts.overflow_error("timestamp out of range for platform time_t"),
        _ => ts.overflow_error("timestamp too large to convert to C _PyTime_t"),
    }
}

fn lock_acquire(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (blocking, timeout) = acquire_args(ts, &args)?;
    let core = receiver::<Lock>(ts, &args, "lock")?.core.clone();
    Ok(Value::Bool(acquire(ts, &core, blocking, timeout)?))
}

fn lock_release(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let core = receiver::<Lock>(ts, &args, "lock")?.core.clone();
    if core.release_deferred(&mut ts.token) {
        Ok(Value::None)
    } else {
        Err(ts.runtime_error("release unlocked lock"))
    }
}

fn lock_exit(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    lock_release(ts, Args::positional_only(&args.values[..1.min(args.values.len())]))
}

fn lock_locked(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(receiver::<Lock>(ts, &args, "lock")?.core.is_locked()))
}

fn address(args: &Args<'_>) -> usize {
    args.values.first().and_then(Value::heap_ptr).unwrap_or(0)
}

fn state_word(locked: bool) -> &'static str {
    if locked {
        "locked"
    } else {
        "unlocked"
    }
}

fn lock_repr(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let locked = receiver::<Lock>(ts, &args, "lock")?.core.is_locked();
    Ok(Value::str(&format!("<{} _thread.lock object at {:#x}>", state_word(locked), address(&args))))
}

fn rlock_acquire(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (blocking, timeout) = acquire_args(ts, &args)?;
    let rlock = receiver::<RLock>(ts, &args, "RLock")?;
    Ok(Value::Bool(rlock.acquire(ts, blocking, timeout)?))
}

fn rlock_release(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    receiver::<RLock>(ts, &args, "RLock")?.release(ts)?;
    Ok(Value::None)
}

fn rlock_exit(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    rlock_release(ts, Args::positional_only(&args.values[..1.min(args.values.len())]))
}

fn rlock_is_owned(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let me = ts.ident();
    Ok(Value::Bool(receiver::<RLock>(ts, &args, "RLock")?.is_owned(me)))
}

/// Releases the lock completely (for `Condition.wait`); returns `(count, owner)`.
fn rlock_release_save(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let rlock = receiver::<RLock>(ts, &args, "RLock")?;
    let Some((count, owner)) = rlock.release_all(ts) else {
        return Err(ts.runtime_error("cannot release un-acquired lock"));
    };
    Ok(Value::tuple(vec![Value::Int(count_value(count)), Value::Int(count_value(owner))]))
}

fn count_value(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Re-acquires after `_release_save` with the saved `(count, owner)`.
fn rlock_acquire_restore(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let saved = match args.positional().get(1) {
        Some(Value::Tuple(t)) => t.items.to_vec(),
        _ => return Err(ts.type_error("_acquire_restore() argument must be a (count, owner) tuple")),
    };
    let (count, owner) = match saved.as_slice() {
        [Value::Int(c), Value::Int(o)] => (*c as u64, *o as u64),
        _ => return Err(ts.type_error("_acquire_restore() argument must be a (count, owner) tuple")),
    };
    receiver::<RLock>(ts, &args, "RLock")?.restore(ts, (count, owner))?;
    Ok(Value::None)
}

fn rlock_repr(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let rlock = receiver::<RLock>(ts, &args, "RLock")?;
    let (owner, count) = (rlock.owner.get(), rlock.count.get());
    let text = format!(
        "<{} _thread.RLock object owner={owner} count={count} at {:#x}>",
        state_word(rlock.core.is_locked()),
        address(&args)
    );
    Ok(Value::str(&text))
}

fn is_callable(ts: &mut ThreadState, v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::NativeFunction(_) | Value::BoundMethod(_) | Value::Type(_) => true,
        _ => ts.lookup_special(v, "__call__").is_some(),
    }
}

fn start_new_thread(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let positional = args.positional();
    let (Some(func), Some(call_args)) = (positional.first(), positional.get(1)) else {
        return Err(ts.type_error(format!("start_new_thread expected at least 2 arguments, got {}", positional.len())));
    };
    if !is_callable(ts, func) {
        return Err(ts.type_error("first arg must be callable"));
    }
    let Value::Tuple(call_args) = call_args else { return Err(ts.type_error("2nd arg must be a tuple")) };
    let keywords = match positional.get(2) {
        None => Vec::new(),
        Some(Value::Dict(d)) => keyword_pairs(ts, d.items())?,
        Some(_) => return Err(ts.type_error("optional 3rd arg must be a dictionary")),
    };
    let ident = start_thread(ts, func.clone(), call_args.items.to_vec(), keywords)?;
    Ok(Value::Int(count_value(ident)))
}

fn keyword_pairs(ts: &mut ThreadState, items: Vec<(Value, Value)>) -> PyResult<Vec<(Gc<PyStr>, Value)>> {
    items
        .into_iter()
        .map(|(k, v)| match k {
            Value::Str(name) => Ok((name, v)),
            _ => Err(ts.type_error("keywords must be strings")),
        })
        .collect()
}

fn get_ident(ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(count_value(ts.ident())))
}

fn get_native_id(ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(count_value(ts.info.native_id)))
}

fn exit(ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    let cls = ts.types().system_exit.clone();
    Err(ts.new_exception(&cls, Vec::new()))
}

fn count(ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    let n = ts.interp.started_threads.load(std::sync::atomic::Ordering::Relaxed);
    Ok(Value::Int(count_value(n as u64)))
}

fn stack_size(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let old = Value::Int(count_value(thread_stack_size() as u64));
    match args.positional().first() {
        None => Ok(old),
        Some(Value::Int(0)) => {
            set_thread_stack_size(0);
            Ok(old)
        }
        Some(Value::Int(n)) if *n >= MIN_THREAD_STACK as i64 => {
            set_thread_stack_size(*n as usize);
            Ok(old)
        }
        Some(Value::Int(n)) => Err(ts.value_error(format!("size not valid: {n} bytes"))),
        Some(_) => Err(ts.type_error("size must be an integer")),
    }
}

/// Raises `KeyboardInterrupt` in the main thread at its next check.
fn interrupt_main(ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    ts.interp.interrupt();
    Ok(Value::None)
}

/// Names the current thread in GIL statistics and traces (called by
/// `threading.Thread` when it starts, with the thread's `name`).
fn set_thread_name(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    match args.positional().first() {
        Some(Value::Str(name)) => {
            *ts.info.name.lock() = name.as_str().to_string();
            Ok(Value::None)
        }
        _ => Err(ts.type_error("_set_thread_name() argument must be str")),
    }
}
