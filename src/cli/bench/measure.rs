//! Runs the plan: every workload at every thread count, `repeat` times under
//! gilvm (and under the `--compare` interpreter right after, so both see the
//! same machine load), keeping the median run of each.

use super::gil_figures::GilFigures;
use super::runner::{self, Run};
use super::workloads::{ScriptDir, Workload};
use indicatif::ProgressBar;

/// What to run.
pub struct Plan {
    pub workloads: Vec<&'static Workload>,
    /// Sorted, without duplicates, starting at 1 (the baseline of speedups).
    pub threads: Vec<usize>,
    pub repeat: usize,
    pub quick: bool,
    pub compare: Option<String>,
}

impl Plan {
    pub fn runs(&self) -> u64 {
        let compared = if self.compare.is_some() { self.workloads.iter().filter(|w| w.comparable()).count() } else { 0 };
        ((self.workloads.len() + compared) * self.threads.len() * self.repeat) as u64
    }
}

/// One interpreter's median run of one configuration.
pub struct Side {
    pub wall_s: f64,
    /// Wall time at one thread over wall time here.
    pub speedup: f64,
    /// Only gilvm reports them.
    pub gil: Option<GilFigures>,
}

/// One workload at one thread count.
pub struct Row {
    pub workload: &'static Workload,
    pub threads: usize,
    pub size: u64,
    pub gilvm: Side,
    pub other: Option<Side>,
}

pub fn measure(plan: &Plan, dir: &ScriptDir, progress: &ProgressBar) -> Result<Vec<Row>, String> {
    let configs: Vec<(&'static Workload, usize)> =
        plan.workloads.iter().flat_map(|&w| plan.threads.iter().map(move |&t| (w, t))).collect();
    let mut gilvm_runs: Vec<Vec<Run>> = configs.iter().map(|_| Vec::new()).collect();
    let mut other_runs: Vec<Vec<Run>> = configs.iter().map(|_| Vec::new()).collect();
    // Round after round over every configuration, rather than all repeats of
    // one at once: a load that comes and goes on the machine then spreads
    // over all of them instead of skewing a few.
    for round in 1..=plan.repeat {
        for (i, &(workload, threads)) in configs.iter().enumerate() {
            let plural = if threads == 1 { "" } else { "s" };
            progress.set_message(format!("round {round}: {} on {threads} thread{plural}", workload.name));
            let (run, other) = run_config(plan, dir, workload, threads, progress)?;
            gilvm_runs[i].push(run);
            other_runs[i].extend(other);
        }
    }
    let mut rows = Vec::new();
    for ((&(workload, threads), gilvm), other) in configs.iter().zip(gilvm_runs).zip(other_runs) {
        let gilvm = median(gilvm).ok_or("no run")?;
        rows.push(Row { workload, threads, size: workload.size(plan.quick), gilvm, other: median(other) });
    }
    fill_speedups(&mut rows);
    Ok(rows)
}

/// One run under gilvm, then one under the `--compare` interpreter.
fn run_config(
    plan: &Plan,
    dir: &ScriptDir,
    workload: &Workload,
    threads: usize,
    progress: &ProgressBar,
) -> Result<(Run, Option<Run>), String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find the gilvm binary: {e}"))?;
    let script = dir.script(workload);
    let size = workload.size(plan.quick);
    let run = runner::gilvm(&exe, &script, threads, size, &dir.path().join("gil-stats.json"))?;
    progress.inc(1);
    let Some(interpreter) = plan.compare.as_ref().filter(|_| workload.comparable()) else {
        return Ok((run, None));
    };
    let other = runner::other(interpreter, &script, threads, size)?;
    progress.inc(1);
    check_same_output(workload, interpreter, &run, &other)?;
    Ok((run, Some(other)))
}

/// The workloads print results that do not depend on the interpreter: a
/// difference means one of them computed something else, and its time would
/// compare nothing.
fn check_same_output(workload: &Workload, interpreter: &str, gilvm: &Run, other: &Run) -> Result<(), String> {
    if gilvm.stdout == other.stdout {
        return Ok(());
    }
    Err(format!(
        "{}: gilvm printed {:?} but {interpreter} printed {:?}",
        workload.file_name(),
        gilvm.stdout.trim_end(),
        other.stdout.trim_end()
    ))
}

/// The run of median wall time, with its own GIL figures.
fn median(mut runs: Vec<Run>) -> Option<Side> {
    runs.sort_by(|a, b| a.wall_s.total_cmp(&b.wall_s));
    let run = runs.get(runs.len() / 2)?;
    Some(Side { wall_s: run.wall_s, speedup: 1.0, gil: run.gil })
}

fn fill_speedups(rows: &mut [Row]) {
    let baselines: Vec<(&'static str, f64, Option<f64>)> = rows
        .iter()
        .filter(|r| r.threads == 1)
        .map(|r| (r.workload.name, r.gilvm.wall_s, r.other.as_ref().map(|o| o.wall_s)))
        .collect();
    for row in rows.iter_mut() {
        let Some(&(_, gilvm_base, other_base)) = baselines.iter().find(|b| b.0 == row.workload.name) else {
            continue;
        };
        row.gilvm.speedup = gilvm_base / row.gilvm.wall_s;
        if let (Some(other), Some(base)) = (row.other.as_mut(), other_base) {
            other.speedup = base / other.wall_s;
        }
    }
}
