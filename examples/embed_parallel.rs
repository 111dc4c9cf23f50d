//! Two interpreters, each with its own GIL, run the same CPU-bound script:
//! first one after the other, then at once on two threads.
//!
//! `cargo run --release --example embed_parallel`

use std::thread;
use std::time::{Duration, Instant};

use gilvm::Interpreter;

const SCRIPT: &str = r#"
def work(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total
"#;

const N: i64 = 3_000_000;

fn run_once(interp: &Interpreter) -> Result<Duration, gilvm::Error> {
    let started = Instant::now();
    let total: i64 = interp.call("work", (N,))?;
    assert_eq!(total, (0..N).map(|i| i * i % 7).sum::<i64>());
    Ok(started.elapsed())
}

/// CPU seconds this process has used (user + system, from /proc/self/stat).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn main() -> Result<(), gilvm::Error> {
    let interps = [Interpreter::builder().build()?, Interpreter::builder().build()?];
    for interp in &interps {
        interp.run(SCRIPT)?;
        interp.call::<i64>("work", (1000,))?; // warm up
    }

    let (started, cpu) = (Instant::now(), cpu_seconds());
    for interp in &interps {
        run_once(interp)?;
    }
    let sequential = started.elapsed();
    let sequential_cpu = cpu_seconds() - cpu;

    let (started, cpu) = (Instant::now(), cpu_seconds());
    let workers: Vec<_> = interps
        .iter()
        .map(|interp| {
            let interp = interp.clone();
            thread::spawn(move || run_once(&interp))
        })
        .collect();
    for w in workers {
        w.join().expect("worker thread")?;
    }
    let parallel = started.elapsed();
    let parallel_cpu = cpu_seconds() - cpu;

    // CPU time shows whether the machine gave us two cores: on a loaded
    // machine the wall-clock speedup is capped by the cores we got.
    println!("one after the other: {:.3} s ({sequential_cpu:.2} s of CPU)", sequential.as_secs_f64());
    println!("in parallel:         {:.3} s ({parallel_cpu:.2} s of CPU)", parallel.as_secs_f64());
    println!("speedup {:.2}", sequential.as_secs_f64() / parallel.as_secs_f64());
    Ok(())
}
