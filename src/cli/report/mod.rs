//! What `gilvm` reports about the GIL when a run ends: the stats table
//! (`--gil-stats`), the stats JSON (`--gil-stats-json`), the Chrome trace
//! (`--gil-trace`) and the SVG timeline (`--gil-timeline`). The figures come
//! from the per-thread counters (`vm::gil_stats`), the timelines from the
//! per-thread event buffers (`vm::gil_trace`), recorded only when asked for.

use clap::Args as ClapArgs;

use crate::vm::gil_stats::GilReport;
use crate::vm::gil_trace;
use crate::vm::interpreter::InterpreterState;

mod lanes;
mod table;
mod timeline;
mod trace;

/// The schema of `--gil-stats-json`, shown by `gilvm --help`.
const STATS_JSON_HELP: &str = "At exit, write the GIL figures to FILE as JSON (times in seconds):
  { \"version\": 1, \"wall_time\": s, \"switch_interval\": s, \"switches\": n,
    \"threads\": [ { \"name\": str, \"ident\": n, \"alive\": bool, FIGURES } ],
    \"total\": { FIGURES } }
FIGURES: \"held\": s, \"wait_total\": s, \"wait_mean\": s, \"wait_max\": s,
  \"acquisitions\": n, \"drop_requests\": n, \"forced_drops\": n,
  \"priority_grants\": n, \"voluntary_releases\": n,
  \"releases\": { \"sleep\": n, \"select\": n, \"recv\": n, \"send\": n, \"accept\": n,
    \"connect\": n, \"socket\": n, \"file\": n, \"input\": n, \"lock_wait\": n,
    \"join\": n, \"interpreter\": n, \"other\": n }
(`import gil; gil.stats()` returns the same, without \"version\".)";

/// The run flags that ask for GIL reports.
#[derive(ClapArgs, Default)]
pub struct ReportArgs {
    /// At exit, print a table of GIL figures per thread to stderr.
    #[arg(long = "gil-stats")]
    pub stats: bool,
    #[arg(long = "gil-stats-json", value_name = "FILE", help = "At exit, write the GIL figures to FILE as JSON (schema in --help)", long_help = STATS_JSON_HELP)]
    pub stats_json: Option<String>,
    /// Write a Chrome trace-event JSON of who held the GIL to FILE (open it
    /// in Perfetto or chrome://tracing).
    #[arg(long = "gil-trace", value_name = "FILE")]
    pub trace: Option<String>,
    /// Draw the GIL timeline of every thread as an SVG picture in FILE.
    #[arg(long = "gil-timeline", value_name = "FILE")]
    pub timeline: Option<String>,
}

/// Called before the interpreter starts: turns on event recording if a
/// trace or timeline is wanted.
pub fn start(args: &ReportArgs) {
    if args.trace.is_some() || args.timeline.is_some() {
        gil_trace::enable();
    }
}

/// Called when the run is over (the calling thread still holds the GIL):
/// writes every report asked for. Returns the exit code: the script's, or 1
/// if it succeeded but a report could not be written.
pub fn finish(interp: &InterpreterState, args: &ReportArgs, code: i32) -> i32 {
    let report = GilReport::of(interp);
    let mut failed = false;
    if args.stats {
        crate::builtins::io::flush_std();
        eprint!("{}", table::render(&report));
    }
    if let Some(path) = &args.stats_json {
        let mut json = report.to_json();
        if let Some(object) = json.as_object_mut() {
            object.insert("version".into(), 1.into());
        }
        failed |= written(path, serde_json::to_vec_pretty(&json).map_err(std::io::Error::from).and_then(|text| std::fs::write(path, text)));
    }
    if args.trace.is_some() || args.timeline.is_some() {
        let lanes = lanes::collect(interp);
        if lanes.dropped > 0 {
            eprintln!("gilvm: the GIL trace is missing {} events (a thread's buffer was full)", lanes.dropped);
        }
        if let Some(path) = &args.trace {
            failed |= written(path, trace::write(path, &lanes));
        }
        if let Some(path) = &args.timeline {
            failed |= written(path, timeline::write(path, &lanes, &report));
        }
    }
    if failed && code == 0 {
        1
    } else {
        code
    }
}

/// Reports a failed write; true if it failed.
fn written<E: std::fmt::Display>(path: &str, result: Result<(), E>) -> bool {
    match result {
        Ok(()) => false,
        Err(e) => {
            eprintln!("gilvm: cannot write {path}: {e}");
            true
        }
    }
}
