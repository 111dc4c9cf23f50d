//! Library modules written in gilvm's Python subset and bundled into the
//! binary, as CPython bundles its pure-Python standard library.
//!
//! The sources are plain `.py` files beside this one, so they can be tested
//! under CPython too (`PYTHONPATH=src/pylib python3 script.py`).

/// Every bundled module: dotted name, source, whether it is a package.
const BUNDLED: &[(&str, &str, bool)] = &[
    ("threading", include_str!("threading.py"), false),
    ("queue", include_str!("queue.py"), false),
    ("heapq", include_str!("heapq.py"), false),
    ("random", include_str!("random.py"), false),
    ("traceback", include_str!("traceback.py"), false),
    ("io", include_str!("io.py"), false),
    ("logging", include_str!("logging/__init__.py"), true),
    ("concurrent", include_str!("concurrent/__init__.py"), true),
    ("concurrent.futures", include_str!("concurrent/futures/__init__.py"), true),
    ("concurrent.futures._base", include_str!("concurrent/futures/_base.py"), false),
    ("concurrent.futures.thread", include_str!("concurrent/futures/thread.py"), false),
    ("concurrent.futures.interpreter", include_str!("concurrent/futures/interpreter.py"), false),
    ("concurrent.interpreters", include_str!("concurrent/interpreters/__init__.py"), true),
    ("concurrent.interpreters._queues", include_str!("concurrent/interpreters/_queues.py"), false),
];

/// The source of bundled module `name` (dotted), and whether it is a package.
pub fn source(name: &str) -> Option<(&'static str, bool)> {
    BUNDLED
        .iter()
        .find(|(bundled, _, _)| *bundled == name)
        .map(|&(_, source, is_package)| (source, is_package))
}

#[cfg(test)]
mod tests {
    use super::{source, BUNDLED};
    use crate::frontend::Mode;

    #[test]
    fn packages_and_modules_are_found() {
        assert_eq!(source("concurrent.futures").map(|s| s.1), Some(true));
        assert_eq!(source("threading").map(|s| s.1), Some(false));
        assert!(source("concurrent.futures.process").is_none());
        assert!(source("").is_none());
    }

    /// A module the subset cannot compile would only fail at import time.
    #[test]
    fn every_bundled_module_compiles() {
        for (name, text, _) in BUNDLED {
            let filename = format!("<frozen {name}>");
            if let Err(err) = crate::vm::run::compile(text, &filename, Mode::File) {
                panic!("{name} does not compile: {err}");
            }
        }
    }
}
