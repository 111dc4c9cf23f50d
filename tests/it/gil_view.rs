//! `--gil-stats`, `--gil-stats-json`, `--gil-trace`, `--gil-timeline` and the
//! `gil` module. They are gilvm's own (CPython has no equivalent), so these
//! tests check properties of what gilvm reports instead of an expected
//! output: counts add up, held time fits in the wall time, a sleeping thread
//! shows its sleeps, traces are well-formed and no two threads hold the GIL
//! at once.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value as Json;

/// Two CPU-bound threads (long enough to be forced to switch) and a thread
/// that sleeps five times, all named, all joined.
const THREADS_SCRIPT: &str = "\
import threading, time
def cpu(n):
    x = 0
    for i in range(n):
        x += i
def sleeper():
    for i in range(5):
        time.sleep(0.01)
threads = [threading.Thread(target=cpu, args=(600000,), name='cpu-%d' % k) for k in (1, 2)]
threads.append(threading.Thread(target=sleeper, name='sleeper'))
for t in threads:
    t.start()
for t in threads:
    t.join()
print('done')
";

const THREAD_NAMES: [&str; 4] = ["MainThread", "cpu-1", "cpu-2", "sleeper"];

/// Half a nanosecond, in the trace's microseconds: timestamps come from whole
/// nanoseconds, so anything smaller is rounding.
const EPS_US: f64 = 0.0005;

fn temp_path(test: &str, file: &str) -> PathBuf {
    std::env::temp_dir().join(format!("gilvm-gil-view-{}-{test}-{file}", std::process::id()))
}

/// Runs gilvm with `flags` on `script` (written to a temporary file).
fn run(test: &str, flags: &[&str], script: &str) -> Output {
    let path = temp_path(test, "script.py");
    std::fs::write(&path, script).expect("write the script");
    let out = Command::new(env!("CARGO_BIN_EXE_gilvm")).args(flags).arg(&path).output().expect("gilvm runs");
    let _ = std::fs::remove_file(&path);
    out
}

fn read_json(path: &PathBuf) -> Json {
    let text = std::fs::read_to_string(path).expect("the JSON file was written");
    let _ = std::fs::remove_file(path);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("invalid JSON ({e}): {text}"))
}

fn f64_at(v: &Json, key: &str) -> f64 {
    v[key].as_f64().unwrap_or_else(|| panic!("no number {key} in {v}"))
}

fn u64_at(v: &Json, key: &str) -> u64 {
    v[key].as_u64().unwrap_or_else(|| panic!("no count {key} in {v}"))
}

#[test]
fn stats_table_and_json_add_up() {
    let json_path = temp_path("stats", "stats.json");
    let out = run("stats", &["--gil-stats", "--gil-stats-json", json_path.to_str().unwrap_or_default()], THREADS_SCRIPT);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "done\n");
    let stats = read_json(&json_path);
    assert_eq!(u64_at(&stats, "version"), 1);

    // The table: a header, one row per thread (3 started + main), a total.
    let lines: Vec<&str> = stderr.lines().collect();
    let header = lines.iter().position(|l| l.starts_with("thread ")).expect("table header");
    for name in THREAD_NAMES {
        assert_eq!(lines.iter().filter(|l| l.starts_with(&format!("{name} "))).count(), 1, "one row for {name}:\n{stderr}");
    }
    let total = lines.iter().find(|l| l.starts_with("total ")).expect("total row");
    assert_eq!(lines.iter().skip(header + 1).take_while(|l| !l.starts_with("total ")).count(), THREAD_NAMES.len());
    let columns: Vec<&str> = lines[header].split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
    let acquired_column = columns.iter().position(|&c| c == "acquired").expect("acquired column");
    let total_cells: Vec<&str> = total.split_whitespace().collect();
    // The total row has no ident: its cells sit one column to the left.
    assert_eq!(total_cells[acquired_column - 1].parse::<u64>().ok(), Some(u64_at(&stats["total"], "acquisitions")));

    // The JSON: the total is the sum of the rows; the GIL is held at most the wall time.
    let threads = stats["threads"].as_array().expect("threads list");
    assert_eq!(threads.len(), THREAD_NAMES.len());
    let total = &stats["total"];
    for key in ["acquisitions", "drop_requests", "forced_drops", "voluntary_releases"] {
        assert_eq!(threads.iter().map(|t| u64_at(t, key)).sum::<u64>(), u64_at(total, key), "{key}");
    }
    let held: f64 = threads.iter().map(|t| f64_at(t, "held")).sum();
    assert!((held - f64_at(total, "held")).abs() < 1e-6);
    assert!(f64_at(total, "held") <= f64_at(&stats, "wall_time"), "{stats}");
    assert!(f64_at(total, "held") > 0.0);
    for t in threads {
        assert!(u64_at(t, "acquisitions") >= 1, "{t}");
        let by_call: u64 = t["releases"].as_object().expect("releases").values().filter_map(Json::as_u64).sum();
        assert_eq!(by_call, u64_at(t, "voluntary_releases"));
        assert!(f64_at(t, "wait_max") <= f64_at(t, "wait_total") + 1e-9);
    }
    let sleeper = threads.iter().find(|t| t["name"] == "sleeper").expect("sleeper row");
    assert_eq!(u64_at(&sleeper["releases"], "sleep"), 5);
    assert!(f64_at(&stats, "switch_interval") > 0.0);
}

