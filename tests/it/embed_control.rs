//! The embedding API: sandbox, streams, interrupts, instruction budget, memory limit.

use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use gilvm::{Interpreter, Stream};

#[test]
fn sandbox_refuses_io_modules_and_open() {
    let i = Interpreter::builder().sandbox().build().unwrap();
    for module in ["socket", "os", "select", "os.path", "tempfile"] {
        let err = i.run(&format!("import {module}")).unwrap_err();
        assert!(err.is_instance("ImportError"), "{module}: {err}");
        let top = module.split('.').next().unwrap_or(module);
        assert_eq!(err.message(), format!("import of '{top}' is not allowed in this interpreter"));
    }
    assert_eq!(i.run("open('/etc/hostname')").unwrap_err().class(), "NameError");
    assert_eq!(i.run("input()").unwrap_err().class(), "NameError");
    i.run("import math, time, threading\nx = math.sqrt(4)").unwrap();
    let open_elsewhere = Interpreter::builder().build().unwrap();
    assert!(open_elsewhere.eval::<bool>("callable(open)").unwrap());
}

#[test]
fn allow_list_of_modules() {
    let i = Interpreter::builder().allow_modules(&["math"]).build().unwrap();
    i.run("import math").unwrap();
    assert!(i.run("import time").unwrap_err().is_instance("ImportError"));
}

#[test]
fn streams_are_captured_per_interpreter_or_sent_to_a_callback() {
    let got = Arc::new(Mutex::new(Vec::new()));
    let sink = got.clone();
    let a = Interpreter::builder().stdout(Stream::Capture).stderr(Stream::Capture).build().unwrap();
    let b = Interpreter::builder().stdout(Stream::callback(move |bytes| sink.lock().unwrap().extend_from_slice(bytes))).build().unwrap();
    a.run("import sys\nprint('to a')\nprint('err a', file=sys.stderr)").unwrap();
    b.run("print('to b', end='')").unwrap();
    a.run("import threading\nt = threading.Thread(target=print, args=('from a thread',))\nt.start()\nt.join()").unwrap();
    assert_eq!(a.take_stdout(), "to a\nfrom a thread\n");
    assert_eq!(a.take_stderr(), "err a\n");
    assert_eq!(&*got.lock().unwrap(), b"to b");
}

fn stop_after(handle: gilvm::InterruptHandle, delay: Duration) -> thread::JoinHandle<usize> {
    thread::spawn(move || {
        thread::sleep(delay);
        handle.interrupt()
    })
}

#[test]
fn interrupt_stops_running_bytecode() {
    let i = Interpreter::builder().build().unwrap();
    let stopper = stop_after(i.interrupt_handle(), Duration::from_millis(100));
    let err = i.run("n = 0\nwhile True:\n    n += 1").unwrap_err();
    assert_eq!(err.class(), "KeyboardInterrupt");
    assert_eq!(stopper.join().unwrap(), 1);
    assert!(i.global::<i64>("n").unwrap() > 0);
    i.run("ok = True").unwrap();
}

#[test]
fn interrupt_wakes_sleep_at_once() {
    let i = Interpreter::builder().build().unwrap();
    let stopper = stop_after(i.interrupt_handle(), Duration::from_millis(100));
    let started = Instant::now();
    let err = i.run("import time\ntime.sleep(30)").unwrap_err();
    assert_eq!(err.class(), "KeyboardInterrupt");
    assert!(started.elapsed() < Duration::from_secs(10));
    stopper.join().unwrap();
}

#[test]
fn interrupt_wakes_a_lock_a_queue_join_and_an_event() {
    let i = Interpreter::builder().build().unwrap();
    i.run("import threading, queue\nheld = threading.Lock()\nheld.acquire()\nq = queue.Queue()\nforever = threading.Thread(target=held.acquire, daemon=True)\nforever.start()\ne = threading.Event()").unwrap();
    for blocking in ["held.acquire()", "q.get()", "forever.join()", "e.wait()"] {
        let stopper = stop_after(i.interrupt_handle(), Duration::from_millis(100));
        let err = i.run(blocking).unwrap_err();
        assert_eq!(err.class(), "KeyboardInterrupt", "{blocking}");
        stopper.join().unwrap();
    }
    // The interrupted Event.wait took its waiter off the condition's list.
    assert_eq!(i.eval::<i64>("len(e._cond._waiters)").unwrap(), 0);
}

