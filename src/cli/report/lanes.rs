//! The recorded GIL events of every thread, gathered once for the trace and
//! the timeline: one lane per thread that recorded anything, in the order
//! the threads first appeared.

use crate::vm::gil_trace::{self, Record};
use crate::vm::interpreter::InterpreterState;

pub struct Lane {
    /// The thread's name, as `threading` shows it.
    pub name: String,
    pub ident: u64,
    pub native_id: u64,
    /// Spans and marks, ordered by start time.
    pub records: Vec<Record>,
}

pub struct Lanes {
    pub lanes: Vec<Lane>,
    /// The end of the recording, on the GIL clock (ns).
    pub end: u64,
    /// Events lost to full buffers.
    pub dropped: u64,
}

impl Lanes {
    /// The start of the recording: the first event of any thread.
    pub fn start(&self) -> u64 {
        self.lanes.iter().filter_map(|l| l.records.first()).map(|r| r.start).min().unwrap_or(self.end)
    }
}

pub fn collect(interp: &InterpreterState) -> Lanes {
    let end = gil_trace::now_ns();
    let mut dropped = 0;
    let mut lanes = Vec::new();
    for (info, alive) in interp.threads_ever() {
        let (mut records, lost) = info.stats.trace_records(end, alive);
        dropped += lost;
        if records.is_empty() {
            continue;
        }
        records.sort_by_key(|r| (r.start, r.end));
        let name = info.name.lock().clone();
        lanes.push(Lane { name, ident: info.ident, native_id: info.native_id, records });
    }
    lanes.sort_by_key(|l| l.records.first().map_or(end, |r| r.start));
    Lanes { lanes, end, dropped }
}