#[test]
fn stats_are_printed_after_sys_exit_and_an_uncaught_exception() {
    let exit = run("exit", &["--gil-stats"], "import sys\nsys.exit(3)\n");
    assert_eq!(exit.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&exit.stderr).contains("GIL statistics"));
    let raised = run("raise", &["--gil-stats"], "raise ValueError('boom')\n");
    assert_eq!(raised.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&raised.stderr);
    let (traceback, table) = (stderr.find("ValueError: boom"), stderr.find("GIL statistics"));
    assert!(traceback.is_some() && table.is_some() && traceback < table, "{stderr}");
}

#[test]
fn gil_module_stats_add_up_and_reset_zeroes_them() {
    let script = "\
import gil, threading, time
def nap():
    time.sleep(0.02)
gil.reset()
t = threading.Thread(target=nap, name='napper')
t.start()
t.join()
s = gil.stats()
napper = [r for r in s['threads'] if r['name'] == 'napper'][0]
print('rows', len(s['threads']))
print('wall', s['wall_time'])
print('held', s['total']['held'])
print('sum_held', sum(r['held'] for r in s['threads']))
print('acquisitions', s['total']['acquisitions'])
print('sum_acquisitions', sum(r['acquisitions'] for r in s['threads']))
print('napper_sleep', napper['releases']['sleep'])
print('napper_held', napper['held'])
gil.reset()
s = gil.stats()
print('reset_rows', len(s['threads']))
print('reset_acquisitions', s['total']['acquisitions'])
print('reset_sleep', s['total']['releases']['sleep'])
print('reset_held', s['total']['held'])
print('reset_wall', s['wall_time'])
";
    let out = run("module", &[], script);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let figures: HashMap<&str, f64> = stdout
        .lines()
        .filter_map(|l| l.split_once(' '))
        .map(|(k, v)| (k, v.parse().unwrap_or_else(|_| panic!("not a number: {v}"))))
        .collect();
    let at = |k: &str| *figures.get(k).unwrap_or_else(|| panic!("no {k} in {stdout}"));
    assert_eq!(at("rows"), 2.0);
    assert!(at("held") <= at("wall") && at("held") > 0.0, "{stdout}");
    assert!((at("held") - at("sum_held")).abs() < 1e-6);
    assert_eq!(at("acquisitions"), at("sum_acquisitions"));
    assert_eq!(at("napper_sleep"), 1.0);
    assert!(at("napper_held") < at("wall"));
    assert_eq!(at("reset_rows"), 1.0, "a reset forgets ended threads");
    assert_eq!(at("reset_acquisitions"), 0.0);
    assert_eq!(at("reset_sleep"), 0.0);
    assert!(at("reset_held") <= at("reset_wall") && at("reset_wall") < at("wall"), "{stdout}");
}

/// A complete ("X") event of the trace.
struct Span {
    tid: u64,
    name: String,
    start: f64,
    end: f64,
}

