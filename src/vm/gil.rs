//! The global interpreter lock: one per interpreter.
//!
//! # Notes about the implementation
//!
//! (Modelled on the notes in CPython's `Python/ceval_gil.c`. The differences
//! — a hand-over queue, a priority class for threads coming back from
//! blocking calls, and a lender slot — remove the convoy effect of bpo-7946.)
//!
//! ## Fields and their locks
//!
//! `state` (a `parking_lot::Mutex<GilState>`) guards:
//! - `locked`: some thread owns the GIL;
//! - `holder`: the id of the owning token (meaningful while `locked`);
//! - `grantee`: the waiter the GIL was just handed to, until it wakes up and
//!   claims it (while it sleeps, a priority waiter may take the GIL instead);
//! - `lender`: the thread whose turn a priority waiter interrupted: it gets
//!   the GIL back as soon as the priority thread blocks again;
//! - `priority`, `normal`: FIFO queues of waiting threads. Each entry carries
//!   the waiter's own condition variable, so a hand-over wakes exactly the
//!   thread it is meant for;
//! - `switch_number`: the number of *turns* — times the GIL went to a thread
//!   of the normal queue, or was taken while free. Hand-overs to priority
//!   threads and back to their lender are not turns.
//!
//! Outside the mutex, atomics: `breaker`, the interpreter's eval breaker,
//! whose `DROP_REQUEST` bit is set and cleared only while `state` is locked
//! (so it agrees with the queues) and read by the holder with one relaxed
//! load at every `periodic_check` (backward jumps and calls); and
//! `switch_interval_us` (5 ms by default).
//!
//! Invariant: `locked == false` implies no waiter, no grantee and no lender:
//! a releasing thread never leaves the GIL free while someone waits, it hands
//! it over. Only the holder releases, hands over or yields.
//!
//! ## Who waits, for how long, who sets the drop request
//!
//! - A thread that finds the GIL free takes it at once.
//! - A **normal** waiter (first attach, a CPU-bound thread, a thread forced
//!   off) sleeps on its condition variable for at most the switch interval.
//!   If it wakes by timeout and `switch_number` has not moved (no turn for a
//!   whole interval), it sets `DROP_REQUEST`; then it sleeps again.
//! - A **priority** waiter — a thread coming back from a blocking call that
//!   has lately been I/O-bound (see below) — takes the GIL at once if it was
//!   handed to a grantee not yet awake (the grantee becomes the lender and
//!   loses only a wake-up); otherwise it queues and sets `DROP_REQUEST`
//!   immediately instead of after an interval, and again after every
//!   interval it is not served. It sleeps at once: spinning for the grant
//!   was measured to cost more than the wake-up it saves, since on a loaded
//!   machine the spinner takes the core the holder needs to reach its check.
//! - The holder sees `DROP_REQUEST` at its next `periodic_check` (within
//!   microseconds while running bytecode) and calls `yield_to_waiter`, which
//!   clears the request without switching if nobody waits, or if the holder
//!   is in a *short I/O burst*: I/O-bound lately and within one interval of
//!   its last blocking call. Such a holder will block again soon and hand
//!   over then; making it switch now would only bounce the GIL between two
//!   I/O-bound threads at every check (each bounce an OS wake-up). A waiter
//!   whose request was cleared asks again after its next interval, when the
//!   burst is over if it has not ended by itself.

//! ## Who hands over (forced switching)
//!
//! Every release — voluntary in `allow_threads`, forced in `yield_to_waiter`,
//! or at detach — hands the GIL to the head of the priority queue, else to
//! the lender, else to the head of the normal queue, and wakes it. A forced
//! holder then waits to get it back: in the lender slot if it made way for a
//! priority thread, else at the *back* of the normal queue. It cannot retake
//! the GIL before the thread it yielded to has had it, and the FIFO gives
//! each CPU-bound thread one interval in turn (round robin). After a
//! hand-over the drop request stays set only while a priority waiter is
//! queued; normal waiters see the turn and grant the new holder a full
//! interval. Every thread forced off queues this way, I/O-bound or not. (An
//! earlier version let an I/O-bound thread forced off within four intervals
//! of its last blocking call — most likely preempted by the OS while it held
//! the GIL — wait with priority instead. It needed two extra conditions to
//! keep threads from taking the GIL from each other at every check, and
//! measured under load it did not help: the convoy figure kept 36/31/24 %
//! with it and 50/36/31 % without, next to 1/2/4 CPU threads.)

