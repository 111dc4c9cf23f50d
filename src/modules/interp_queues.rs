//! The `_interpqueues` module: FIFO queues that every interpreter of the
//! process can reach by id (the native half of `concurrent.interpreters.Queue`).
//!
//! A queue holds `Shareable` copies, never objects: `put` copies the value
//! out of the putting interpreter, `get` rebuilds it in the getting one. The
//! queues live in a process-wide table behind a mutex and a condition
//! variable, outside every GIL; a thread that must wait for room or for an
//! item releases its GIL (`BlockingKind::Interpreter`). A queue lives until
//! `destroy` (queues are small; nothing frees them when the last `Queue`
//! object goes away).

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use crate::objects::{Args, Gc, PyErr, PyModule, PyResult, Value};
use crate::vm::gil_stats::BlockingKind;
use crate::vm::shareable::{from_shareable, to_shareable, Shareable};
use crate::vm::{run, ThreadState};

struct QueueCore {
    /// 0: unbounded.
    maxsize: usize,
    items: Mutex<VecDeque<Shareable>>,
    /// Signalled on every put and get (waiters re-check their condition).
    changed: Condvar,
}

impl QueueCore {
    fn is_full(&self, len: usize) -> bool {
        self.maxsize > 0 && len >= self.maxsize
    }

    /// Moves the item out of `slot` into the queue, waiting for room until
    /// `until` (forever for `None`); `None` if there was no room in time.
    fn push_until(&self, slot: &mut Option<Shareable>, until: Option<Instant>) -> Option<()> {
        let mut items = self.items.lock();
        while self.is_full(items.len()) {
            if crate::vm::unblock::requested() {
                return None;
            }
            match until {
                None => self.changed.wait(&mut items),
                Some(t) => {
                    if self.changed.wait_until(&mut items, t).timed_out() && self.is_full(items.len()) {
                        return None;
                    }
                }
            }
        }
        items.push_back(slot.take()?);
        self.changed.notify_all();
        Some(())
    }

    /// The oldest item, waiting for one until `until` (forever for `None`).
    fn pop_until(&self, until: Option<Instant>) -> Option<Shareable> {
        let mut items = self.items.lock();
        loop {
            if let Some(item) = items.pop_front() {
                self.changed.notify_all();
                return Some(item);
            }
            if crate::vm::unblock::requested() {
                return None;
            }
            match until {
                None => self.changed.wait(&mut items),
                Some(t) => {
                    if self.changed.wait_until(&mut items, t).timed_out() && items.is_empty() {
                        return None;
                    }
                }
            }
        }
    }
}

/// A host interrupt wakes a thread waiting on the queue (`vm::unblock`).
impl crate::vm::unblock::Unblock for QueueCore {
    fn unblock(&self) {
        let _items = self.items.lock();
        self.changed.notify_all();
    }
}

static QUEUES: Mutex<Vec<(i64, Arc<QueueCore>)>> = Mutex::new(Vec::new());
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

const EXCEPTIONS: &str = r#"
class QueueError(RuntimeError):
    """A cross-interpreter queue operation failed."""

class QueueNotFoundError(QueueError):
    """A queue id does not name a live queue."""
"#;

pub fn init(ts: &mut ThreadState) -> PyResult<Gc<PyModule>> {
    let module = PyModule::new(ts, "_interpqueues");
    run::compile_and_run(ts, EXCEPTIONS, "<frozen _interpqueues>", &module.dict)?;
    module.add_fn(ts, "create", create);
    module.add_fn(ts, "destroy", destroy);
    module.add_fn(ts, "list_all", list_all);
    module.add_fn(ts, "put", put);
    module.add_fn(ts, "get", get);
    module.add_fn(ts, "get_count", get_count);
    module.add_fn(ts, "get_maxsize", get_maxsize);
    module.add_fn(ts, "is_full", is_full);
    Ok(module)
}

fn not_found(ts: &mut ThreadState, id: i64) -> PyErr {
    let message = format!("queue {id} not found");
    let class = match crate::vm::import::import_module(ts, "_interpqueues") {
        Ok(Value::Module(m)) => m.dict.get_str(&ts.intern("QueueNotFoundError")),
        _ => None,
    };
    match class {
        Some(Value::Type(class)) => ts.new_error(&class, message),
        _ => ts.runtime_error(message),
    }
}

fn int_arg(ts: &mut ThreadState, v: Option<&Value>, what: &str) -> PyResult<i64> {
    match v {
        Some(Value::Int(i)) => Ok(*i),
        Some(Value::Bool(b)) => Ok(i64::from(*b)),
        _ => Err(ts.type_error(format!("{what} must be an int"))),
    }
}

