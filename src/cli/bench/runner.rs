//! Runs one workload once, as a child process, and times it from outside.
//!
//! Both interpreters are timed the same way, from spawn to exit, so start-up
//! is included for both; the workloads run long enough for it not to matter.

use super::gil_figures::{self, GilFigures};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// One run's outcome.
pub struct Run {
    pub wall_s: f64,
    pub stdout: String,
    pub gil: Option<GilFigures>,
}

/// Runs `script THREADS SIZE` under this very binary, asking it for its GIL
/// statistics in `stats_file`.
pub fn gilvm(exe: &Path, script: &Path, threads: usize, size: u64, stats_file: &Path) -> Result<Run, String> {
    let mut command = Command::new(exe);
    command.arg("--gil-stats-json").arg(stats_file).arg(script);
    let mut run = timed(command, threads, size)?;
    run.gil = Some(gil_figures::read(stats_file)?);
    Ok(run)
}

/// Runs `script THREADS SIZE` under another interpreter (`--compare`).
pub fn other(interpreter: &str, script: &Path, threads: usize, size: u64) -> Result<Run, String> {
    let mut command = Command::new(interpreter);
    command.arg(script);
    timed(command, threads, size)
}

fn timed(mut command: Command, threads: usize, size: u64) -> Result<Run, String> {
    command.arg(threads.to_string()).arg(size.to_string());
    command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let describe = format!("{command:?}");
    let start = Instant::now();
    let output = command.output().map_err(|e| format!("cannot run {describe}: {e}"))?;
    let wall_s = start.elapsed().as_secs_f64();
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!("{describe} failed ({}):\n{stderr}", output.status));
    }
    Ok(Run { wall_s, stdout: String::from_utf8_lossy(&output.stdout).into_owned(), gil: None })
}
