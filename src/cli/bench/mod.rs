//! `gilvm bench`: runs the bundled workloads (`examples/bench_*.py`) at several
//! thread counts, each run a child process of this binary, and shows what the
//! GIL does to CPU-bound, I/O-bound and mixed threads: wall time, speedup over
//! one thread, and the GIL figures each child reports with `--gil-stats-json`.

mod chart;
mod gil_figures;
mod json_out;
mod measure;
mod runner;
mod table;
mod workloads;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use measure::Plan;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Args)]
pub struct BenchArgs {
    /// Thread counts to run each workload at (1 is always added: speedups are over it).
    #[arg(long, value_delimiter = ',', default_value = "1,2,4,8", value_name = "N,...")]
    pub threads: Vec<usize>,
    /// Only the workloads whose name contains one of these, or of these kinds (cpu, io, mixed).
    #[arg(long, value_delimiter = ',', value_name = "NAME,...")]
    pub workloads: Vec<String>,
    /// Runs of each configuration; the table shows the median.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub repeat: usize,
    /// Small sizes: the whole bench takes seconds (for tests and a first look).
    #[arg(long)]
    pub quick: bool,
    /// Also run the scripts under this interpreter (e.g. python3) and show its columns.
    #[arg(long, value_name = "INTERPRETER")]
    pub compare: Option<String>,
    /// Draw the speedup chart into FILE (SVG).
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// Print the results as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Runs the bench; returns the process exit code.
pub fn main(args: BenchArgs) -> i32 {
    match run(args) {
        Ok(()) => 0,
        Err(message) => {
            eprintln!("gilvm bench: {message}");
            1
        }
    }
}

fn run(args: BenchArgs) -> Result<(), String> {
    let plan = plan(&args)?;
    let dir = workloads::ScriptDir::create(&plan.workloads).map_err(|e| format!("cannot write the scripts: {e}"))?;
    let progress = progress_bar(plan.runs());
    let rows = measure::measure(&plan, &dir, &progress);
    progress.finish_and_clear();
    let rows = rows?;
    let compare = plan.compare.as_deref();
    if args.json {
        print!("{}", json_out::render(&rows, compare, plan.quick, plan.repeat));
    } else {
        print!("{}", table::render(&rows, compare));
    }
    if let Some(path) = &args.svg {
        chart::write(path, &rows, compare)?;
    }
    Ok(())
}

fn plan(args: &BenchArgs) -> Result<Plan, String> {
    let workloads = workloads::select(&args.workloads);
    if workloads.is_empty() {
        let names: Vec<&str> = workloads::ALL.iter().map(|w| w.name).collect();
        return Err(format!("no workload matches {:?}; there are: {}", args.workloads, names.join(", ")));
    }
    if let Some(&bad) = args.threads.iter().find(|&&n| n == 0 || n > 256) {
        return Err(format!("thread count {bad} is out of range 1..=256"));
    }
    if args.repeat == 0 {
        return Err("--repeat must be at least 1".into());
    }
    let mut threads = args.threads.clone();
    threads.push(1);
    threads.sort_unstable();
    threads.dedup();
    Ok(Plan { workloads, threads, repeat: args.repeat, quick: args.quick, compare: args.compare.clone() })
}

/// A bar on stderr for a person at a terminal; nothing when stderr is a pipe or file.
fn progress_bar(runs: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(runs);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} runs  {msg}") {
        bar.set_style(style);
    }
    bar
}
