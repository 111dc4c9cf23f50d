//! Errors found before a program runs: `SyntaxError` and `IndentationError`.
//! The compiler reports its own syntax errors with the same type.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    /// `unindent does not match any outer indentation level` is a `TabError`'s sibling in CPython,
    /// but both print as `IndentationError`; kept separate for `TabError` if ever needed.
    TabError,
    /// An expression nested too deeply to compile; CPython raises a
    /// `RecursionError` ("maximum recursion depth exceeded during compilation").
    RecursionError,
}

/// A compile-time error with the position CPython would report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub message: String,
    pub filename: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column of the caret, as CPython's `SyntaxError.offset`.
    pub offset: u32,
    /// The text of the offending line, without its newline.
    pub text: String,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
            SyntaxErrorKind::RecursionError => "RecursionError",
        }
    }
}

impl SyntaxError {
    /// Builds an error at `line`/`offset`, taking the line's text from `source`.
    pub fn new(
        kind: SyntaxErrorKind,
        message: impl Into<String>,
        filename: &str,
        source: &str,
        line: u32,
        offset: u32,
    ) -> SyntaxError {
        let text = source.lines().nth(line.saturating_sub(1) as usize).unwrap_or("").to_string();
        SyntaxError { kind, message: message.into(), filename: filename.to_string(), line, offset, text }
    }
}

/// Prints the error the way CPython does (a `RecursionError`, or an error with
/// no line such as undecodable source, is only its last line):
///
/// ```text
///   File "x.py", line 3
///     x = (1 +
///         ^
/// SyntaxError: '(' was never closed
/// ```
impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.kind == SyntaxErrorKind::RecursionError || self.line == 0 {
            return write!(f, "{}: {}", self.kind.name(), self.message);
        }
        writeln!(f, "  File \"{}\", line {}", self.filename, self.line)?;
        let trimmed = self.text.trim_start();
        if !trimmed.is_empty() {
            writeln!(f, "    {}", trimmed.trim_end())?;
        }
        // An offset of 0 means no column: no caret, as in CPython.
        if !trimmed.is_empty() && self.offset > 0 {
            let indent = self.text.chars().count() - trimmed.chars().count();
            let caret_col = (self.offset as usize).saturating_sub(1).saturating_sub(indent);
            writeln!(f, "    {}^", " ".repeat(caret_col))?;
        }
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for SyntaxError {}

/// An error found inside the front end, before it is given its file name and
/// line text. The caret goes under `loc` (offset = column + 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Diag {
    pub kind: SyntaxErrorKind,
    pub message: String,
    pub loc: super::ast::Loc,
}

impl Diag {
    pub fn syntax(message: impl Into<String>, loc: super::ast::Loc) -> Diag {
        Diag { kind: SyntaxErrorKind::SyntaxError, message: message.into(), loc }
    }

    pub fn indentation(message: impl Into<String>, loc: super::ast::Loc) -> Diag {
        Diag { kind: SyntaxErrorKind::IndentationError, message: message.into(), loc }
    }

    pub fn into_error(self, filename: &str, source: &str) -> SyntaxError {
        SyntaxError::new(self.kind, self.message, filename, source, self.loc.line, self.loc.col + 1)
    }
}