//! ## Deferred lock wake-ups (one OS wake-up per hand-off)
//!
//! A `_thread` lock released by the GIL holder is free at once, but its
//! waiter is woken only when the holder next lets go of the GIL: at its next
//! release (`give`, also at detach) or forced switch, after the hand-over
//! (`GilToken::defer_wake`, `wake_deferred`). Woken at the release itself,
//! the waiter would take the lock and then sleep again on the GIL until the
//! releaser blocks — two wake-ups per hand-off between threads ping-ponging
//! through `Event`s; deferred, it finds the GIL free or is queued by then,
//! one wake-up. So that a holder which keeps running does not starve the
//! waiter, deferring sets `DROP_REQUEST` (under `state`): the holder comes to
//! `yield_to_waiter` at each check and wakes the deferred waiters once the
//! oldest has waited `1/DEFERRED_WAKE_FRACTION` of an interval, keeping the
//! request set until then. No wake-up is lost: the flag is clear before the
//! wake is queued, every path that lets go of the GIL wakes the queue, and a
//! waiter that wakes early (timeout, interrupt) rechecks the flag.
//!
//! Trade-off against CPython's way — wake the waiter at the release, so its
//! OS wake-up overlaps the releaser's remaining work: measured side by side
//! under load (2 cores, load 8, Event ping-pong), waking at the release gave
//! 32k round trips/s against 41k deferred (CPython 31k). The early waiter
//! preempts the releaser on its core, finds the GIL held and sleeps again:
//! three context switches per hand-off instead of one. What limits the rate
//! under load is not the wake-up: `perf sched` showed both threads sharing
//! one core, each woken within about a microsecond, and the core lent to
//! other processes in slices of milliseconds; the rate is that core share
//! divided by the CPU each turn takes, which was mostly `threading.Event`'s
//! own Python code (hence its direct use of the condition's lock). What the
//! deferral gives up: when the OS wakes the waiter on another, idle core, the
//! idle core's wake-up latency is not overlapped with the releaser's last
//! microseconds of work.

//! ## The convoy effect and its fix (and the trade-off)
//!
//! In CPython a thread returning from I/O waits up to a whole interval for a
//! CPU-bound holder to drop the GIL, works for microseconds, blocks again:
//! one I/O operation per interval, worse with each extra CPU-bound thread.
//! Here the returning I/O-bound thread asks at once and is served first
//! (priority over threads that were forced off, FIFO among equals, handed
//! over directly as in Ruby's queue); when it blocks again the GIL goes back
//! to the thread it interrupted — the lender, which is likely still hot in a
//! cache and on a core — so the CPU-bound threads keep their order and
//! their turns. Two I/O-bound threads never force each other off (the
//! short-burst rule above): the returning one waits for the holder's next
//! blocking call, microseconds away.
//!
//! "I/O-bound lately" is measured, not declared: each token keeps moving
//! averages of the GIL time it held between two blocking calls (`held_run`,
//! summed over forced switches) and of the time it then stayed blocked
//! (`held_avg`, `blocked_avg`). Only a thread that has lately spent at least
//! half as long blocked as running (`IO_HELD_PER_BLOCKED`) gets priority.
//! Half, not as long: two threads passing requests and replies back and
//! forth each block about as long as the other runs, and at exactly one the
//! class of both flipped at random, and with it they forced each other off
//! (measured: 900 forced switches a second). A new thread starts with a held
//! average of one interval: CPU-bound until it has blocked long enough to
//! show otherwise (a few round trips of an I/O thread). With no history it
//! would count as I/O-bound, and a thread started to compute would take the
//! GIL with priority from the thread that started it. Without a bound, a
//! thread spinning
//! on `time.sleep(0)` or on very short blocking calls would preempt the
//! CPU-bound threads at every return and starve them. Time-weighted averages
//! (not an average of ratios) keep a `send` that returns at once, between a
//! short burst and a long `recv`, from costing an I/O thread its priority.
//! Held time is wall time, so a holder the OS preempted for milliseconds
//! would look CPU-bound for many rounds: one sample counts for at most
//! `OUTLIER_FACTOR` times the average (plus a quarter interval), so one
//! preemption does not flip the class, while a thread that really turned
//! CPU-bound crosses over within a few blocking calls.
//!
//! Trade-off: a thread that blocks at least as long as it runs can take up to
//! about half of the GIL time however many CPU-bound threads there are, each
//! priority hand-over costs the interrupted CPU-bound thread a context
//! switch, and a normal waiter may wait up to about two intervals when the
//! GIL keeps going back to a lender. That is the intended bias — latency for
//! I/O over throughput for CPU — where CPython keeps CPU-bound fairness and
//! starves I/O. What it cannot fix: under load the OS deschedules a holder
//! while it holds the GIL, and a priority waiter then waits until the holder
//! runs again (milliseconds); the holder already checks every few
//! microseconds while it runs, so checking more often would not help.

