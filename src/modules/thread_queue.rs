//! `queue.SimpleQueue` and `queue.Empty`, native as in CPython's `_queue`
//! (exposed as `_thread._SimpleQueue` and `_thread._Empty`; `queue.py`
//! takes them from there, or from `_queue` under CPython).
//!
//! The items are `Value`s in a `RefCell`, touched only under the GIL. A
//! `get` that finds the queue empty sleeps without the GIL on the queue's
//! `Tickets`: it counts itself a sleeper *before* letting go of the GIL, and
//! a `put` hands one ticket to a sleeper that has none. So no wake-up is
//! lost (every put after the count sees it), and a put wakes at most one
//! thread. As for locks, the wake-up is deferred until the putter next lets
//! go of the GIL (`GilToken::defer_wake`): one OS wake-up per hand-off. A
//! woken getter takes the item if it is still there; if another thread got
//! it first, it sleeps again (CPython's `_queue` works the same way).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use crate::objects::class::Layout;
use crate::objects::types::new_type;
use crate::objects::{Args, Gc, NativeFunction, NativeImpl, NativeObject, PyModule, PyResult, PyType, Value};
use crate::vm::gil_stats::BlockingKind;
use crate::vm::ThreadState;

struct SimpleQueue {
    items: RefCell<VecDeque<Value>>,
    tickets: Arc<Tickets>,
    /// `queue.Empty`, raised by a `get` that finds nothing.
    empty: Gc<PyType>,
}

/// Sleeping getters and the wake-up tickets handed to them.
#[derive(Default)]
struct Tickets {
    state: Mutex<TicketState>,
    granted: Condvar,
}

#[derive(Default)]
struct TicketState {
    sleepers: usize,
    tickets: usize,
}

impl Tickets {
    /// Blocks until a ticket is handed over (true) or `until` passes.
    fn take_until(&self, until: Option<Instant>) -> bool {
        let mut state = self.state.lock();
        while state.tickets == 0 {
            if crate::vm::unblock::requested() {
                return false;
            }
            match until {
                Some(until) => {
                    if self.granted.wait_until(&mut state, until).timed_out() && state.tickets == 0 {
                        return false;
                    }
                }
                None => self.granted.wait(&mut state),
            }
        }
        state.tickets -= 1;
        true
    }

    /// Whether a sleeper has no ticket yet; if so, it now has one.
    fn grant(&self) -> bool {
        let mut state = self.state.lock();
        let grant = state.sleepers > state.tickets;
        state.tickets += usize::from(grant);
        grant
    }

    /// Counts the caller as a sleeper (called with the GIL held).
    fn enter(&self) {
        self.state.lock().sleepers += 1;
    }

    /// Uncounts a sleeper, which took a ticket or (timeout, interrupt) not.
    fn leave(&self, took_ticket: bool) {
        let mut state = self.state.lock();
        state.sleepers -= 1;
        if !took_ticket {
            // It may have been woken for a ticket it did not take: keep at
            // most one ticket per sleeper, and pass a left-over one on.
            state.tickets = state.tickets.min(state.sleepers);
            if state.tickets > 0 {
                self.granted.notify_one();
            }
        }
    }
}

impl crate::vm::unblock::Unblock for Tickets {
    fn unblock(&self) {
        let _state = self.state.lock();
        self.granted.notify_all();
    }
}

