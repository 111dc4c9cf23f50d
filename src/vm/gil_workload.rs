//! Simulated GIL workloads, without bytecode: the measurements behind the
//! GIL's design claims (benches/gil.rs) and its property tests.
//!
//! A *CPU-bound* thread holds the GIL and spins, polling the eval breaker the
//! way the eval loop does. The *I/O-bound* thread does request/response round
//! trips over a socketpair with a GIL-free echo thread at the other end,
//! releasing the GIL around each `send` and `recv` as a script's socket calls
//! do: the convoy-effect case of bpo-7946.

use std::hint::black_box;
use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use super::gil::{Gil, GilToken};
use super::gil_stats::{BlockingKind, GilStatsSnapshot};

/// A little bytecode-like work between two breaker checks.
fn spin(token: &mut GilToken, rounds: u32) {
    let mut x = 0u64;
    for _ in 0..rounds {
        for i in 0..64 {
            x = black_box(x.wrapping_mul(31).wrapping_add(i));
        }
        if token.gil().breaker().is_set() {
            token.yield_to_waiter();
        }
    }
}

/// Starts `n` CPU-bound threads on `gil`; they run until `stop` is set and
/// return their GIL statistics.
pub fn start_cpu_threads(gil: &Arc<Gil>, n: usize, stop: &Arc<AtomicBool>) -> Vec<thread::JoinHandle<GilStatsSnapshot>> {
    (0..n)
        .map(|_| {
            let (gil, stop) = (gil.clone(), stop.clone());
            thread::spawn(move || {
                let mut token = Gil::acquire(&gil);
                while !stop.load(Ordering::Relaxed) {
                    spin(&mut token, 16);
                }
                token.stats().snapshot()
            })
        })
        .collect()
}

/// Does `round_trips` request/response exchanges from the current thread
/// (holding `gil` in between), next to whatever else runs on `gil`.
/// Returns the time taken and the I/O thread's GIL statistics.
pub fn io_round_trips(gil: &Arc<Gil>, round_trips: u64) -> (Duration, GilStatsSnapshot) {
    let Ok((mut near, mut far)) = UnixStream::pair() else { return (Duration::ZERO, GilStatsSnapshot::default()) };
    let echo = thread::spawn(move || {
        let mut byte = [0u8; 1];
        while far.read_exact(&mut byte).is_ok() && far.write_all(&byte).is_ok() {}
    });
    let mut token = Gil::acquire(gil);
    let start = Instant::now();
    for _ in 0..round_trips {
        let sock = &mut near;
        let sent = token.allow_threads(BlockingKind::Socket, || sock.write_all(b"x"));
        let mut reply = [0u8; 1];
        let sock = &mut near;
        let received = token.allow_threads(BlockingKind::Socket, || sock.read_exact(&mut reply));
        if sent.is_err() || received.is_err() {
            break;
        }
        spin(&mut token, 1);
    }
    let elapsed = start.elapsed();
    let stats = token.stats().snapshot();
    drop(token);
    drop(near);
    let _ = echo.join();
    (elapsed, stats)
}

/// Two threads, both holding `gil` between blocking calls, pass a byte back
/// and forth `round_trips` times over a socketpair (the echo side of a
/// script's request/response loop). Returns both threads' GIL statistics.
pub fn io_ping_pong(gil: &Arc<Gil>, round_trips: u64) -> [GilStatsSnapshot; 2] {
    let Ok((near, far)) = UnixStream::pair() else { return Default::default() };
    let side = |mut sock: UnixStream, serves: bool, gil: Arc<Gil>| {
        move || {
            let mut token = Gil::acquire(&gil);
            let mut byte = [0u8; 1];
            for _ in 0..round_trips {
                let sock = &mut sock;
                let ok = token.allow_threads(BlockingKind::Socket, || {
                    if serves {
                        sock.read_exact(&mut byte).and_then(|()| sock.write_all(&byte))
                    } else {
                        sock.write_all(b"x").and_then(|()| sock.read_exact(&mut byte))
                    }
                });
                if ok.is_err() {
                    break;
                }
                spin(&mut token, 1);
            }
            token.stats().snapshot()
        }
    };
    let echo = thread::spawn(side(far, true, gil.clone()));
    let client = side(near, false, gil.clone())();
    [client, echo.join().unwrap_or_default()]
}

/// Round trips per second of the I/O thread next to `cpu_threads` CPU-bound ones.
pub fn mixed_io_rate(cpu_threads: usize, round_trips: u64) -> f64 {
    let gil = Arc::new(Gil::default());
    let stop = Arc::new(AtomicBool::new(false));
    let cpus = start_cpu_threads(&gil, cpu_threads, &stop);
    thread::sleep(Duration::from_millis(5));
    let (elapsed, _) = io_round_trips(&gil, round_trips);
    stop.store(true, Ordering::Relaxed);
    for cpu in cpus {
        let _ = cpu.join();
    }
    round_trips as f64 / elapsed.as_secs_f64().max(1e-9)
}

/// Runs two CPU-bound threads for `duration`; returns each one's share of
/// the total time the GIL was held.
pub fn cpu_fairness(duration: Duration) -> (f64, f64) {
    let gil = Arc::new(Gil::default());
    let stop = Arc::new(AtomicBool::new(false));
    let cpus = start_cpu_threads(&gil, 2, &stop);
    thread::sleep(duration);
    stop.store(true, Ordering::Relaxed);
    let held: Vec<f64> = cpus.into_iter().map(|c| c.join().map_or(0.0, |s| s.hold_total.as_secs_f64())).collect();
    let total = held.iter().sum::<f64>().max(1e-9);
    (held[0] / total, held[1] / total)
}