/// The queue named by the first argument.
fn queue_arg(ts: &mut ThreadState, args: &Args<'_>) -> PyResult<Arc<QueueCore>> {
    let id = int_arg(ts, args.positional().first(), "queue ID")?;
    let found = QUEUES.lock().iter().find(|(qid, _)| *qid == id).map(|(_, q)| q.clone());
    found.ok_or_else(|| not_found(ts, id))
}

/// A timeout argument: `None` (wait forever) or seconds, not negative.
fn timeout_arg(ts: &mut ThreadState, v: Option<&Value>) -> PyResult<Option<Duration>> {
    let seconds = match v {
        None | Some(Value::None) => return Ok(None),
        Some(Value::Int(i)) => *i as f64,
        Some(Value::Float(f)) => *f,
        Some(_) => return Err(ts.type_error("timeout must be a number or None")),
    };
    if seconds.is_nan() || seconds < 0.0 {
        return Err(ts.value_error("timeout value must be non-negative"));
    }
    Ok(Duration::try_from_secs_f64(seconds).ok())
}

/// `create(maxsize)`: a new queue's id.
fn create(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let maxsize = int_arg(ts, args.positional().first(), "maxsize")?;
    let core = QueueCore { maxsize: maxsize.max(0) as usize, items: Mutex::new(VecDeque::new()), changed: Condvar::new() };
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed) as i64;
    QUEUES.lock().push((id, Arc::new(core)));
    Ok(Value::Int(id))
}

fn destroy(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let id = int_arg(ts, args.positional().first(), "queue ID")?;
    let removed = {
        let mut queues = QUEUES.lock();
        let before = queues.len();
        queues.retain(|(qid, _)| *qid != id);
        queues.len() < before
    };
    if removed {
        Ok(Value::None)
    } else {
        Err(not_found(ts, id))
    }
}

fn list_all(_ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    let ids = QUEUES.lock().iter().map(|(id, _)| Value::Int(*id)).collect();
    Ok(Value::list(ids))
}

/// `put(id, obj, block, timeout)`: true once the item is in, false if the
/// queue stayed full (at once when not blocking, else for `timeout`).
fn put(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let queue = queue_arg(ts, &args)?;
    let positional = args.positional();
    let item = to_shareable(ts, positional.get(1).unwrap_or(&Value::None))?;
    let block = match positional.get(2) {
        Some(v) => ts.truthy(v)?,
        None => true,
    };
    let timeout = timeout_arg(ts, positional.get(3))?;
    let mut slot = Some(item);
    if queue.push_until(&mut slot, Some(Instant::now())).is_some() {
        return Ok(Value::Bool(true));
    }
    if !block {
        return Ok(Value::Bool(false));
    }
    let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
    let pushed = ts.wait_interruptibly(BlockingKind::Interpreter, deadline, |until| {
        let _wake = crate::vm::unblock::register(queue.clone());
        queue.push_until(&mut slot, until)
    })?;
    Ok(Value::Bool(pushed.is_some()))
}

/// `get(id, block, timeout)`: `(True, item)`, or `(False, None)` if the
/// queue stayed empty (at once when not blocking, else for `timeout`).
fn get(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let queue = queue_arg(ts, &args)?;
    let positional = args.positional();
    let block = match positional.get(1) {
        Some(v) => ts.truthy(v)?,
        None => true,
    };
    let timeout = timeout_arg(ts, positional.get(2))?;
    let mut item = queue.pop_until(Some(Instant::now()));
    if item.is_none() && block {
        let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
        item = ts.wait_interruptibly(BlockingKind::Interpreter, deadline, |until| {
            let _wake = crate::vm::unblock::register(queue.clone());
            queue.pop_until(until)
        })?;
    }
    match item {
        Some(item) => Ok(Value::tuple(vec![Value::Bool(true), from_shareable(ts, &item)?])),
        None => Ok(Value::tuple(vec![Value::Bool(false), Value::None])),
    }
}

fn get_count(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let queue = queue_arg(ts, &args)?;
    let count = queue.items.lock().len();
    Ok(Value::Int(count as i64))
}

fn get_maxsize(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let queue = queue_arg(ts, &args)?;
    Ok(Value::Int(queue.maxsize as i64))
}

fn is_full(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let queue = queue_arg(ts, &args)?;
    let full = queue.is_full(queue.items.lock().len());
    Ok(Value::Bool(full))
}
