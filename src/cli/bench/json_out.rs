//! `--json`: the results as one JSON object, for scripts and CI.

use super::measure::{Row, Side};
use serde_json::{json, Value};

pub fn render(rows: &[Row], compare: Option<&str>, quick: bool, repeat: usize) -> String {
    let results: Vec<Value> = rows.iter().map(row).collect();
    let doc = json!({
        "compare": compare,
        "quick": quick,
        "repeat": repeat,
        "cores": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        "results": results,
    });
    format!("{doc:#}\n")
}

fn row(row: &Row) -> Value {
    let gil = row.gilvm.gil;
    json!({
        "workload": row.workload.name,
        "kind": row.workload.kind.name(),
        "threads": row.threads,
        "size": row.size,
        "wall_s": row.gilvm.wall_s,
        "speedup": row.gilvm.speedup,
        "gil_switches": gil.map(|g| g.switches),
        "forced_drops": gil.map(|g| g.forced_drops),
        "mean_gil_wait_s": gil.map(|g| g.mean_wait_s),
        "compare": row.other.as_ref().map(side),
    })
}

fn side(side: &Side) -> Value {
    json!({ "wall_s": side.wall_s, "speedup": side.speedup })
}