use std::cell::Cell;
use std::collections::VecDeque;
use std::marker::PhantomData;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex, MutexGuard};

use super::eval_breaker::EvalBreaker;
use super::gil_stats::{BlockingKind, GilStats};

pub struct Gil {
    state: Mutex<GilState>,
    breaker: Arc<EvalBreaker>,
    /// `sys.getswitchinterval()`, in microseconds.
    switch_interval_us: AtomicU64,
    /// Source of token ids (0 is never used, so a fresh `holder` matches no one).
    next_token_id: AtomicU64,
}

struct GilState {
    locked: bool,
    holder: u64,
    /// The waiter the GIL was handed to, until it wakes up and claims it.
    grantee: Option<Waiter>,
    /// The thread whose turn a priority waiter interrupted: it gets the GIL
    /// back when the priority thread blocks again.
    lender: Option<Waiter>,
    switch_number: u64,
    priority: VecDeque<Waiter>,
    normal: VecDeque<Waiter>,
}

struct Waiter {
    id: u64,
    class: Class,
    wake: Arc<Condvar>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Priority,
    Normal,
}

/// Where a waiter waits: at the back of its class's queue, or in the
/// lender slot (a holder forced off for a priority waiter).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Back,
    Lender,
}

/// Weight of the newest sample in the held/blocked moving averages.
const AVERAGE_WEIGHT: f64 = 0.25;

/// A thread is I/O-bound lately if it held the GIL at most this many times
/// as long as it then stayed blocked (see the notes at the top).
const IO_HELD_PER_BLOCKED: f64 = 2.0;

/// How far above the held-time average one sample counts (see `reacquire`).
const OUTLIER_FACTOR: f64 = 4.0;

/// A holder that keeps the GIL wakes the lock waiters it deferred after this
/// fraction of the switch interval (see the notes at the top).
const DEFERRED_WAKE_FRACTION: u32 = 20;

thread_local! {
    /// Address of the GIL this thread holds (0: none). Lets debug builds check
    /// cheaply that objects are touched only under the right GIL.
    static HELD_GIL: Cell<usize> = const { Cell::new(0) };
}

