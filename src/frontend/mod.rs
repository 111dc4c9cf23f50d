//! The front end: source text to AST.
//!
//! `token` + `lexer` (logos) produce raw tokens; `indent` turns line structure
//! into NEWLINE / INDENT / DEDENT and matches brackets; the lalrpop grammar in
//! `grammar/python.lalrpop` builds the `ast` through `builder` (expressions,
//! whose depth it bounds), `statements` and `targets` (assignment targets);
//! `strings` decodes escapes, `strings_join` joins adjacent literals and
//! `fstring` splits f-strings, parsing their fields with the parser itself.
//! `parser` drives lalrpop and, with `hints`, words errors as CPython 3.11 does.
//! Nothing here knows about bytecode or runtime objects.

pub mod ast;
mod builder;
pub mod error;
mod fstring;
mod hints;
mod indent;
mod lexer;
mod parser;
mod statements;
mod strings;
mod strings_join;
pub(crate) mod targets;
mod token;
mod unicode_names;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_differential;

use std::borrow::Cow;

pub use error::{SyntaxError, SyntaxErrorKind};

use error::Diag;

/// What the source is expected to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A module: a sequence of statements.
    File,
    /// One interactive input (REPL): statements whose expression values are echoed.
    Interactive,
    /// A single expression (`eval`): parsed as a module holding one `Expr` statement.
    Eval,
}

/// Parses `source` into a module. Every error is a `SyntaxError` (or
/// `IndentationError`) positioned as CPython positions it.
pub fn parse(source: &str, filename: &str, mode: Mode) -> Result<ast::Module, SyntaxError> {
    let source = normalize_newlines(source);
    if let Some(at) = source.find('\0') {
        let line = source[..at].matches('\n').count() as u32 + 1;
        let loc = ast::Loc { line, col: 0 };
        let mut error = Diag::syntax("source code cannot contain null bytes", loc).into_error(filename, &source);
        // CPython shows the line only up to the NUL.
        error.text.truncate(error.text.find('\0').unwrap_or(error.text.len()));
        return Err(error);
    }
    parser::parse_module(&source, mode).map_err(|d| {
        let mut error = d.into_error(filename, &source);
        if error.message.starts_with("Exceeds the limit") {
            // CPython raises this one while converting the literal, without a column.
            error.offset = 0;
        }
        error
    })
}

/// True when `source` (an interactive input so far) needs more lines: an open
/// bracket, an unterminated triple-quoted string, a trailing backslash, a block
/// header without its body, or a compound statement not yet ended by a blank
/// line (as CPython's REPL reads it).
pub fn is_incomplete(source: &str) -> bool {
    let source = normalize_newlines(source);
    if source.contains('\0') {
        return false;
    }
    match parser::ends_too_early(&source) {
        Some(early) => early,
        None => {
            let Ok(module) = parser::parse_module(&source, Mode::Interactive) else { return false };
            let compound = module.body.iter().any(|s| !is_simple(&s.kind));
            let last_line = source.strip_suffix('\n').unwrap_or(&source).rsplit('\n').next().unwrap_or("");
            compound && !last_line.trim().is_empty()
        }
    }
}

fn is_simple(kind: &ast::StmtKind) -> bool {
    use ast::StmtKind::*;
    !matches!(kind, If { .. } | While { .. } | For { .. } | Try { .. } | With { .. } | FunctionDef(_) | ClassDef(_))
}

/// CPython reads `\r\n` and lone `\r` as `\n`; a leading byte-order mark is ignored.
fn normalize_newlines(source: &str) -> Cow<'_, str> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    if source.contains('\r') {
        Cow::Owned(source.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(source)
    }
}

/// Decodes a source file's bytes as CPython does: UTF-8 (a leading BOM is
/// dropped by `parse`), or Latin-1 when the first two lines declare it. Invalid
/// input is CPython's "Non-UTF-8 code" error, which has no line of its own
/// (`line == 0`: only its last line is printed).
pub fn decode_source(bytes: &[u8], filename: &str) -> Result<String, SyntaxError> {
    if declares_latin1(bytes) {
        return Ok(bytes.iter().map(|&b| b as char).collect());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            let byte = bytes.get(at).copied().unwrap_or(0);
            let message = format!(
                "Non-UTF-8 code starting with '\\x{byte:02x}' in file {filename} on line {line}, \
                 but no encoding declared; see https://peps.python.org/pep-0263/ for details"
            );
            Err(SyntaxError {
                kind: SyntaxErrorKind::SyntaxError,
                message,
                filename: filename.to_string(),
                line: 0,
                offset: 0,
                text: String::new(),
            })
        }
    }
}

/// A `coding: latin-1` declaration in a comment on one of the first two lines.
fn declares_latin1(bytes: &[u8]) -> bool {
    let head: Vec<&[u8]> = bytes.split(|&b| b == b'\n').take(2).collect();
    head.iter().any(|line| {
        let text = String::from_utf8_lossy(line).to_ascii_lowercase();
        let Some(comment) = text.trim_start().strip_prefix('#') else { return false };
        let Some(pos) = comment.find("coding") else { return false };
        let rest = comment[pos + 6..].trim_start_matches([':', '=']).trim_start();
        ["latin-1", "latin1", "iso-8859-1", "iso8859-1"].iter().any(|name| rest.starts_with(name))
    })
}
