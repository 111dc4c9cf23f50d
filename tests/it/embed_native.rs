//! The embedding API: native functions and modules, host threads.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use gilvm::{Attached, Error, Interpreter, NativeModule, Object};

fn host_module(calls: Arc<AtomicUsize>) -> NativeModule {
    NativeModule::new("host")
        .exception("HostError", "Exception")
        .function("add", "a, b=10, *, scale=1", move |_py, (a, b, scale): (i64, i64, i64)| {
            calls.fetch_add(1, Ordering::Relaxed);
            Ok((a + b) * scale)
        })
        .function("fail", "kind", |_py, (kind,): (String,)| -> gilvm::Result<()> {
            Err(match kind.as_str() {
                "value" => Error::new("ValueError", "bad value"),
                _ => Error::new("host.HostError", "custom"),
            })
        })
        .function("block", "ms", |py, (ms,): (u64,)| {
            py.allow_threads(move || std::thread::sleep(Duration::from_millis(ms)));
            Ok(ms)
        })
        .raw_function("apply", "f, x", |py: &mut Attached<'_>, args: Vec<Object<'_>>| {
            let x: i64 = args[1].extract(py)?;
            args[0].call(py, (x * 2,))
        })
}

#[test]
fn native_functions_take_keywords_and_defaults() {
    let calls = Arc::new(AtomicUsize::new(0));
    let i = Interpreter::builder().module(host_module(calls.clone())).build().unwrap();
    i.run("import host\nr = [host.add(1), host.add(1, 2), host.add(a=1, b=2, scale=3)]").unwrap();
    assert_eq!(i.global::<Vec<i64>>("r").unwrap(), vec![11, 3, 9]);
    assert_eq!(calls.load(Ordering::Relaxed), 3);
    let err = i.run("host.add()").unwrap_err();
    assert_eq!(err.to_string().lines().last().unwrap(), "TypeError: add() missing 1 required positional argument: 'a'");
    let err = i.run("host.add(1, nope=2)").unwrap_err();
    assert_eq!(err.message(), "add() got an unexpected keyword argument 'nope'");
    let err = i.run("host.add('x')").unwrap_err();
    assert_eq!(err.message(), "expected int, got str");
}

#[test]
fn native_errors_raise_the_chosen_class() {
    let i = Interpreter::builder().module(host_module(Arc::default())).build().unwrap();
    i.run("import host\ntry:\n    host.fail('value')\nexcept ValueError as e:\n    caught = str(e)").unwrap();
    assert_eq!(i.global::<String>("caught").unwrap(), "bad value");
    i.run("try:\n    host.fail('custom')\nexcept host.HostError as e:\n    kind = type(e).__name__").unwrap();
    assert_eq!(i.global::<String>("kind").unwrap(), "HostError");
    let err = i.run("host.fail('custom')").unwrap_err();
    assert_eq!((err.class(), err.message()), ("HostError", "custom"));
}

#[test]
fn native_functions_call_back_into_scripts() {
    let i = Interpreter::builder().module(host_module(Arc::default())).build().unwrap();
    assert_eq!(i.eval::<i64>("__import__('host').apply(lambda v: v * 3, 5)").unwrap(), 30);
}

#[test]
fn a_builtin_function_from_the_host() {
    let i = Interpreter::builder().function("greet", "name='world'", |_py, (name,): (String,)| Ok(format!("hi {name}"))).build().unwrap();
    assert_eq!(i.eval::<String>("greet() + ', ' + greet('bo')").unwrap(), "hi world, hi bo");
}

#[test]
fn blocking_native_calls_overlap_in_script_threads() {
    let i = Interpreter::builder().module(host_module(Arc::default())).build().unwrap();
    let started = Instant::now();
    i.run("import host, threading\nts = [threading.Thread(target=host.block, args=(200,)) for _ in range(4)]\nfor t in ts: t.start()\nfor t in ts: t.join()").unwrap();
    // Four 200 ms blocks one after the other would take 800 ms.
    assert!(started.elapsed() < Duration::from_millis(700), "{:?}", started.elapsed());
}

#[test]
fn host_threads_attach_call_and_detach() {
    let i = Interpreter::builder().build().unwrap();
    i.run("import threading\nseen = set()\nlock = threading.Lock()\ndef visit(name):\n    with lock:\n        seen.add((name, threading.get_ident()))").unwrap();
    let workers: Vec<_> = (0..6)
        .map(|n| {
            let i = i.clone();
            std::thread::spawn(move || {
                let mut guard = i.attach();
                let mut py = guard.py();
                let ident = py.thread_ident();
                py.call::<()>("visit", (format!("w{n}"),)).map(|_| ident)
            })
        })
        .collect();
    let idents: Vec<u64> = workers.into_iter().map(|w| w.join().unwrap().unwrap()).collect();
    assert_eq!(i.eval::<i64>("len(seen)").unwrap(), 6);
    for ident in idents {
        assert!(i.eval::<bool>(&format!("any(t == {ident} for _, t in seen)")).unwrap());
    }
    assert!(i.interrupt_handle().threads().is_empty(), "every host thread detached");
}

#[test]
#[should_panic(expected = "already attached")]
fn attaching_twice_on_one_thread_is_refused() {
    let i = Interpreter::builder().build().unwrap();
    let _ = i.with(|_py| i.with(|_inner| Ok(())));
}