#[test]
fn trace_is_valid_json_one_track_per_thread_nested_and_exclusive() {
    let path = temp_path("trace", "trace.json");
    let out = run("trace", &["--gil-trace", path.to_str().unwrap_or_default()], THREADS_SCRIPT);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let trace = read_json(&path);
    let events = trace["traceEvents"].as_array().expect("traceEvents");
    let tracks: HashMap<u64, &str> = events
        .iter()
        .filter(|e| e["ph"] == "M" && e["name"] == "thread_name")
        .map(|e| (u64_at(e, "tid"), e["args"]["name"].as_str().expect("thread name")))
        .collect();
    let mut names: Vec<&str> = tracks.values().copied().collect();
    names.sort_unstable();
    assert_eq!(names, ["MainThread", "cpu-1", "cpu-2", "sleeper"]);
    let spans: Vec<Span> = events
        .iter()
        .filter(|e| e["ph"] == "X")
        .map(|e| Span {
            tid: u64_at(e, "tid"),
            name: e["name"].as_str().expect("span name").to_string(),
            start: f64_at(e, "ts"),
            end: f64_at(e, "ts") + f64_at(e, "dur"),
        })
        .collect();
    for span in &spans {
        assert!(tracks.contains_key(&span.tid), "span on an unnamed track");
        assert!(span.end >= span.start);
    }
    for &tid in tracks.keys() {
        assert!(spans.iter().any(|s| s.tid == tid && s.name == "holding the GIL"), "every thread ran");
        assert_nested(spans.iter().filter(|s| s.tid == tid).collect());
    }
    let sleeper = tracks.iter().find(|(_, &n)| n == "sleeper").map(|(&tid, _)| tid);
    assert_eq!(spans.iter().filter(|s| Some(s.tid) == sleeper && s.name == "time.sleep").count(), 5);
    let mut holding: Vec<&Span> = spans.iter().filter(|s| s.name == "holding the GIL").collect();
    holding.sort_by(|a, b| a.start.total_cmp(&b.start));
    for pair in holding.windows(2) {
        assert!(pair[1].start >= pair[0].end - EPS_US, "threads {} and {} both hold the GIL at {}", pair[0].tid, pair[1].tid, pair[1].start);
    }
    assert!(events.iter().any(|e| e["ph"] == "i" && e["name"] == "forced switch"), "the CPU-bound threads were made to switch");
}

/// Spans of one track either follow each other or one contains the other.
fn assert_nested(mut spans: Vec<&Span>) {
    spans.sort_by(|a, b| a.start.total_cmp(&b.start).then(b.end.total_cmp(&a.end)));
    let mut open: Vec<&Span> = Vec::new();
    for span in spans {
        while open.last().is_some_and(|top| top.end <= span.start + EPS_US) {
            open.pop();
        }
        if let Some(top) = open.last() {
            assert!(span.end <= top.end + EPS_US, "{} [{}, {}] overlaps {} [{}, {}]", span.name, span.start, span.end, top.name, top.start, top.end);
        }
        open.push(span);
    }
}

#[test]
fn timeline_is_well_formed_svg_with_one_lane_per_thread() {
    let path = temp_path("timeline", "timeline.svg");
    let out = run("timeline", &["--gil-timeline", path.to_str().unwrap_or_default()], THREADS_SCRIPT);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&path).expect("the SVG was written");
    let _ = std::fs::remove_file(&path);
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("not well-formed XML: {e}"));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let texts: Vec<&str> = doc.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).map(str::trim).collect();
    for name in THREAD_NAMES {
        assert_eq!(texts.iter().filter(|&&t| t == name).count(), 1, "one lane label for {name}");
    }
    let lanes = doc.descendants().filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some("#ECECEC")).count();
    assert_eq!(lanes, THREAD_NAMES.len());
    for colour in ["#2CA02C", "#D62728", "#1F77B4"] {
        // One rectangle of each colour is the legend's; the others are in lanes.
        let drawn = doc.descendants().filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some(colour)).count();
        assert!(drawn >= 2, "state colour {colour} drawn in a lane");
    }
}
