//! `--gil-trace FILE`: the GIL events as Chrome trace-event JSON (the format
//! Perfetto and chrome://tracing open). One track per thread, named as in
//! `threading`; complete ("X") events for holding the GIL, waiting for it
//! and each blocking call — the call's span ends when the thread has the GIL
//! back, so the wait that follows a call nests inside it — and instant ("i")
//! events for drop requests, forced switches and priority grants.

use std::io::{BufWriter, Write};

use serde_json::{json, Value as Json};

use super::lanes::{Lane, Lanes};
use crate::vm::gil_trace::{Record, What};

const PID: u32 = 1;

pub fn write(path: &str, lanes: &Lanes) -> std::io::Result<()> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    let origin = lanes.start();
    out.write_all(b"{\"displayTimeUnit\":\"ms\",\"otherData\":")?;
    serde_json::to_writer(&mut out, &json!({ "generator": "gilvm --gil-trace", "dropped_events": lanes.dropped }))?;
    out.write_all(b",\"traceEvents\":[\n")?;
    let process = json!({ "ph": "M", "pid": PID, "tid": 0, "name": "process_name", "args": { "name": "gilvm" } });
    serde_json::to_writer(&mut out, &process)?;
    for (index, lane) in lanes.lanes.iter().enumerate() {
        for event in lane_events(lane, index + 1, origin) {
            out.write_all(b",\n")?;
            serde_json::to_writer(&mut out, &event)?;
        }
    }
    out.write_all(b"\n]}\n")?;
    out.flush()
}

/// Microseconds since `origin`, the unit of trace timestamps.
fn micros(ns: u64, origin: u64) -> f64 {
    ns.saturating_sub(origin) as f64 / 1000.0
}

fn lane_events(lane: &Lane, tid: usize, origin: u64) -> Vec<Json> {
    let mut events = vec![
        json!({ "ph": "M", "pid": PID, "tid": tid, "name": "thread_name",
                "args": { "name": lane.name, "ident": lane.ident, "native_id": lane.native_id } }),
        json!({ "ph": "M", "pid": PID, "tid": tid, "name": "thread_sort_index", "args": { "sort_index": tid } }),
    ];
    let span = |name: &str, cat: &str, start: u64, end: u64| {
        json!({ "ph": "X", "pid": PID, "tid": tid, "name": name, "cat": cat,
                "ts": micros(start, origin), "dur": micros(end, start) })
    };
    let spans: Vec<&Record> = lane.records.iter().filter(|r| r.what.is_span()).collect();
    for (i, record) in spans.iter().enumerate() {
        match record.what {
            What::Hold => events.push(span("holding the GIL", "gil", record.start, record.end)),
            What::Wait => events.push(span("waiting for the GIL", "gil", record.start, record.end)),
            What::Blocked(kind) => {
                // The call returns to the script once the GIL is back.
                let end = match spans.get(i + 1) {
                    Some(next) if next.what == What::Wait && next.start == record.end => next.end,
                    _ => record.end,
                };
                events.push(span(kind.span_name(), "blocking", record.start, end));
            }
            _ => {}
        }
    }
    for record in lane.records.iter().filter(|r| !r.what.is_span()) {
        let name = match record.what {
            What::DropRequest => "drop request",
            What::ForcedDrop => "forced switch",
            _ => "priority grant",
        };
        events.push(json!({ "ph": "i", "s": "t", "pid": PID, "tid": tid, "name": name, "cat": "gil", "ts": micros(record.start, origin) }));
    }
    events
}
