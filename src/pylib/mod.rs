//! Library modules written in gilvm's Python subset and bundled into the
//! binary, as CPython bundles its pure-Python standard library.

/// The source of bundled module `name` (dotted), and whether it is a package.
pub fn source(name: &str) -> Option<(&'static str, bool)> {
    let _ = name;
    None
}