/// Proof that the current thread holds a GIL. Not `Send`: it cannot leave the
/// thread that acquired it, and it exists only between acquire and release.
pub struct GilToken {
    gil: Arc<Gil>,
    id: u64,
    wake: Arc<Condvar>,
    stats: Arc<GilStats>,
    acquired_at: Instant,
    released_at: Instant,
    /// GIL time since the last voluntary release (across forced switches).
    held_run: Duration,
    /// Moving averages, in seconds, of a tenure and of the blocking that followed it.
    held_avg: f64,
    blocked_avg: f64,
    /// The GIL this thread held before taking this one (restored on release).
    outer_held: usize,
    /// Wake-ups of lock waiters, run when this thread next lets go of the GIL.
    deferred: Vec<Box<dyn FnOnce()>>,
    /// When the oldest entry of `deferred` was queued.
    deferred_since: Instant,
    _not_send: PhantomData<*const ()>,
}

impl Default for Gil {
    fn default() -> Self {
        Gil {
            state: Mutex::new(GilState {
                locked: false,
                holder: 0,
                grantee: None,
                lender: None,
                switch_number: 0,
                priority: VecDeque::new(),
                normal: VecDeque::new(),
            }),
            breaker: Arc::new(EvalBreaker::new()),
            switch_interval_us: AtomicU64::new(5000),
            next_token_id: AtomicU64::new(1),
        }
    }
}

impl Gil {
    /// Takes the GIL for a thread that has none yet; returns its token.
    pub fn acquire(gil: &Arc<Gil>) -> GilToken {
        Gil::acquire_with_stats(gil, Arc::new(GilStats::default()))
    }

    /// As `acquire`, recording into `stats` (shared with the thread's state).
    pub fn acquire_with_stats(gil: &Arc<Gil>, stats: Arc<GilStats>) -> GilToken {
        let now = Instant::now();
        // A new thread counts as CPU-bound until it shows otherwise: with no
        // history (both averages 0) it would count as I/O-bound, and a thread
        // started to compute would take the GIL back with priority from the
        // thread that started it.
        let held_avg = gil.switch_interval().as_secs_f64();
        let mut token = GilToken {
            gil: gil.clone(),
            id: gil.next_token_id.fetch_add(1, Ordering::Relaxed),
            wake: Arc::new(Condvar::new()),
            stats,
            acquired_at: now,
            released_at: now,
            held_run: Duration::ZERO,
            held_avg,
            blocked_avg: 0.0,
            outer_held: 0,
            deferred: Vec::new(),
            deferred_since: now,
            _not_send: PhantomData,
        };
        token.take(Class::Normal);
        token
    }

    pub fn switch_interval(&self) -> Duration {
        Duration::from_micros(self.switch_interval_us.load(Ordering::Relaxed))
    }

    pub fn set_switch_interval(&self, interval: Duration) {
        let us = u64::try_from(interval.as_micros()).unwrap_or(u64::MAX).max(1);
        self.switch_interval_us.store(us, Ordering::Relaxed);
    }

    /// The interpreter's eval breaker (its `DROP_REQUEST` bit belongs to the GIL).
    pub fn breaker(&self) -> &Arc<EvalBreaker> {
        &self.breaker
    }

    /// How many turns there have been: times the GIL went to a thread of the
    /// normal queue or was taken while free (hand-overs to priority threads
    /// and back to their lender are not turns).
    pub fn switch_number(&self) -> u64 {
        self.state.lock().switch_number
    }

    fn address(&self) -> usize {
        self as *const Gil as usize
    }

    /// Gives the GIL to the next waiter, or frees it. Called by the holder.
    fn hand_over(&self, state: &mut GilState) {
        let next = match state.priority.pop_front().or_else(|| state.lender.take()) {
            Some(next) => Some(next),
            None => {
                let next = state.normal.pop_front();
                state.switch_number += u64::from(next.is_some());
                next
            }
        };
        match next {
            Some(next) => {
                state.holder = next.id;
                next.wake.notify_one();
                state.grantee = Some(next);
            }
            None => state.locked = false,
        }
        if state.priority.is_empty() {
            self.breaker.clear(EvalBreaker::DROP_REQUEST);
        } else {
            self.breaker.set(EvalBreaker::DROP_REQUEST);
        }
    }
}

