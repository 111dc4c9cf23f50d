//! The bench results as a plain-text table, one row per workload and thread
//! count, numbers right-aligned.

use super::measure::Row;

pub fn render(rows: &[Row], compare: Option<&str>) -> String {
    let mut header = vec!["workload", "kind", "threads", "wall s", "speedup", "GIL switches", "forced drops", "mean GIL wait"]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    if let Some(name) = compare {
        let name = short_name(name);
        header.push(format!("{name} s"));
        header.push(format!("{name} speedup"));
    }
    let body: Vec<Vec<String>> = rows.iter().map(|row| cells(row, compare.is_some())).collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|i| body.iter().map(|r| r[i].len()).chain([header[i].len()]).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    push_line(&mut out, &header, &widths);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    push_line(&mut out, &rule, &widths);
    for cells in &body {
        push_line(&mut out, cells, &widths);
    }
    out
}

/// `/usr/bin/python3` is shown as `python3`.
fn short_name(interpreter: &str) -> &str {
    interpreter.rsplit('/').next().unwrap_or(interpreter)
}

fn cells(row: &Row, compare: bool) -> Vec<String> {
    let (switches, forced, wait) = match row.gilvm.gil {
        Some(g) => (g.switches.to_string(), g.forced_drops.to_string(), duration(g.mean_wait_s)),
        None => ("-".into(), "-".into(), "-".into()),
    };
    let mut cells = vec![
        row.workload.name.to_string(),
        row.workload.kind.name().to_string(),
        row.threads.to_string(),
        format!("{:.3}", row.gilvm.wall_s),
        ratio(row.gilvm.speedup),
        switches,
        forced,
        wait,
    ];
    if compare {
        match &row.other {
            Some(o) => cells.extend([format!("{:.3}", o.wall_s), ratio(o.speedup)]),
            // Not runnable there (interpreters need Python 3.14).
            None => cells.extend(["n/a".to_string(), "n/a".to_string()]),
        }
    }
    cells
}

/// Seconds in the unit that keeps three significant figures readable.
pub fn duration(seconds: f64) -> String {
    if seconds >= 1.0 {
        format!("{seconds:.2} s")
    } else if seconds >= 1e-3 {
        format!("{:.2} ms", seconds * 1e3)
    } else {
        format!("{:.1} us", seconds * 1e6)
    }
}

/// A speedup with two decimals, or two significant digits below 0.1 (a
/// convoyed I/O thread can be a hundred times slower, which `0.00x` would hide).
fn ratio(x: f64) -> String {
    if x >= 0.1 || x.is_nan() || x <= 0.0 {
        format!("{x:.2}x")
    } else {
        let decimals = (1 - x.log10().floor().max(-9.0) as i32).clamp(2, 6) as usize;
        format!("{x:.decimals$}x")
    }
}

/// Text columns (the first two) left-aligned, numbers right-aligned.
fn push_line(out: &mut String, cells: &[String], widths: &[usize]) {
    let mut line = String::new();
    for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
        if i > 0 {
            line.push_str("  ");
        }
        if i < 2 {
            line.push_str(&format!("{cell:<width$}"));
        } else {
            line.push_str(&format!("{cell:>width$}"));
        }
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::{duration, ratio};

    #[test]
    fn small_speedups_keep_two_significant_digits() {
        assert_eq!(ratio(1.0), "1.00x");
        assert_eq!(ratio(0.25), "0.25x");
        assert_eq!(ratio(0.0123), "0.012x");
        assert_eq!(ratio(0.00456), "0.0046x");
    }

    #[test]
    fn durations_pick_their_unit() {
        assert_eq!(duration(2.5), "2.50 s");
        assert_eq!(duration(0.0042), "4.20 ms");
        assert_eq!(duration(0.0000031), "3.1 us");
    }
}
