//! Character names for `\N{...}` escapes.

/// The character called `name` (case-insensitive, as in CPython), if any.
pub fn lookup(name: &str) -> Option<char> {
    unicode_names2::character(&name.to_ascii_uppercase())
}
