//! Properties of the GIL protocol (no assertions on wall time).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use super::gil::Gil;
use super::gil_stats::BlockingKind;
use super::gil_workload::{cpu_fairness, io_ping_pong, io_round_trips, start_cpu_threads};
use super::interpreter::InterpreterState;
use super::ThreadState;
use crate::modules::thread_lock::LockCore;

#[test]
fn mutual_exclusion_with_many_threads() {
    let gil = Arc::new(Gil::default());
    gil.set_switch_interval(Duration::from_micros(200));
    let inside = Arc::new(AtomicBool::new(false));
    let total = Arc::new(AtomicU64::new(0));
    let workers: Vec<_> = (0..8)
        .map(|i| {
            let (gil, inside, total) = (gil.clone(), inside.clone(), total.clone());
            thread::spawn(move || {
                let mut token = Gil::acquire(&gil);
                for round in 0..2000u32 {
                    assert!(!inside.swap(true, Ordering::SeqCst), "two threads hold the GIL");
                    let seen = total.load(Ordering::Relaxed);
                    std::hint::spin_loop();
                    total.store(seen + 1, Ordering::Relaxed);
                    inside.store(false, Ordering::SeqCst);
                    if (round + i) % 97 == 0 {
                        token.allow_threads(BlockingKind::Other, thread::yield_now);
                    }
                    if gil.breaker().is_set() {
                        token.yield_to_waiter();
                    }
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    assert_eq!(total.load(Ordering::Relaxed), 8 * 2000);
}

#[test]
fn forced_switching_lets_a_waiter_in() {
    let gil = Arc::new(Gil::default());
    gil.set_switch_interval(Duration::from_millis(1));
    let stop = Arc::new(AtomicBool::new(false));
    let cpus = start_cpu_threads(&gil, 1, &stop);
    // Until the CPU thread holds the GIL (a fixed sleep was not always
    // enough on a loaded machine, and the acquire below then found it free).
    while gil.switch_number() == 0 {
        thread::sleep(Duration::from_millis(1));
    }
    // The CPU thread never blocks: this acquire succeeds only through a drop request.
    let token = Gil::acquire(&gil);
    let stats = token.stats().snapshot();
    drop(token);
    stop.store(true, Ordering::Relaxed);
    let cpu = cpus.into_iter().map(|c| c.join().unwrap()).next().unwrap();
    assert_eq!(stats.acquisitions, 1);
    assert!(stats.drop_requests >= 1);
    assert!(cpu.forced_drops >= 1);
}

#[test]
fn two_cpu_threads_both_get_the_gil() {
    // Over a second, as the fairness goal is stated: a shorter window can end
    // before a loaded machine has even scheduled the second thread.
    let (a, b) = cpu_fairness(Duration::from_secs(1));
    assert!(a > 0.05 && b > 0.05, "shares {a:.2} / {b:.2}");
}

#[test]
fn cpu_threads_that_blocked_once_take_turns_by_interval() {
    // Both threads blocked once, briefly, just before computing (as after
    // Thread.start's handshake): they must take turns of one interval, not
    // take the GIL from each other at every check (once measured: 10x slower
    // than serial, thousands of acquisitions).
    let gil = Arc::new(Gil::default());
    let stop = Arc::new(AtomicBool::new(false));
    let threads: Vec<_> = (0..2)
        .map(|_| {
            let (gil, stop) = (gil.clone(), stop.clone());
            thread::spawn(move || {
                let mut token = Gil::acquire(&gil);
                token.allow_threads(BlockingKind::Sleep, || thread::sleep(Duration::from_millis(1)));
                while !stop.load(Ordering::Relaxed) {
                    if token.gil().breaker().is_set() {
                        token.yield_to_waiter();
                    }
                    std::hint::spin_loop();
                }
                token.stats().snapshot()
            })
        })
        .collect();
    thread::sleep(Duration::from_millis(300));
    stop.store(true, Ordering::Relaxed);
    let acquired: u64 = threads.into_iter().map(|t| t.join().unwrap().acquisitions).sum();
    // Turns of one 5 ms interval: about 60 in 300 ms; bouncing at every
    // check made thousands.
    assert!(acquired < 600, "{acquired} acquisitions in 300 ms");
}

#[test]
fn a_freshly_started_thread_waits_its_turn_after_a_short_blocking_call() {
    // Thread.start: the new thread runs its bootstrap (short blocking calls)
    // while the thread that started it wants the GIL. With no history (both
    // averages 0) it counted as I/O-bound, came back from such a call with
    // priority and took the GIL from its starter; it must count as
    // CPU-bound and wait its turn until it has blocked long enough.
    let gil = Arc::new(Gil::default());
    // Long: only a call blocked for over 75 ms could make it look I/O-bound.
    gil.set_switch_interval(Duration::from_millis(50));
    let mut starter = Gil::acquire(&gil);
    let done = Arc::new(AtomicBool::new(false));
    let child = {
        let (gil, done) = (gil.clone(), done.clone());
        thread::spawn(move || {
            let mut token = Gil::acquire(&gil);
            // Hands the GIL back to the starter, then wants it again at once.
            token.allow_threads(BlockingKind::LockWait, || ());
            done.store(true, Ordering::SeqCst);
            token.stats().snapshot()
        })
    };
    while !done.load(Ordering::SeqCst) {
        if gil.breaker().is_set() {
            starter.yield_to_waiter();
        }
        std::hint::spin_loop();
    }
    drop(starter);
    let child = child.join().unwrap();
    assert_eq!(child.releases_of(BlockingKind::LockWait), 1);
    assert_eq!(child.priority_grants, 0, "a fresh thread took the GIL with priority");
}

#[test]
fn returning_io_thread_is_handed_the_gil_with_priority() {
    let gil = Arc::new(Gil::default());
    // A long interval: without priority each round trip would wait for it.
    gil.set_switch_interval(Duration::from_millis(50));
    let stop = Arc::new(AtomicBool::new(false));
    let cpus = start_cpu_threads(&gil, 2, &stop);
    thread::sleep(Duration::from_millis(5));
    let (_, io) = io_round_trips(&gil, 200);
    stop.store(true, Ordering::Relaxed);
    for cpu in cpus {
        cpu.join().unwrap();
    }
    assert_eq!(io.releases_of(BlockingKind::Socket), 400);
    // Every return from a blocking call is served first (stolen from a
    // grantee not yet awake, or handed over by a holder at its next check).
    assert!(io.priority_grants >= 300, "priority grants: {}", io.priority_grants);
}

#[test]
fn two_io_threads_do_not_force_each_other_off() {
    // Each comes back from its blocking call while the other holds the GIL
    // for a few microseconds before blocking in turn: the returning thread
    // waits for that release instead of forcing a switch (which would bounce
    // the GIL between them at every check). A holder preempted by the OS for
    // a whole interval may still be forced, hence the tolerance.
    let gil = Arc::new(Gil::default());
    let stats = io_ping_pong(&gil, 2000);
    let forced: u64 = stats.iter().map(|s| s.forced_drops).sum();
    let acquired: u64 = stats.iter().map(|s| s.acquisitions).sum();
    assert!(acquired >= 4000, "acquisitions: {acquired}");
    assert!(forced * 10 <= acquired, "forced {forced} of {acquired} acquisitions");
}

#[test]
fn allow_threads_guard_lets_another_thread_run() {
    let interp = InterpreterState::new(900);
    let mut ts = ThreadState::attach(interp.clone());
    let ran = Arc::new(AtomicBool::new(false));
    {
        let _released = ts.release_gil(BlockingKind::Join);
        let (interp, ran) = (interp.clone(), ran.clone());
        thread::spawn(move || {
            let other = ThreadState::attach(interp);
            ran.store(true, Ordering::SeqCst);
            drop(other);
        })
        .join()
        .unwrap();
    }
    assert!(ran.load(Ordering::SeqCst));
    ts.token.debug_assert_held();
    assert_eq!(ts.info.stats.snapshot().releases_of(BlockingKind::Join), 1);
    assert_eq!(interp.thread_stats().len(), 2);
    assert_eq!(interp.live_threads().len(), 1);
}

#[test]
fn periodic_check_hands_over_to_a_waiting_thread() {
    let interp = InterpreterState::new(901);
    interp.set_switch_interval(Duration::from_millis(1));
    let mut ts = ThreadState::attach(interp.clone());
    let done = Arc::new(AtomicBool::new(false));
    let waiter = {
        let (interp, done) = (interp.clone(), done.clone());
        thread::spawn(move || {
            let ts = ThreadState::attach(interp);
            done.store(true, Ordering::SeqCst);
            drop(ts);
        })
    };
    while !done.load(Ordering::SeqCst) {
        ts.periodic_check().unwrap();
        std::hint::spin_loop();
    }
    waiter.join().unwrap();
    assert!(ts.info.stats.snapshot().forced_drops >= 1);
}

#[test]
fn interrupt_raises_keyboard_interrupt_in_main_thread_only() {
    let interp = InterpreterState::new(902);
    let mut ts = ThreadState::attach(interp.clone());
    assert!(ts.is_main_thread());
    interp.interrupt();
    let err = ts.periodic_check().unwrap_err();
    assert_eq!(err.class_name(), "KeyboardInterrupt");
    assert!(ts.periodic_check().is_ok());
}

#[test]
fn interrupt_wakes_a_blocked_sleep() {
    let interp = InterpreterState::new(903);
    let mut ts = ThreadState::attach(interp.clone());
    let interrupter = {
        let interp = interp.clone();
        thread::spawn(move || {
            thread::sleep(Duration::from_millis(30));
            interp.interrupt();
        })
    };
    let err = ts.interruptible_sleep(Duration::from_secs(600)).unwrap_err();
    assert_eq!(err.class_name(), "KeyboardInterrupt");
    interrupter.join().unwrap();
}

#[test]
fn waiters_of_a_lock_the_holder_released_are_woken_when_it_blocks() {
    let gil = Arc::new(Gil::default());
    let mut token = Gil::acquire(&gil);
    let core = Arc::new(LockCore::default());
    assert!(core.try_acquire());
    let waiters: Vec<_> = (0..3)
        .map(|_| {
            let core = core.clone();
            thread::spawn(move || {
                assert!(core.acquire_until(None));
                core.release();
            })
        })
        .collect();
    thread::sleep(Duration::from_millis(20));
    assert!(core.release_deferred(&mut token));
    assert!(!core.release_deferred(&mut token), "released twice");
    // A lost wake-up would leave a waiter asleep and this join hanging.
    token.allow_threads(BlockingKind::LockWait, move || waiters.into_iter().for_each(|w| w.join().unwrap()));
    assert!(!core.is_locked());
}

#[test]
fn a_holder_that_keeps_the_gil_wakes_deferred_waiters_at_a_check() {
    let gil = Arc::new(Gil::default());
    gil.set_switch_interval(Duration::from_secs(100));
    let mut token = Gil::acquire(&gil);
    let woken = Arc::new(AtomicBool::new(false));
    let flag = woken.clone();
    token.defer_wake(Box::new(move || flag.store(true, Ordering::SeqCst)));
    assert!(gil.breaker().is_set(), "deferring must bring the holder to a check");
    token.yield_to_waiter();
    assert!(!woken.load(Ordering::SeqCst), "woken before it was due");
    assert!(gil.breaker().is_set(), "the request must last until the wake-up is due");
    gil.set_switch_interval(Duration::from_micros(1));
    token.yield_to_waiter();
    assert!(woken.load(Ordering::SeqCst));
    assert!(!gil.breaker().is_set());
}
