//! `_thread` driven from Rust (native callables; scripts are in tests/scripts/threads).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::objects::{Args, Gc, NativeFunction, PyResult, Value};
use crate::vm::{InterpreterState, ThreadState};

fn module_attr(ts: &mut ThreadState, module: &Value, name: &str) -> Value {
    let Value::Module(m) = module else { panic!("not a module") };
    m.dict.get_str(&ts.intern(name)).expect("attribute")
}

fn call_method(ts: &mut ThreadState, obj: &Value, name: &str, extra: &[Value]) -> PyResult<Value> {
    let Value::Native(n) = obj else { panic!("not a native object") };
    let method = n.class.lookup(&ts.intern(name)).expect("method");
    let mut values = vec![obj.clone()];
    values.extend_from_slice(extra);
    ts.call(&method, Args::positional_only(&values))
}

fn setup(id: u64) -> (ThreadState, Value) {
    let mut ts = ThreadState::attach(InterpreterState::new(id));
    let module = Value::Module(super::thread::init(&mut ts).unwrap());
    (ts, module)
}

fn wait_for_threads(ts: &mut ThreadState) {
    while ts.interp.started_threads.load(Ordering::SeqCst) > 0 {
        ts.allow_threads(|| std::thread::sleep(Duration::from_millis(1)));
    }
}

#[test]
fn lock_acquire_release_and_errors() {
    let (mut ts, module) = setup(910);
    let allocate = module_attr(&mut ts, &module, "allocate_lock");
    let lock = ts.call(&allocate, Args::positional_only(&[])).unwrap();
    let repr = call_method(&mut ts, &lock, "__repr__", &[]).unwrap();
    assert!(repr.as_str().unwrap().as_str().starts_with("<unlocked _thread.lock object at 0x"));
    assert!(matches!(call_method(&mut ts, &lock, "acquire", &[]), Ok(Value::Bool(true))));
    assert!(matches!(call_method(&mut ts, &lock, "acquire", &[Value::Bool(false)]), Ok(Value::Bool(false))));
    let timed = call_method(&mut ts, &lock, "acquire", &[Value::Bool(true), Value::Float(0.01)]);
    assert!(matches!(timed, Ok(Value::Bool(false))));
    assert!(matches!(call_method(&mut ts, &lock, "locked", &[]), Ok(Value::Bool(true))));
    call_method(&mut ts, &lock, "release", &[]).unwrap();
    let err = call_method(&mut ts, &lock, "release", &[]).unwrap_err();
    assert_eq!(err.class_name(), "RuntimeError");
    let err = call_method(&mut ts, &lock, "acquire", &[Value::Bool(false), Value::Int(1)]).unwrap_err();
    assert_eq!(err.class_name(), "ValueError");
}

#[test]
fn rlock_is_reentrant_and_owned() {
    let (mut ts, module) = setup(911);
    let rlock_type = module_attr(&mut ts, &module, "RLock");
    let Value::Type(t) = &rlock_type else { panic!() };
    let new = t.lookup(&ts.intern("__new__")).unwrap();
    let rlock = ts.call(&new, Args::positional_only(std::slice::from_ref(&rlock_type))).unwrap();
    for _ in 0..3 {
        assert!(matches!(call_method(&mut ts, &rlock, "acquire", &[]), Ok(Value::Bool(true))));
    }
    let repr = call_method(&mut ts, &rlock, "__repr__", &[]).unwrap();
    assert!(repr.as_str().unwrap().as_str().contains(&format!("owner={} count=3", ts.ident())));
    for _ in 0..3 {
        call_method(&mut ts, &rlock, "release", &[]).unwrap();
    }
    assert_eq!(call_method(&mut ts, &rlock, "release", &[]).unwrap_err().class_name(), "RuntimeError");
}

static STARTED: AtomicUsize = AtomicUsize::new(0);

fn count_start(_ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    assert_eq!(args.values.len(), 1);
    STARTED.fetch_add(1, Ordering::SeqCst);
    Ok(Value::None)
}

#[test]
fn many_threads_start_and_finish() {
    let (mut ts, module) = setup(912);
    let start = module_attr(&mut ts, &module, "start_new_thread");
    let func = Value::NativeFunction(Gc::new(NativeFunction::new("test", "count_start", count_start)));
    for i in 0..200 {
        let args = Value::tuple(vec![Value::Int(i)]);
        let ident = ts.call(&start, Args::positional_only(&[func.clone(), args])).unwrap();
        assert!(matches!(ident, Value::Int(n) if n != 0));
    }
    wait_for_threads(&mut ts);
    assert_eq!(STARTED.load(Ordering::SeqCst), 200);
    assert_eq!(ts.interp.live_threads().len(), 1);
}

fn acquire_arg(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let lock = args.values[0].clone();
    call_method(ts, &lock, "acquire", &[])?;
    call_method(ts, &lock, "release", &[])
}

#[test]
fn a_thread_blocked_on_a_lock_releases_the_gil() {
    let (mut ts, module) = setup(913);
    let allocate = module_attr(&mut ts, &module, "allocate_lock");
    let start = module_attr(&mut ts, &module, "start_new_thread");
    let lock = ts.call(&allocate, Args::positional_only(&[])).unwrap();
    call_method(&mut ts, &lock, "acquire", &[]).unwrap();
    let func = Value::NativeFunction(Gc::new(NativeFunction::new("test", "acquire_arg", acquire_arg)));
    ts.call(&start, Args::positional_only(&[func, Value::tuple(vec![lock.clone()])])).unwrap();
    ts.allow_threads(|| std::thread::sleep(Duration::from_millis(20)));
    call_method(&mut ts, &lock, "release", &[]).unwrap();
    wait_for_threads(&mut ts);
    assert!(matches!(call_method(&mut ts, &lock, "locked", &[]), Ok(Value::Bool(false))));
    let stats = ts.interp.thread_stats();
    let lock_waits: u64 = stats.iter().map(|r| r.stats.releases_of(crate::vm::gil_stats::BlockingKind::LockWait)).sum();
    assert!(lock_waits >= 1);
}

fn fail(ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Err(ts.runtime_error("boom"))
}

#[test]
fn an_uncaught_exception_ends_only_its_thread() {
    let (mut ts, module) = setup(914);
    let start = module_attr(&mut ts, &module, "start_new_thread");
    let func = Value::NativeFunction(Gc::new(NativeFunction::new("test", "fail", fail)));
    ts.call(&start, Args::positional_only(&[func, Value::tuple(vec![])])).unwrap();
    wait_for_threads(&mut ts);
    let bad = ts.call(&start, Args::positional_only(&[Value::Int(1), Value::tuple(vec![])])).unwrap_err();
    assert_eq!(bad.class_name(), "TypeError");
}