impl GilToken {
    /// Panics in debug builds if this thread does not hold this token's GIL.
    #[inline]
    pub fn debug_assert_held(&self) {
        debug_assert_eq!(
            HELD_GIL.with(Cell::get),
            self.gil.address(),
            "GIL token used while its GIL is released"
        );
    }

    pub fn gil(&self) -> &Arc<Gil> {
        &self.gil
    }

    pub fn stats(&self) -> &Arc<GilStats> {
        &self.stats
    }

    /// Runs `f` with the GIL released. `f` is `Send`, so it cannot capture a
    /// `Value` or anything else that needs the GIL; the token is borrowed
    /// mutably for the duration, so nothing reachable through it can be used either.
    pub fn allow_threads<F: FnOnce() -> R + Send, R: Send>(&mut self, kind: BlockingKind, f: F) -> R {
        self.release(kind);
        let result = f();
        self.reacquire();
        result
    }

    /// Releases the GIL voluntarily before a blocking call of kind `kind`.
    pub(crate) fn release(&mut self, kind: BlockingKind) {
        self.stats.record_release(kind);
        self.give();
    }

    /// Takes the GIL back after a blocking call, with priority if this thread
    /// has been I/O-bound lately.
    pub(crate) fn reacquire(&mut self) {
        let held = std::mem::take(&mut self.held_run).as_secs_f64();
        let blocked = self.released_at.elapsed().as_secs_f64();
        // Wall time: a holder the OS preempted looks as if it ran long. One
        // sample may raise the average only so far, so a single preemption
        // does not cost an I/O-bound thread its priority for many rounds;
        // a thread that really turned CPU-bound crosses over within a few.
        let ceiling = OUTLIER_FACTOR * self.held_avg + self.gil.switch_interval().as_secs_f64() / OUTLIER_FACTOR;
        self.held_avg += AVERAGE_WEIGHT * (held.min(ceiling) - self.held_avg);
        self.blocked_avg += AVERAGE_WEIGHT * (blocked - self.blocked_avg);
        let class = if self.io_bound() { Class::Priority } else { Class::Normal };
        self.take(class);
    }

    /// Whether this thread has lately spent at least half as long blocked as
    /// holding the GIL between two blocking calls.
    fn io_bound(&self) -> bool {
        self.held_avg <= IO_HELD_PER_BLOCKED * self.blocked_avg
    }

    /// The holder's answer to a drop request: nothing if nobody waits or it
    /// is in a short I/O burst; else hands the GIL to the next waiter and
    /// waits until it comes back — in the lender slot if it made way for a
    /// priority waiter, else at the back of the normal queue.
    pub fn yield_to_waiter(&mut self) {
        let gil = self.gil.clone();
        let mut state = gil.state.lock();
        let nobody_waits = state.priority.is_empty() && state.normal.is_empty() && state.lender.is_none();
        if nobody_waits || self.in_short_io_burst() {
            let oldest = gil.switch_interval() / DEFERRED_WAKE_FRACTION;
            if !self.deferred.is_empty() && self.deferred_since.elapsed() >= oldest {
                self.wake_deferred();
            }
            // Deferred wake-ups not yet due keep the request set, so the
            // holder comes back here at its next checks.
            if self.deferred.is_empty() {
                gil.breaker.clear(EvalBreaker::DROP_REQUEST);
            }
            return;
        }
        self.stats.record_forced_drop();
        self.note_released();
        let lends = !state.priority.is_empty() && state.lender.is_none();
        gil.hand_over(&mut state);
        self.wake_deferred();
        let start = Instant::now();
        let place = if lends { Place::Lender } else { Place::Back };
        self.wait_in_queue(&mut state, Class::Normal, place);
        drop(state);
        self.note_acquired(start);
    }

    /// Whether this thread is I/O-bound lately and has held the GIL for less
    /// than one interval since its last blocking call: it will block again
    /// soon, so making it hand over now would only cost both threads a switch.
    fn in_short_io_burst(&self) -> bool {
        self.io_bound() && self.held_run + self.acquired_at.elapsed() < self.gil.switch_interval()
    }

