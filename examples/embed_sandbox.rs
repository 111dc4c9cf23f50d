//! A sandboxed interpreter: no I/O modules, an instruction budget, an
//! interrupt from another thread, and stdout captured into a buffer.
//!
//! `cargo run --release --example embed_sandbox`

use std::time::{Duration, Instant};

use gilvm::{Interpreter, Stream};

fn main() -> Result<(), gilvm::Error> {
    let interp = Interpreter::builder().sandbox().instruction_budget(1_000_000).stdout(Stream::Capture).build()?;

    interp.run("print('squares:', [i * i for i in range(5)])")?;
    print!("captured stdout: {}", interp.take_stdout());

    for attempt in ["import socket", "import os", "open('/etc/passwd')"] {
        let err = interp.run(attempt).unwrap_err();
        println!("{attempt:24} -> {}: {}", err.class(), err.message());
    }

    let started = Instant::now();
    let err = interp.run("n = 0\nwhile True:\n    n += 1").unwrap_err();
    println!("while True: ...          -> {} after {} iterations, {:.1} ms", err.class(), interp.global::<i64>("n")?, started.elapsed().as_secs_f64() * 1000.0);

    let unlimited = Interpreter::builder().sandbox().build()?;
    let stop = unlimited.interrupt_handle();
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        stop.interrupt()
    });
    let started = Instant::now();
    let err = unlimited.run("import time\ntime.sleep(3600)").unwrap_err();
    println!("time.sleep(3600)         -> {} from another thread after {:.0} ms", err.class(), started.elapsed().as_secs_f64() * 1000.0);
    stopper.join().expect("stopper thread");
    Ok(())
}
