//! `--gil-stats`: the GIL figures as a text table, one row per thread and a
//! total row. Release columns appear only for the calls some thread made.

use std::time::Duration;

use crate::vm::gil_stats::{BlockingKind, GilReport, GilStatsSnapshot};

const FIXED_HEADERS: [&str; 9] = ["thread", "ident", "held ms", "wait ms", "mean ms", "max ms", "acquired", "drop req", "forced"];

pub fn render(report: &GilReport) -> String {
    let kinds: Vec<BlockingKind> = BlockingKind::ALL.into_iter().filter(|&k| report.total.releases_of(k) > 0).collect();
    let mut rows = vec![FIXED_HEADERS.iter().map(|h| h.to_string()).chain(kinds.iter().map(|k| k.name().to_string())).collect()];
    for row in &report.threads {
        rows.push(cells(row.name.clone(), row.ident.to_string(), &row.stats, &kinds));
    }
    rows.push(cells("total".into(), String::new(), &report.total, &kinds));
    let mut text = format!(
        "GIL statistics: wall time {:.3} s, switch interval {:.3} ms, {} switches\n",
        report.wall.as_secs_f64(),
        ms(report.switch_interval),
        report.switches
    );
    text.push_str(&align(&rows));
    if !kinds.is_empty() {
        text.push_str("(columns after \"forced\": voluntary releases of the GIL in blocking calls)\n");
    }
    text
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn cells(name: String, ident: String, s: &GilStatsSnapshot, kinds: &[BlockingKind]) -> Vec<String> {
    let mut cells = vec![
        name,
        ident,
        format!("{:.3}", ms(s.hold_total)),
        format!("{:.3}", ms(s.wait_total)),
        format!("{:.3}", ms(s.wait_mean())),
        format!("{:.3}", ms(s.wait_max)),
        s.acquisitions.to_string(),
        s.drop_requests.to_string(),
        s.forced_drops.to_string(),
    ];
    cells.extend(kinds.iter().map(|&k| s.releases_of(k).to_string()));
    cells
}

/// Pads the cells into columns: the thread name left-aligned, numbers right.
fn align(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns).map(|c| rows.iter().filter_map(|r| r.get(c)).map(|s| s.chars().count()).max().unwrap_or(0)).collect();
    let mut text = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, (cell, width)) in row.iter().zip(&widths).enumerate() {
            if c == 0 {
                line.push_str(&format!("{cell:<width$}"));
            } else {
                line.push_str(&format!("  {cell:>width$}"));
            }
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}
