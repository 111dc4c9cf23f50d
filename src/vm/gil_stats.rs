//! Per-thread GIL statistics (for `--gil-stats` and the `gil` module).
//!
//! Every thread state owns one `GilStats`. Only that thread writes it, and only
//! on the GIL's slow paths (acquire, release, forced switch), so each counter
//! is a relaxed load-then-store on a cache line no other thread writes: no
//! shared lock and no locked read-modify-write on the hot path. Readers on
//! other threads (a stats printer, `gil.stats()`) take a `snapshot`, which may
//! be a few events stale but never torn (each field is one atomic word).
//! The trace buffer (`gil_trace`) lives here too, written by the same thread
//! on the same paths, and only when a trace was asked for.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
use std::time::Duration;

use parking_lot::Mutex;

use super::gil_trace::{self, Record, TraceBuf, What};
use super::interpreter::{InterpreterState, ThreadStatsRow};

/// Why a thread released the GIL voluntarily: the blocking call it went into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockingKind {
    Sleep,
    Select,
    /// `socket.recv`, `recvfrom`, `recv_into`.
    SocketRecv,
    /// `socket.send`, `sendall`, `sendto`.
    SocketSend,
    SocketAccept,
    SocketConnect,
    /// Other socket waits (and raw socket I/O in benchmarks).
    Socket,
    /// File reads and writes, stdout flushes.
    File,
    Input,
    /// Waiting for a `_thread` lock (also `Condition.wait`, `Event.wait`,
    /// `Queue.get`, which wait on locks).
    LockWait,
    Join,
    /// Waiting on another interpreter (cross-interpreter queues, calls).
    Interpreter,
    Other,
}

impl BlockingKind {
    pub const ALL: [BlockingKind; 13] = [
        BlockingKind::Sleep,
        BlockingKind::Select,
        BlockingKind::SocketRecv,
        BlockingKind::SocketSend,
        BlockingKind::SocketAccept,
        BlockingKind::SocketConnect,
        BlockingKind::Socket,
        BlockingKind::File,
        BlockingKind::Input,
        BlockingKind::LockWait,
        BlockingKind::Join,
        BlockingKind::Interpreter,
        BlockingKind::Other,
    ];

    /// The name used in stats tables, `gil.stats()` and the stats JSON.
    pub fn name(self) -> &'static str {
        match self {
            BlockingKind::Sleep => "sleep",
            BlockingKind::Select => "select",
            BlockingKind::SocketRecv => "recv",
            BlockingKind::SocketSend => "send",
            BlockingKind::SocketAccept => "accept",
            BlockingKind::SocketConnect => "connect",
            BlockingKind::Socket => "socket",
            BlockingKind::File => "file",
            BlockingKind::Input => "input",
            BlockingKind::LockWait => "lock_wait",
            BlockingKind::Join => "join",
            BlockingKind::Interpreter => "interpreter",
            BlockingKind::Other => "other",
        }
    }

    /// The name of the call's span in a trace: what the script called.
    pub fn span_name(self) -> &'static str {
        match self {
            BlockingKind::Sleep => "time.sleep",
            BlockingKind::Select => "select.select",
            BlockingKind::SocketRecv => "socket.recv",
            BlockingKind::SocketSend => "socket.send",
            BlockingKind::SocketAccept => "socket.accept",
            BlockingKind::SocketConnect => "socket.connect",
            BlockingKind::Socket => "socket I/O",
            BlockingKind::File => "file I/O",
            BlockingKind::Input => "input",
            BlockingKind::LockWait => "Lock.acquire",
            BlockingKind::Join => "Thread.join",
            BlockingKind::Interpreter => "interpreter wait",
            BlockingKind::Other => "blocking call",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

const KINDS: usize = BlockingKind::ALL.len();

/// The live counters of one thread (written by that thread only).
pub struct GilStats {
    acquisitions: AtomicU64,
    wait_ns_total: AtomicU64,
    wait_ns_max: AtomicU64,
    hold_ns_total: AtomicU64,
    /// While the thread holds the GIL: 1 + the GIL clock when it took it
    /// (0 otherwise), so a snapshot counts the tenure in progress.
    holding_since: AtomicU64,
    /// The GIL clock when counting started (creation or the last reset).
    counting_since: AtomicU64,
    /// A reset happened while the thread held the GIL: its tenure counts
    /// from `holding_since`, not from when the GIL took it.
    reset_in_tenure: AtomicBool,
    drop_requests: AtomicU64,
    forced_drops: AtomicU64,
    /// Hand-overs this thread received with priority (it came back from a
    /// blocking call and the holder dropped the GIL for it).
    priority_grants: AtomicU64,
    releases: [AtomicU64; KINDS],
    /// GIL events for traces, filled only while `gil_trace::enabled()`.
    trace: Mutex<TraceBuf>,
}

/// A copy of one thread's counters at one moment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GilStatsSnapshot {
    pub acquisitions: u64,
    pub wait_total: Duration,
    pub wait_max: Duration,
    /// GIL time, the tenure in progress included.
    pub hold_total: Duration,
    /// Drop requests this thread made (it waited a whole switch interval, or
    /// it came back from a blocking call with priority).
    pub drop_requests: u64,
    /// Times this thread had to drop the GIL because another asked for it.
    pub forced_drops: u64,
    pub priority_grants: u64,
    /// Voluntary releases, indexed like `BlockingKind::ALL`.
    pub releases: [u64; KINDS],
    /// When counting started, on the GIL clock (`gil_trace::now_ns`).
    pub counting_since: Duration,
}