/// Adds `_SimpleQueue` and `_Empty` to the `_thread` module.
pub fn add_to(ts: &mut ThreadState, module: &Gc<PyModule>) {
    let exception = ts.types().exception.clone();
    let empty = new_type("Empty", &[exception], Layout::Exception, false);
    empty.dict.set_str(ts.intern("__module__"), Value::str("_queue"));
    let doc = "Exception raised by Queue.get(block=0)/get_nowait().";
    empty.dict.set_str(ts.intern("__doc__"), Value::str(doc));
    let class = new_type("SimpleQueue", &[ts.types().object.clone()], Layout::Builtin, true);
    class.dict.set_str(ts.intern("__module__"), Value::str("_queue"));
    let empty_for_new = empty.clone();
    let new = NativeFunction {
        name: "__new__",
        owner: "SimpleQueue",
        func: NativeImpl::Closure(Box::new(move |ts, args| simple_queue_new(ts, args, &empty_for_new))),
    };
    class.dict.set_str(ts.intern("__new__"), Value::NativeFunction(Gc::new(new)));
    let methods: [(&'static str, crate::objects::NativeFnPtr); 6] = [
        ("put", put),
        ("put_nowait", put),
        ("get", get),
        ("get_nowait", get_nowait),
        ("empty", is_empty),
        ("qsize", qsize),
    ];
    for (name, func) in methods {
        crate::objects::module::add_method(ts, &class.dict, "SimpleQueue", name, func);
    }
    module.set(ts, "_SimpleQueue", Value::Type(class));
    module.set(ts, "_Empty", Value::Type(empty));
}

fn simple_queue_new(ts: &mut ThreadState, args: Args<'_>, empty: &Gc<PyType>) -> PyResult<Value> {
    let Some(Value::Type(class)) = args.values.first() else {
        return Err(ts.type_error("SimpleQueue.__new__(X): X is not a type object"));
    };
    if args.values.len() > 1 {
        return Err(ts.type_error("SimpleQueue() takes no arguments"));
    }
    let data = SimpleQueue { items: RefCell::new(VecDeque::new()), tickets: Arc::default(), empty: empty.clone() };
    Ok(Value::Native(Gc::new(NativeObject { class: class.clone(), data: Box::new(data), dict: None })))
}

fn receiver<'a>(ts: &mut ThreadState, args: &'a Args<'_>) -> PyResult<&'a SimpleQueue> {
    if let Some(Value::Native(obj)) = args.values.first() {
        if let Some(queue) = obj.downcast::<SimpleQueue>() {
            return Ok(queue);
        }
    }
    Err(ts.type_error("descriptor requires a '_queue.SimpleQueue' object"))
}

/// `put(item, block=True, timeout=None)`: never blocks (the queue is unbounded).
fn put(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let item = match (args.positional().get(1), args.keyword("item")) {
        (Some(item), _) | (None, Some(item)) => item.clone(),
        (None, None) => return Err(ts.type_error("put() missing required argument 'item' (pos 1)")),
    };
    let queue = receiver(ts, &args)?;
    queue.items.borrow_mut().push_back(item);
    if queue.tickets.grant() {
        let tickets = queue.tickets.clone();
        ts.token.defer_wake(Box::new(move || {
            tickets.granted.notify_one();
        }));
    }
    Ok(Value::None)
}

fn get(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let positional = args.positional();
    let block = match args.keyword("block").or(positional.get(1)) {
        Some(v) => ts.truthy(v)?,
        None => true,
    };
    let timeout = match args.keyword("timeout").or(positional.get(2)) {
        None | Some(Value::None) => None,
        Some(Value::Int(i)) => Some(*i as f64),
        Some(Value::Float(f)) => Some(*f),
        Some(Value::Bool(b)) => Some(f64::from(u8::from(*b))),
        Some(_) => return Err(ts.type_error("timeout must be a number")),
    };
    if block && timeout.is_some_and(|t| t < 0.0) {
        return Err(ts.value_error("'timeout' must be a non-negative number"));
    }
    let deadline = match (block, timeout) {
        (false, _) => Some(Instant::now()),
        (true, None) => None,
        // Too far ahead to represent: no deadline.
        (true, Some(t)) => Duration::try_from_secs_f64(t).ok().and_then(|t| Instant::now().checked_add(t)),
    };
    take(ts, &args, deadline)
}

fn get_nowait(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    take(ts, &args, Some(Instant::now()))
}

/// The oldest item, waiting for one until `deadline` (`None`: forever).
fn take(ts: &mut ThreadState, args: &Args<'_>, deadline: Option<Instant>) -> PyResult<Value> {
    loop {
        let queue = receiver(ts, args)?;
        if let Some(item) = queue.items.borrow_mut().pop_front() {
            return Ok(item);
        }
        let (tickets, empty) = (queue.tickets.clone(), queue.empty.clone());
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Err(ts.new_exception(&empty, Vec::new()));
        }
        // Counted as a sleeper while still holding the GIL: a put from now
        // on sees it and hands it a ticket.
        tickets.enter();
        let sleeper = tickets.clone();
        let woken = ts.wait_interruptibly(BlockingKind::LockWait, deadline, move |until| {
            let _wake = crate::vm::unblock::register(sleeper.clone());
            sleeper.take_until(until).then_some(())
        });
        tickets.leave(matches!(woken, Ok(Some(()))));
        if woken?.is_none() {
            // Timed out; an item put at the last moment still counts.
            let queue = receiver(ts, args)?;
            let item = queue.items.borrow_mut().pop_front();
            return item.ok_or_else(|| ts.new_exception(&empty, Vec::new()));
        }
    }
}

fn is_empty(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(receiver(ts, &args)?.items.borrow().is_empty()))
}

fn qsize(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let len = receiver(ts, &args)?.items.borrow().len();
    Ok(Value::Int(i64::try_from(len).unwrap_or(i64::MAX)))
}