const RECV: &str = "
import socket, threading
a, b = socket.socketpair()
outcome = []
def wait():
    try:
        a.recv(10)
        outcome.append('data')
    except KeyboardInterrupt:
        outcome.append('interrupted')
";

#[test]
fn interrupt_wakes_socket_recv_in_the_host_thread() {
    let i = Interpreter::builder().build().unwrap();
    i.run(RECV).unwrap();
    let stopper = stop_after(i.interrupt_handle(), Duration::from_millis(100));
    i.run("wait()").unwrap();
    assert_eq!(i.global::<Vec<String>>("outcome").unwrap(), ["interrupted"]);
    stopper.join().unwrap();
}

#[test]
fn interrupt_wakes_socket_recv_in_a_script_thread() {
    let i = Interpreter::builder().build().unwrap();
    i.run(RECV).unwrap();
    i.run("t = threading.Thread(target=wait)\nt.start()\nimport time\ntime.sleep(0.05)").unwrap();
    let handle = i.interrupt_handle();
    let script_thread = handle.threads().into_iter().find(|t| !t.host).expect("the script's thread");
    assert!(handle.interrupt_thread(script_thread.ident));
    i.run("t.join()").unwrap();
    assert_eq!(i.global::<Vec<String>>("outcome").unwrap(), ["interrupted"]);
}

#[test]
fn interrupt_wakes_select() {
    let i = Interpreter::builder().build().unwrap();
    i.run("import socket, select\na, b = socket.socketpair()").unwrap();
    let stopper = stop_after(i.interrupt_handle(), Duration::from_millis(100));
    assert_eq!(i.run("select.select([a], [], [])").unwrap_err().class(), "KeyboardInterrupt");
    stopper.join().unwrap();
}

#[test]
fn instruction_budget_stops_an_endless_loop() {
    let i = Interpreter::builder().instruction_budget(100_000).build().unwrap();
    let err = i.run("while True: pass").unwrap_err();
    assert_eq!(err.class(), "BudgetExceeded");
    assert!(err.is_instance("BaseException") && !err.is_instance("Exception"));
    assert_eq!(err.to_string().lines().last().unwrap(), "gilvm.BudgetExceeded: instruction budget exhausted");
    let err = i.run("def f():\n    while True:\n        try:\n            pass\n        except BaseException:\n            pass\nf()").unwrap_err();
    assert_eq!(err.class(), "BudgetExceeded");
    i.run("total = sum(i for i in range(1000))").unwrap();
    assert_eq!(i.global::<i64>("total").unwrap(), 499500);
}

#[test]
fn memory_limit_raises_memory_error() {
    let i = Interpreter::builder().memory_limit(32 << 20).build().unwrap();
    let err = i.run("hog = []\nwhile True:\n    hog.append(bytes(10000))").unwrap_err();
    assert_eq!(err.class(), "MemoryError");
    i.run("hog = None\nsmall = [0] * 1000").unwrap();
    let free = Interpreter::builder().build().unwrap();
    free.run("big = [bytes(10000) for _ in range(5000)]").unwrap();
}

#[test]
fn interrupt_wakes_a_cross_interpreter_queue_get() {
    let i = Interpreter::builder().build().unwrap();
    i.run("from concurrent import interpreters\nq = interpreters.create_queue()").unwrap();
    let stopper = stop_after(i.interrupt_handle(), Duration::from_millis(100));
    let started = Instant::now();
    assert_eq!(i.run("q.get()").unwrap_err().class(), "KeyboardInterrupt");
    assert!(started.elapsed() < Duration::from_secs(10));
    stopper.join().unwrap();
}

#[test]
fn each_host_call_gets_a_fresh_budget() {
    let i = Interpreter::builder().instruction_budget(50_000).build().unwrap();
    i.run("class Slow:\n    def __repr__(self):\n        n = 0\n        while n < 1000:\n            n += 1\n        return 'slow'\ns = Slow()").unwrap();
    assert_eq!(i.run("while True: pass").unwrap_err().class(), "BudgetExceeded");
    let shown = i.with(|py| py.global::<gilvm::Object>("s")?.repr(py)).unwrap();
    assert_eq!(shown, "slow");
}
