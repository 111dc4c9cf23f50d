//! Per-thread GIL statistics (for `--gil-stats` and the `gil` module).
//!
//! Every thread state owns one `GilStats`. Only that thread writes it, and only
//! on the GIL's slow paths (acquire, release, forced switch), so each counter
//! is a relaxed load-then-store on a cache line no other thread writes: no
//! shared lock and no locked read-modify-write on the hot path. Readers on
//! other threads (a stats printer, `gil.stats()`) take a `snapshot`, which may
//! be a few events stale but never torn (each field is one atomic word).

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::Duration;

/// Why a thread released the GIL voluntarily: the blocking call it went into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockingKind {
    Sleep,
    Select,
    /// Socket calls: recv, send, accept, connect.
    Socket,
    /// File reads and writes, stdout flushes.
    File,
    Input,
    /// Waiting for a `_thread` lock (also `Thread.join`, `Condition.wait`,
    /// `Queue.get`, which wait on locks).
    LockWait,
    Join,
    /// Waiting on another interpreter (cross-interpreter queues, calls).
    Interpreter,
    Other,
}

impl BlockingKind {
    pub const ALL: [BlockingKind; 9] = [
        BlockingKind::Sleep,
        BlockingKind::Select,
        BlockingKind::Socket,
        BlockingKind::File,
        BlockingKind::Input,
        BlockingKind::LockWait,
        BlockingKind::Join,
        BlockingKind::Interpreter,
        BlockingKind::Other,
    ];

    /// The name used in stats tables and traces.
    pub fn name(self) -> &'static str {
        match self {
            BlockingKind::Sleep => "sleep",
            BlockingKind::Select => "select",
            BlockingKind::Socket => "socket",
            BlockingKind::File => "file",
            BlockingKind::Input => "input",
            BlockingKind::LockWait => "lock wait",
            BlockingKind::Join => "join",
            BlockingKind::Interpreter => "interpreter",
            BlockingKind::Other => "other",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

const KINDS: usize = BlockingKind::ALL.len();

/// The live counters of one thread (written by that thread only).
#[derive(Default)]
pub struct GilStats {
    acquisitions: AtomicU64,
    wait_ns_total: AtomicU64,
    wait_ns_max: AtomicU64,
    hold_ns_total: AtomicU64,
    drop_requests: AtomicU64,
    forced_drops: AtomicU64,
    /// Hand-overs this thread received with priority (it came back from a
    /// blocking call and the holder dropped the GIL for it).
    priority_grants: AtomicU64,
    releases: [AtomicU64; KINDS],
}

/// A copy of one thread's counters at one moment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GilStatsSnapshot {
    pub acquisitions: u64,
    pub wait_total: Duration,
    pub wait_max: Duration,
    pub hold_total: Duration,
    /// Drop requests this thread made (it waited a whole switch interval, or
    /// it came back from a blocking call with priority).
    pub drop_requests: u64,
    /// Times this thread had to drop the GIL because another asked for it.
    pub forced_drops: u64,
    pub priority_grants: u64,
    /// Voluntary releases, indexed like `BlockingKind::ALL`.
    pub releases: [u64; KINDS],
}

/// Adds `v` to a counter only this thread writes (no locked instruction).
#[inline]
fn bump(counter: &AtomicU64, v: u64) {
    counter.store(counter.load(Relaxed).wrapping_add(v), Relaxed);
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

impl GilStats {
    pub(crate) fn record_acquired(&self, waited: Duration) {
        bump(&self.acquisitions, 1);
        let ns = nanos(waited);
        bump(&self.wait_ns_total, ns);
        if ns > self.wait_ns_max.load(Relaxed) {
            self.wait_ns_max.store(ns, Relaxed);
        }
    }

    pub(crate) fn record_held(&self, held: Duration) {
        bump(&self.hold_ns_total, nanos(held));
    }

    pub(crate) fn record_drop_request(&self) {
        bump(&self.drop_requests, 1);
    }

    pub(crate) fn record_forced_drop(&self) {
        bump(&self.forced_drops, 1);
    }

    pub(crate) fn record_priority_grant(&self) {
        bump(&self.priority_grants, 1);
    }

    pub(crate) fn record_release(&self, kind: BlockingKind) {
        bump(&self.releases[kind.index()], 1);
    }

    pub fn snapshot(&self) -> GilStatsSnapshot {
        let mut releases = [0; KINDS];
        for (slot, counter) in releases.iter_mut().zip(&self.releases) {
            *slot = counter.load(Relaxed);
        }
        GilStatsSnapshot {
            acquisitions: self.acquisitions.load(Relaxed),
            wait_total: Duration::from_nanos(self.wait_ns_total.load(Relaxed)),
            wait_max: Duration::from_nanos(self.wait_ns_max.load(Relaxed)),
            hold_total: Duration::from_nanos(self.hold_ns_total.load(Relaxed)),
            drop_requests: self.drop_requests.load(Relaxed),
            forced_drops: self.forced_drops.load(Relaxed),
            priority_grants: self.priority_grants.load(Relaxed),
            releases,
        }
    }

    /// Zeroes the counters (`gil.reset()`). Only meaningful when called by
    /// the owning thread or while it is not running.
    pub fn reset(&self) {
        for counter in [
            &self.acquisitions,
            &self.wait_ns_total,
            &self.wait_ns_max,
            &self.hold_ns_total,
            &self.drop_requests,
            &self.forced_drops,
            &self.priority_grants,
        ] {
            counter.store(0, Relaxed);
        }
        for counter in &self.releases {
            counter.store(0, Relaxed);
        }
    }
}

impl GilStatsSnapshot {
    pub fn voluntary_releases(&self) -> u64 {
        self.releases.iter().sum()
    }

    pub fn releases_of(&self, kind: BlockingKind) -> u64 {
        self.releases[kind.index()]
    }

    /// The mean wait per acquisition.
    pub fn wait_mean(&self) -> Duration {
        match u32::try_from(self.acquisitions) {
            Ok(n) if n > 0 => self.wait_total / n,
            _ => Duration::ZERO,
        }
    }

    /// Sums another thread's figures into this one (for a total row).
    pub fn add(&mut self, other: &GilStatsSnapshot) {
        self.acquisitions += other.acquisitions;
        self.wait_total += other.wait_total;
        self.wait_max = self.wait_max.max(other.wait_max);
        self.hold_total += other.hold_total;
        self.drop_requests += other.drop_requests;
        self.forced_drops += other.forced_drops;
        self.priority_grants += other.priority_grants;
        for (a, b) in self.releases.iter_mut().zip(&other.releases) {
            *a += b;
        }
    }
}
