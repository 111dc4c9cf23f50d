//! The front end: source text to AST.
//!
//! `lexer` (logos) produces raw tokens, `indent` turns line structure into
//! NEWLINE / INDENT / DEDENT, `fstring` splits f-strings into expressions, and
//! the lalrpop grammar in `grammar/python.lalrpop` builds the `ast`.
//! Nothing here knows about bytecode or runtime objects.

pub mod ast;
pub mod error;

pub use error::{SyntaxError, SyntaxErrorKind};

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
