//! The bundled workloads: the `examples/bench_*.py` scripts, compiled into the
//! binary so `gilvm bench` works from any directory, and written to a
//! temporary directory when a run needs them as files.

use std::path::{Path, PathBuf};

/// What a workload spends its time on, which decides what its speedup means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Cpu,
    /// CPU-bound, split over interpreters (each with its own GIL), not threads.
    Interp,
    Io,
    Mixed,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Cpu => "cpu",
            Kind::Interp => "interp",
            Kind::Io => "io",
            Kind::Mixed => "mixed",
        }
    }
}

/// One script and the sizes it runs at (`argv[2]`); `argv[1]` is the thread count.
pub struct Workload {
    pub name: &'static str,
    pub kind: Kind,
    source: &'static str,
    size: u64,
    quick_size: u64,
}

impl Workload {
    pub fn file_name(&self) -> String {
        format!("bench_{}.py", self.name)
    }

    /// Whether `--compare` can run it: CPython before 3.14 has no
    /// interpreters for scripts, so its columns stay empty there.
    pub fn comparable(&self) -> bool {
        self.kind != Kind::Interp
    }

    pub fn size(&self, quick: bool) -> u64 {
        if quick {
            self.quick_size
        } else {
            self.size
        }
    }
}

/// Every workload, CPU-bound first (the threads, then the same work over
/// interpreters). Sizes give about half a second to a second
/// per run at one thread under gilvm; the quick sizes a tenth of that.
pub const ALL: [Workload; 7] = [
    Workload {
        name: "cpu_count",
        kind: Kind::Cpu,
        source: include_str!("../../../examples/bench_cpu_count.py"),
        size: 2_000_000,
        quick_size: 100_000,
    },
    Workload {
        name: "cpu_factorize",
        kind: Kind::Cpu,
        source: include_str!("../../../examples/bench_cpu_factorize.py"),
        size: 250_000,
        quick_size: 15_000,
    },
    Workload {
        name: "interp_count",
        kind: Kind::Interp,
        source: include_str!("../../../examples/bench_interp_count.py"),
        size: 2_000_000,
        quick_size: 100_000,
    },
    Workload {
        name: "io_sleep",
        kind: Kind::Io,
        source: include_str!("../../../examples/bench_io_sleep.py"),
        size: 64,
        quick_size: 8,
    },
    Workload {
        name: "io_select",
        kind: Kind::Io,
        source: include_str!("../../../examples/bench_io_select.py"),
        size: 64,
        quick_size: 8,
    },
    Workload {
        name: "io_socketpair",
        kind: Kind::Io,
        source: include_str!("../../../examples/bench_io_socketpair.py"),
        size: 128,
        quick_size: 16,
    },
    Workload {
        name: "mixed_convoy",
        kind: Kind::Mixed,
        source: include_str!("../../../examples/bench_mixed_convoy.py"),
        size: 200,
        quick_size: 20,
    },
];

/// The workloads whose name or kind contains one of `filters` (all when empty).
pub fn select(filters: &[String]) -> Vec<&'static Workload> {
    ALL.iter()
        .filter(|w| filters.is_empty() || filters.iter().any(|f| w.name.contains(f.as_str()) || w.kind.name() == f))
        .collect()
}

/// A temporary directory holding the scripts, removed when dropped.
pub struct ScriptDir {
    path: PathBuf,
}

impl ScriptDir {
    pub fn create(workloads: &[&Workload]) -> std::io::Result<ScriptDir> {
        let path = std::env::temp_dir().join(format!("gilvm-bench-{}", std::process::id()));
        std::fs::create_dir_all(&path)?;
        let dir = ScriptDir { path };
        for w in workloads {
            std::fs::write(dir.script(w), w.source)?;
        }
        Ok(dir)
    }

    pub fn script(&self, w: &Workload) -> PathBuf {
        self.path.join(w.file_name())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for ScriptDir {
    fn drop(&mut self) {
        // Best effort: a leftover directory in the temp dir harms nothing.
        let _ = std::fs::remove_dir_all(&self.path);
    }
}
