//! GIL benchmarks: the cost of the eval-breaker check when nothing is
//! requested, and the convoy case (an I/O thread's round-trip rate next to
//! 0, 1, 2 and 4 CPU-bound threads). Before the criterion groups it prints a
//! summary: the round-trip rate kept next to CPU-bound threads (target ≥ 50 %)
//! and the GIL shares of two CPU-bound threads (target 40–60 %).
//!
//! `cargo bench --bench gil`

use std::hint::black_box;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use criterion::{criterion_group, BenchmarkId, Criterion};
use gilvm::vm::gil::Gil;
use gilvm::vm::gil_workload::{cpu_fairness, io_round_trips, mixed_io_rate, start_cpu_threads};
use gilvm::vm::{InterpreterState, ThreadState};

fn periodic_check_idle(c: &mut Criterion) {
    let mut ts = ThreadState::attach(InterpreterState::new(1000));
    c.bench_function("periodic_check/idle x1000", |b| {
        b.iter(|| {
            for _ in 0..1000 {
                black_box(ts.periodic_check().is_ok());
            }
        })
    });
}

fn convoy(c: &mut Criterion) {
    let mut group = c.benchmark_group("convoy: io round trip next to N cpu threads");
    group.sample_size(10).measurement_time(Duration::from_secs(3));
    for cpu_threads in [0usize, 1, 2, 4] {
        group.bench_with_input(BenchmarkId::from_parameter(cpu_threads), &cpu_threads, |b, &n| {
            b.iter_custom(|iters| {
                let gil = Arc::new(Gil::default());
                let stop = Arc::new(AtomicBool::new(false));
                let cpus = start_cpu_threads(&gil, n, &stop);
                std::thread::sleep(Duration::from_millis(2));
                let (elapsed, _) = io_round_trips(&gil, iters);
                stop.store(true, Ordering::Relaxed);
                for cpu in cpus {
                    let _ = cpu.join();
                }
                elapsed
            })
        });
    }
    group.finish();
}

/// Convoy ratios as medians over interleaved runs (alone, next to N, alone
/// ...): the machine is shared and noisy, so only side-by-side ratios count.
fn summary() {
    const ROUND_TRIPS: u64 = 20_000;
    const RUNS: usize = 5;
    for n in [1, 2, 4] {
        let mut ratios: Vec<f64> = (0..RUNS)
            .map(|_| {
                let alone = mixed_io_rate(0, ROUND_TRIPS);
                mixed_io_rate(n, ROUND_TRIPS) / alone
            })
            .collect();
        ratios.sort_by(f64::total_cmp);
        println!("convoy: I/O round-trip rate kept next to {n} CPU thread(s): {:.0}% (median of {RUNS})", 100.0 * ratios[RUNS / 2]);
    }
    let (a, b) = cpu_fairness(Duration::from_secs(1));
    println!("fairness: two CPU threads over 1 s: {:.1}% / {:.1}%", 100.0 * a, 100.0 * b);
}

criterion_group!(benches, periodic_check_idle, convoy);

fn main() {
    summary();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