/// Adds `v` to a counter only this thread writes (no locked instruction).
#[inline]
fn bump(counter: &AtomicU64, v: u64) {
    counter.store(counter.load(Relaxed).wrapping_add(v), Relaxed);
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

impl Default for GilStats {
    fn default() -> Self {
        GilStats {
            acquisitions: AtomicU64::new(0),
            wait_ns_total: AtomicU64::new(0),
            wait_ns_max: AtomicU64::new(0),
            hold_ns_total: AtomicU64::new(0),
            holding_since: AtomicU64::new(0),
            counting_since: AtomicU64::new(gil_trace::now_ns()),
            reset_in_tenure: AtomicBool::new(false),
            drop_requests: AtomicU64::new(0),
            forced_drops: AtomicU64::new(0),
            priority_grants: AtomicU64::new(0),
            releases: Default::default(),
            trace: Mutex::new(TraceBuf::default()),
        }
    }
}

impl GilStats {
    pub(crate) fn record_acquired(&self, waited: Duration) {
        bump(&self.acquisitions, 1);
        let ns = nanos(waited);
        bump(&self.wait_ns_total, ns);
        if ns > self.wait_ns_max.load(Relaxed) {
            self.wait_ns_max.store(ns, Relaxed);
        }
        let now = gil_trace::now_ns();
        self.holding_since.store(now.saturating_add(1), Relaxed);
        if gil_trace::enabled() {
            self.trace.lock().acquired(now, ns);
        }
    }

    pub(crate) fn record_held(&self, held: Duration) {
        let since = self.holding_since.load(Relaxed);
        self.holding_since.store(0, Relaxed);
        let mut held = nanos(held);
        let trace = gil_trace::enabled();
        let reset_meanwhile = self.reset_in_tenure.load(Relaxed);
        let now = if trace || reset_meanwhile { gil_trace::now_ns() } else { 0 };
        if reset_meanwhile && since != 0 {
            // A tenure that began before a `reset` counts only from the reset.
            self.reset_in_tenure.store(false, Relaxed);
            held = held.min(now.saturating_sub(since - 1));
        }
        bump(&self.hold_ns_total, held);
        if trace {
            self.trace.lock().released(now);
        }
    }

    pub(crate) fn record_drop_request(&self) {
        bump(&self.drop_requests, 1);
        self.mark(What::DropRequest);
    }

    pub(crate) fn record_forced_drop(&self) {
        bump(&self.forced_drops, 1);
        self.mark(What::ForcedDrop);
    }

    pub(crate) fn record_priority_grant(&self) {
        bump(&self.priority_grants, 1);
        self.mark(What::PriorityGrant);
    }

    pub(crate) fn record_release(&self, kind: BlockingKind) {
        bump(&self.releases[kind.index()], 1);
        if gil_trace::enabled() {
            self.trace.lock().blocking(kind);
        }
    }

    fn mark(&self, what: What) {
        if gil_trace::enabled() {
            self.trace.lock().mark(what, gil_trace::now_ns());
        }
    }

    pub fn snapshot(&self) -> GilStatsSnapshot {
        let mut releases = [0; KINDS];
        for (slot, counter) in releases.iter_mut().zip(&self.releases) {
            *slot = counter.load(Relaxed);
        }
        let mut hold_ns = self.hold_ns_total.load(Relaxed);
        let holding_since = self.holding_since.load(Relaxed);
        if holding_since != 0 {
            hold_ns = hold_ns.saturating_add(gil_trace::now_ns().saturating_sub(holding_since - 1));
        }
        GilStatsSnapshot {
            acquisitions: self.acquisitions.load(Relaxed),
            wait_total: Duration::from_nanos(self.wait_ns_total.load(Relaxed)),
            wait_max: Duration::from_nanos(self.wait_ns_max.load(Relaxed)),
            hold_total: Duration::from_nanos(hold_ns),
            drop_requests: self.drop_requests.load(Relaxed),
            forced_drops: self.forced_drops.load(Relaxed),
            priority_grants: self.priority_grants.load(Relaxed),
            releases,
            counting_since: Duration::from_nanos(self.counting_since.load(Relaxed)),
        }
    }

    /// Zeroes the counters and restarts the clock of the tenure in progress
    /// (`gil.reset()`). Only meaningful when called by the owning thread or
    /// while it is not running. The trace is kept.
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
        let now = gil_trace::now_ns();
        self.counting_since.store(now, Relaxed);
        if self.holding_since.load(Relaxed) != 0 {
            self.holding_since.store(now.saturating_add(1), Relaxed);
            self.reset_in_tenure.store(true, Relaxed);
        }
    }

    /// This thread's GIL events so far, its open span closed at `end`.
    pub fn trace_records(&self, end: u64, alive: bool) -> (Vec<Record>, u64) {
        let buf = self.trace.lock();
        (buf.records_until(end, alive), buf.dropped())
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

/// Everything `--gil-stats`, `--gil-stats-json` and `gil.stats()` show: one
/// row per thread that ran in an interpreter, a total, and the context.
pub struct GilReport {
    pub threads: Vec<ThreadStatsRow>,
    pub total: GilStatsSnapshot,
    /// Time since counting started (the first thread, or the last reset).
    pub wall: Duration,
    pub switch_interval: Duration,
    /// Turns of the GIL (`Gil::switch_number`).
    pub switches: u64,
}

impl GilReport {
    pub fn of(interp: &InterpreterState) -> GilReport {
        let threads = interp.thread_stats();
        let mut total = GilStatsSnapshot::default();
        for row in &threads {
            total.add(&row.stats);
        }
        let start = threads.iter().map(|r| r.stats.counting_since).min();
        total.counting_since = start.unwrap_or_default();
        let now = Duration::from_nanos(gil_trace::now_ns());
        GilReport {
            threads,
            total,
            wall: start.map_or(Duration::ZERO, |s| now.saturating_sub(s)),
            switch_interval: interp.switch_interval(),
            switches: interp.gil.switch_number(),
        }
    }

    /// The report as JSON: the schema of `--gil-stats-json` (documented in
    /// the CLI help and ARCHITECTURE.md) and the shape of `gil.stats()`.
    /// Times are in seconds.
    pub fn to_json(&self) -> serde_json::Value {
        let threads: Vec<_> = self
            .threads
            .iter()
            .map(|row| {
                let mut object = serde_json::Map::new();
                object.insert("name".into(), row.name.clone().into());
                object.insert("ident".into(), row.ident.into());
                object.insert("alive".into(), row.alive.into());
                object.extend(row.stats.to_json());
                serde_json::Value::Object(object)
            })
            .collect();
        serde_json::json!({
            "wall_time": self.wall.as_secs_f64(),
            "switch_interval": self.switch_interval.as_secs_f64(),
            "switches": self.switches,
            "threads": threads,
            "total": serde_json::Value::Object(self.total.to_json()),
        })
    }
}

impl GilStatsSnapshot {
    /// One thread's (or the total's) figures, keyed as in `GilReport::to_json`.
    pub fn to_json(&self) -> serde_json::Map<String, serde_json::Value> {
        let releases: serde_json::Map<_, _> = BlockingKind::ALL.iter().map(|&k| (k.name().to_string(), self.releases_of(k).into())).collect();
        let mut object = serde_json::Map::new();
        let seconds = [("held", self.hold_total), ("wait_total", self.wait_total), ("wait_mean", self.wait_mean()), ("wait_max", self.wait_max)];
        for (key, time) in seconds {
            object.insert(key.into(), time.as_secs_f64().into());
        }
        let counts = [
            ("acquisitions", self.acquisitions),
            ("drop_requests", self.drop_requests),
            ("forced_drops", self.forced_drops),
            ("priority_grants", self.priority_grants),
            ("voluntary_releases", self.voluntary_releases()),
        ];
        for (key, count) in counts {
            object.insert(key.into(), count.into());
        }
        object.insert("releases".into(), releases.into());
        object
    }
}
