//! Runs one workload once, as a child process.
//!
//! The time is the one the script reports on stderr (`elapsed SECONDS`, taken
//! with `time.perf_counter` around its work), not the child's lifetime: on a
//! loaded machine an interpreter's start-up alone can take longer than the
//! work, and it would hide the effect of the threads.

use super::gil_figures::{self, GilFigures};
use std::path::Path;
use std::process::{Command, Stdio};

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
    let output = command.output().map_err(|e| format!("cannot run {describe}: {e}"))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!("{describe} failed ({}):\n{stderr}", output.status));
    }
    let wall_s = elapsed(&stderr).ok_or_else(|| format!("{describe} reported no `elapsed SECONDS` on stderr:\n{stderr}"))?;
    Ok(Run { wall_s, stdout: String::from_utf8_lossy(&output.stdout).into_owned(), gil: None })
}

/// The seconds on the last `elapsed` line.
fn elapsed(stderr: &str) -> Option<f64> {
    let seconds = stderr.lines().rev().find_map(|l| l.strip_prefix("elapsed "))?;
    seconds.trim().parse().ok().filter(|s: &f64| s.is_finite() && *s > 0.0)
}

#[cfg(test)]
mod tests {
    use super::elapsed;

    #[test]
    fn the_last_elapsed_line_is_the_time() {
        assert_eq!(elapsed("warning\nelapsed 0.5\n"), Some(0.5));
        assert_eq!(elapsed("elapsed 1\nelapsed 2.25\n"), Some(2.25));
        assert_eq!(elapsed("no time here\n"), None);
        assert_eq!(elapsed("elapsed soon\n"), None);
    }
}