    /// Queues `wake` (waking a lock waiter) until this thread next lets go
    /// of the GIL, at the latest a fraction of an interval from now.
    pub(crate) fn defer_wake(&mut self, wake: Box<dyn FnOnce()>) {
        if self.deferred.is_empty() {
            self.deferred_since = Instant::now();
            let _state = self.gil.state.lock();
            self.gil.breaker.set(EvalBreaker::DROP_REQUEST);
        }
        self.deferred.push(wake);
    }

    fn wake_deferred(&mut self) {
        for wake in self.deferred.drain(..) {
            wake();
        }
    }

    fn give(&mut self) {
        self.note_released();
        let mut state = self.gil.state.lock();
        self.gil.hand_over(&mut state);
        drop(state);
        self.wake_deferred();
    }

    fn take(&mut self, class: Class) {
        let start = Instant::now();
        let gil = self.gil.clone();
        let mut state = gil.state.lock();
        if !state.locked {
            state.locked = true;
            state.holder = self.id;
            state.switch_number += 1;
        } else if class == Class::Priority && state.grantee.is_some() {
            self.steal_grant(&mut state);
            self.stats.record_priority_grant();
        } else {
            self.wait_in_queue(&mut state, class, Place::Back);
            if class == Class::Priority {
                self.stats.record_priority_grant();
            }
        }
        drop(state);
        self.note_acquired(start);
    }

    /// Takes a GIL that was handed to a waiter which has not woken up yet: it
    /// goes back to the front of its queue and loses nothing but a wake-up.
    fn steal_grant(&mut self, state: &mut GilState) {
        if let Some(grantee) = state.grantee.take() {
            match grantee.class {
                Class::Priority => state.priority.push_front(grantee),
                Class::Normal if state.lender.is_none() => state.lender = Some(grantee),
                Class::Normal => state.normal.push_front(grantee),
            }
        }
        state.holder = self.id;
    }

    /// Queues this thread and sleeps until the GIL is handed to it.
    fn wait_in_queue(&mut self, state: &mut MutexGuard<'_, GilState>, class: Class, place: Place) {
        let waiter = Waiter { id: self.id, class, wake: self.wake.clone() };
        match (class, place) {
            (_, Place::Lender) => state.lender = Some(waiter),
            (Class::Priority, Place::Back) => {
                state.priority.push_back(waiter);
                self.request_drop();
            }
            (Class::Normal, Place::Back) => state.normal.push_back(waiter),
        }
        let mut seen = state.switch_number;
        while !(state.locked && state.holder == self.id) {
            let timed_out = self.wake.wait_for(state, self.gil.switch_interval()).timed_out();
            if state.locked && state.holder == self.id {
                break;
            }
            // A priority waiter asks again after every interval: the holder
            // may have been in a short I/O burst that turned out long.
            if timed_out && (class == Class::Priority || state.switch_number == seen) {
                self.request_drop();
            }
            seen = state.switch_number;
        }
        state.grantee = None;
    }

    /// Sets the drop request (the caller holds the state mutex).
    fn request_drop(&self) {
        if self.gil.breaker.bits() & EvalBreaker::DROP_REQUEST == 0 {
            self.gil.breaker.set(EvalBreaker::DROP_REQUEST);
            self.stats.record_drop_request();
        }
    }

    fn note_acquired(&mut self, wait_start: Instant) {
        let now = Instant::now();
        self.stats.record_acquired(now - wait_start);
        self.acquired_at = now;
        self.outer_held = HELD_GIL.with(|h| h.replace(self.gil.address()));
    }

    fn note_released(&mut self) {
        let now = Instant::now();
        let tenure = now - self.acquired_at;
        self.held_run += tenure;
        self.stats.record_held(tenure);
        self.released_at = now;
        HELD_GIL.with(|h| h.set(self.outer_held));
    }
}

impl Drop for GilToken {
    fn drop(&mut self) {
        self.give();
    }
}
