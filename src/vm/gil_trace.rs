//! Per-thread GIL event buffers (for `--gil-trace` and `--gil-timeline`).
//!
//! Recording is off unless a trace or timeline was asked for: every hook
//! starts with one relaxed load of `ENABLED`, and the hooks sit only on the
//! GIL's slow paths (acquire, release, forced switch), never in the eval
//! loop. When on, each thread appends to its own `TraceBuf`, owned by its
//! `GilStats`. The buffer's mutex is never contended while the script runs:
//! only its thread locks it, and the report writer locks it once at exit.
//!
//! A buffer holds a flat, ordered sequence of spans — holding the GIL,
//! blocked in a call (GIL released), waiting to get the GIL back — plus
//! instant marks. The spans of one thread never overlap, and a thread records
//! "holding" only between being granted the GIL and handing it over, so no
//! two threads' holding spans overlap either.

use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
use std::sync::OnceLock;
use std::time::Instant;

use super::gil_stats::BlockingKind;

static ENABLED: AtomicBool = AtomicBool::new(false);

/// At most this many records per thread (24 bytes each); later events are
/// counted as dropped rather than growing memory without bound.
const MAX_RECORDS: usize = 1 << 21;

/// Starts recording GIL events in every thread of the process.
pub fn enable() {
    epoch();
    ENABLED.store(true, Relaxed);
}

/// Whether GIL events are being recorded (one relaxed load).
#[inline]
pub fn enabled() -> bool {
    ENABLED.load(Relaxed)
}

/// The origin of every GIL timestamp (stats and traces): the first use.
fn epoch() -> Instant {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    *EPOCH.get_or_init(Instant::now)
}

/// Nanoseconds since the GIL clock's origin.
pub fn now_ns() -> u64 {
    u64::try_from(epoch().elapsed().as_nanos()).unwrap_or(u64::MAX)
}

/// What a record shows: a span (start < end) or an instant (start == end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Hold,
    /// Waiting for the GIL (at a thread's start, after a blocking call, or
    /// after being forced off).
    Wait,
    /// In a blocking call with the GIL released.
    Blocked(BlockingKind),
    /// This thread asked the holder to drop the GIL.
    DropRequest,
    /// This thread was made to drop the GIL.
    ForcedDrop,
    /// This thread was handed the GIL ahead of others (back from I/O).
    PriorityGrant,
}

impl What {
    pub fn is_span(self) -> bool {
        matches!(self, What::Hold | What::Wait | What::Blocked(_))
    }
}

/// One event; times in nanoseconds since the GIL clock's origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    pub what: What,
    pub start: u64,
    pub end: u64,
}

/// The span a thread is in and has not finished yet.
#[derive(Debug, Clone, Copy, Default)]
enum Open {
    /// Not yet recorded anything (or tracing started meanwhile).
    #[default]
    Unknown,
    Holding(u64),
    /// Released at this time, into a blocking call or (`None`) because it
    /// was forced off or ended.
    Released(u64, Option<BlockingKind>),
}

/// One thread's event buffer.
#[derive(Default)]
pub struct TraceBuf {
    records: Vec<Record>,
    open: Open,
    /// The kind of the blocking call announced by `blocking`, until the
    /// release that follows it.
    pending: Option<BlockingKind>,
    dropped: u64,
}

impl TraceBuf {
    fn push(&mut self, what: What, start: u64, end: u64) {
        if self.records.len() < MAX_RECORDS {
            self.records.push(Record { what, start, end });
        } else {
            self.dropped += 1;
        }
    }

    /// The thread got the GIL at `now` after waiting `waited` ns.
    pub(crate) fn acquired(&mut self, now: u64, waited: u64) {
        let wait_start = now.saturating_sub(waited);
        if let Open::Released(at, Some(kind)) = self.open {
            let end = wait_start.max(at);
            self.push(What::Blocked(kind), at, end);
        }
        let wait_start = match self.open {
            Open::Released(at, _) => wait_start.max(at),
            _ => wait_start,
        };
        self.push(What::Wait, wait_start, now);
        self.open = Open::Holding(now);
    }

    /// The thread is about to release the GIL for a blocking call of `kind`.
    pub(crate) fn blocking(&mut self, kind: BlockingKind) {
        self.pending = Some(kind);
    }

    /// The thread stopped holding the GIL at `now`.
    pub(crate) fn released(&mut self, now: u64) {
        if let Open::Holding(since) = self.open {
            self.push(What::Hold, since, now);
        }
        self.open = Open::Released(now, self.pending.take());
    }

    pub(crate) fn mark(&mut self, what: What, now: u64) {
        self.push(what, now, now);
    }

    /// The records so far, with the open span closed at `end`. A thread
    /// that is no longer `alive` ended at its last release.
    pub fn records_until(&self, end: u64, alive: bool) -> Vec<Record> {
        let mut records = self.records.clone();
        match self.open {
            Open::Holding(since) => records.push(Record { what: What::Hold, start: since, end: end.max(since) }),
            Open::Released(at, Some(kind)) if alive => records.push(Record { what: What::Blocked(kind), start: at, end: end.max(at) }),
            Open::Released(at, None) if alive => records.push(Record { what: What::Wait, start: at, end: end.max(at) }),
            _ => {}
        }
        records
    }

    /// Events not recorded because the buffer was full.
    pub fn dropped(&self) -> u64 {
        self.dropped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blocking_call_becomes_a_blocked_span_then_a_wait() {
        let mut buf = TraceBuf::default();
        buf.acquired(100, 100);
        buf.blocking(BlockingKind::Sleep);
        buf.released(200);
        buf.mark(What::DropRequest, 250);
        buf.acquired(400, 50);
        let spans: Vec<_> = buf.records_until(500, true).into_iter().filter(|r| r.what.is_span()).collect();
        let expected = [
            Record { what: What::Wait, start: 0, end: 100 },
            Record { what: What::Hold, start: 100, end: 200 },
            Record { what: What::Blocked(BlockingKind::Sleep), start: 200, end: 350 },
            Record { what: What::Wait, start: 350, end: 400 },
            Record { what: What::Hold, start: 400, end: 500 },
        ];
        assert_eq!(spans, expected);
    }

    #[test]
    fn a_forced_drop_leaves_a_wait_and_an_ended_thread_nothing_open() {
        let mut buf = TraceBuf::default();
        buf.acquired(10, 0);
        buf.released(20);
        assert_eq!(buf.records_until(30, true).last(), Some(&Record { what: What::Wait, start: 20, end: 30 }));
        assert_eq!(buf.records_until(30, false).last(), Some(&Record { what: What::Hold, start: 10, end: 20 }));
    }
}
