//! `gilvm bench`: a quick configuration runs in the suite and its table, JSON
//! and chart are checked for shape; the bundled workload scripts print the
//! same under gilvm as under CPython.

use std::path::{Path, PathBuf};
use std::process::Command;

const WORKLOADS: [&str; 7] = ["cpu_count", "cpu_factorize", "interp_count", "io_sleep", "io_select", "io_socketpair", "mixed_convoy"];

fn gilvm() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gilvm"))
}

fn bench(args: &[&str]) -> String {
    let out = gilvm().arg("bench").args(args).output().expect("gilvm runs");
    assert!(out.status.success(), "gilvm bench {args:?} failed:\n{}", String::from_utf8_lossy(&out.stderr));
    // Not a terminal: the progress bar must stay silent.
    assert!(out.stderr.is_empty(), "stderr not empty: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The table has a header, a rule and one row per workload and thread count,
/// each with numbers where numbers belong.
#[test]
fn quick_table_has_a_row_per_workload_and_thread_count() {
    let text = bench(&["--quick", "--threads", "1,2"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("workload"), "{text}");
    let rows: Vec<Vec<&str>> = lines[2..].iter().map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(rows.len(), WORKLOADS.len() * 2, "{text}");
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row[0], WORKLOADS[i / 2], "{text}");
        assert!(["cpu", "interp", "io", "mixed"].contains(&row[1]), "{text}");
        assert_eq!(row[2].parse::<usize>().ok(), Some(1 + i % 2), "{text}");
        let wall: f64 = row[3].parse().expect("wall time parses");
        assert!(wall > 0.0, "{text}");
        let speedup: f64 = row[4].trim_end_matches('x').parse().expect("speedup parses");
        assert!(speedup > 0.0, "{text}");
        let switches: u64 = row[5].parse().expect("switch count parses");
        assert!(switches >= 1, "the main thread takes the GIL at least once: {text}");
        row[6].parse::<u64>().expect("forced drops parse");
        row[7].parse::<f64>().expect("mean wait parses");
        assert!(["s", "ms", "us"].contains(&row[8]), "{text}");
    }
    // One thread is the baseline of its own speedup.
    assert_eq!(rows[0][4], "1.00x", "{text}");
}

#[test]
fn json_has_every_field() {
    let text = bench(&["--quick", "--threads", "2", "--workloads", "cpu_count,io_sleep", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let results = doc["results"].as_array().expect("results array");
    assert_eq!(results.len(), 4, "1 and 2 threads for two workloads: {text}");
    for r in results {
        for field in ["wall_s", "speedup", "mean_gil_wait_s"] {
            assert!(r[field].as_f64().is_some_and(|v| v >= 0.0), "{field} in {r}");
        }
        for field in ["threads", "size", "gil_switches", "forced_drops"] {
            assert!(r[field].as_u64().is_some(), "{field} in {r}");
        }
        assert!(["cpu", "io"].contains(&r["kind"].as_str().unwrap_or("")), "{r}");
        assert!(r["compare"].is_null(), "{r}");
    }
}

fn temp_path(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("gilvm-test-{}-{name}", std::process::id()))
}

#[test]
fn svg_chart_is_well_formed_with_both_panels() {
    let path = temp_path("speedup.svg");
    let path_arg = path.to_str().expect("UTF-8 temp path");
    bench(&["--quick", "--threads", "2", "--workloads", "io_sleep", "--compare", "python3", "--svg", path_arg]);
    let svg = std::fs::read_to_string(&path).expect("the SVG was written");
    let _ = std::fs::remove_file(&path);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let texts: Vec<&str> = doc.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).map(str::trim).collect();
    for caption in ["gilvm: speedup over 1 thread", "python3: speedup over 1 thread", "io_sleep", "threads"] {
        assert!(texts.contains(&caption), "no text {caption:?} in {texts:?}");
    }
}

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("bench_") && n.ends_with(".py")))
        .collect();
    scripts.sort();
    scripts
}

/// Small sizes so the whole check takes a second or two.
fn small_size(script: &Path) -> &'static str {
    let name = script.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with("bench_cpu_count") || name.starts_with("bench_interp_count") {
        "20000"
    } else if name.starts_with("bench_cpu_factorize") {
        "3000"
    } else {
        "6"
    }
}

/// The script CPython runs to check `script`'s output: itself, or for the
/// interpreter workload (CPython 3.11 has no interpreters for scripts) the
/// thread version of the same work, which must print the same.
fn reference(script: &Path) -> PathBuf {
    match script.file_name().and_then(|n| n.to_str()) {
        Some("bench_interp_count.py") => script.with_file_name("bench_cpu_count.py"),
        _ => script.to_path_buf(),
    }
}

/// The interpreter workload runs under gilvm only: under `--compare python3`
/// its columns say `n/a` and its JSON `compare` is null, and the run succeeds.
#[test]
fn interpreter_workload_is_not_compared() {
    let args = ["--quick", "--threads", "1,2", "--workloads", "interp,cpu_count", "--compare", "python3"];
    let text = bench(&args);
    let rows: Vec<Vec<&str>> = text.lines().skip(2).map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(rows.len(), 4, "{text}");
    for row in &rows {
        let compared = &row[row.len() - 2..];
        match row[0] {
            "interp_count" => assert_eq!(compared, ["n/a", "n/a"], "{text}"),
            _ => assert!(compared[0].parse::<f64>().is_ok(), "{text}"),
        }
    }
    let json = bench(&[&args[..], &["--json"]].concat());
    let doc: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    for r in doc["results"].as_array().expect("results array") {
        assert_eq!(r["compare"].is_null(), r["kind"] == "interp", "{r}");
    }
}

#[test]
fn workload_scripts_print_what_cpython_prints() {
    let scripts = examples();
    assert_eq!(scripts.len(), WORKLOADS.len(), "{scripts:?}");
    for script in &scripts {
        for threads in ["1", "3"] {
            let args = [threads, small_size(script)];
            let ours = gilvm().arg(script).args(args).output().expect("gilvm runs");
            let theirs = Command::new("python3").arg(reference(script)).args(args).output().expect("python3 runs");
            assert!(ours.status.success(), "{script:?}: {}", String::from_utf8_lossy(&ours.stderr));
            assert!(theirs.status.success(), "{script:?} under python3: {}", String::from_utf8_lossy(&theirs.stderr));
            assert!(!ours.stdout.is_empty(), "{script:?} printed nothing");
            let stderr = String::from_utf8_lossy(&ours.stderr);
            assert!(stderr.starts_with("elapsed "), "{script:?} reports its time: {stderr}");
            assert_eq!(String::from_utf8_lossy(&ours.stdout), String::from_utf8_lossy(&theirs.stdout), "{script:?} {args:?}");
        }
    }
}
