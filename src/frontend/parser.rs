//! Drives the lalrpop parser over the token stream and words its errors as
//! CPython does.

use std::cell::Cell;

use lalrpop_util::{lalrpop_mod, ParseError};

use super::ast::{Loc, Module};
use super::builder::{expr_stmt, Ex, PErr, R};
use super::error::{Diag, SyntaxErrorKind};
use super::hints::{hint, is_line_boundary};
use super::indent::{tokenize, Layout, Spanned, Tokens};
use super::token::Tok;
use super::Mode;

lalrpop_mod!(
    #[allow(clippy::all, unused_parens, unused_imports, dead_code)]
    python,
    "/python.rs"
);

/// What the grammar's entry point produced.
pub enum Parsed {
    Module(Module),
    Expr(Ex),
}

pub fn parse_module(source: &str, mode: Mode) -> Result<Module, Diag> {
    let layout = if mode == Mode::Eval { Layout::Expression } else { Layout::Statements };
    let tokens = tokenize(source, layout, Loc { line: 1, col: 0 });
    match run(&tokens)? {
        Parsed::Module(m) => Ok(m),
        Parsed::Expr(e) => Ok(Module { body: vec![expr_stmt(e)] }),
    }
}

/// Parses the expression of an f-string field, found at `loc` in the source.
pub fn parse_field(text: &str, loc: Loc) -> R<Ex> {
    let in_fstring = |mut d: Diag| {
        if d.message.starts_with("invalid syntax") {
            d.message = format!("f-string: {}", d.message);
        }
        ParseError::User { error: d }
    };
    let tokens = tokenize(text, Layout::Field, loc);
    match run(&tokens).map_err(in_fstring)? {
        Parsed::Expr(e) => Ok(e),
        Parsed::Module(_) => Err(in_fstring(Diag::syntax("invalid syntax", loc))),
    }
}

fn run(tokens: &Tokens) -> Result<Parsed, Diag> {
    let result = run_raw(tokens);
    if let Some(stop) = &tokens.stop {
        // An indentation error counts only if the parser got that far; any
        // other tokenizer error wins over a parser error (CPython tokenizes the
        // rest of the source to look for one), except an unexpected indent.
        let reached = matches!(result, Ok(_) | Err((ParseError::UnrecognizedEof { .. }, _)));
        let unexpected_indent =
            matches!(&result, Err((ParseError::UnrecognizedToken { token: (_, Tok::Indent, _), .. }, _)));
        let wins = if stop.kind == SyntaxErrorKind::SyntaxError { !unexpected_indent } else { reached };
        if wins {
            return Err(stop.clone());
        }
    }
    result.map_err(|(e, pulled)| prefer_unclosed(e, tokens, pulled))
}

/// Runs the parser; an error comes with how many tokens had been read.
fn run_raw(tokens: &Tokens) -> Result<Parsed, (PErr, usize)> {
    let pulled = Cell::new(0usize);
    let stream = tokens.list.iter().map(|t| {
        pulled.set(pulled.get() + 1);
        Ok::<Spanned, Diag>(t.clone())
    });
    python::TopParser::new().parse(stream).map_err(|e| (e, pulled.get()))
}

/// For the REPL: `Some(true)` when `source` fails only because it ended too
/// early, `Some(false)` when it has a real error, `None` when it parses.
pub fn ends_too_early(source: &str) -> Option<bool> {
    let tokens = tokenize(source, Layout::Statements, Loc { line: 1, col: 0 });
    if let Some(d) = &tokens.stop {
        let unfinished = d.message.starts_with("unterminated triple-quoted string literal")
            || d.message == "unexpected EOF while parsing";
        return Some(unfinished);
    }
    if tokens.unclosed.is_some() {
        return Some(true);
    }
    match run_raw(&tokens) {
        Ok(_) => None,
        Err((ParseError::UnrecognizedEof { .. }, _)) => Some(true),
        Err((ParseError::UnrecognizedToken { .. }, pulled)) => {
            let rest = tokens.list.get(pulled.saturating_sub(1)..).unwrap_or(&[]);
            Some(rest.iter().all(|t| t.1 == Tok::Dedent))
        }
        Err(_) => Some(false),
    }
}

/// A bracket left open wins over a parser error at the end of input, over
/// one found on a later line than the bracket, and over a missing-comma guess (the
/// bracket's contents were cut short), as in CPython.
fn prefer_unclosed(e: PErr, tokens: &Tokens, pulled: usize) -> Diag {
    let at_eof = matches!(e, ParseError::UnrecognizedEof { .. });
    // CPython compares the line of the last token read, not the error's own.
    let last_line = tokens.list.get(pulled.saturating_sub(1)).map_or(0, |t| t.0.line);
    let diag = describe(e, &tokens.list, pulled);
    match &tokens.unclosed {
        _ if diag.message == "unexpected indent" => diag,
        Some(u) if at_eof || diag.message.contains("forgot a comma") || last_line > u.loc.line => u.clone(),
        _ => diag,
    }
}

fn expects(expected: &[String], terminal: &str) -> bool {
    expected.iter().any(|e| e.trim_matches('"') == terminal)
}

/// Turns a parser error into CPython's message and position. `pulled` is how
/// many tokens the parser had read: the last one is the offending token.
fn describe(e: PErr, tokens: &[Spanned], pulled: usize) -> Diag {
    match e {
        ParseError::User { error } => error,
        ParseError::InvalidToken { location } => Diag::syntax("invalid syntax", location),
        ParseError::UnrecognizedEof { location, expected } => {
            if expects(&expected, "INDENT") {
                let at = tokens.last().map_or(location, |t| t.0);
                return Diag::indentation(block_header_message(tokens, tokens.len()), at);
            }
            let expects = |terminal: &str| expects(&expected, terminal);
            hint(tokens, tokens.len(), &expects).unwrap_or_else(|| Diag::syntax("invalid syntax", location))
        }
        ParseError::UnrecognizedToken { token: (loc, tok, _), expected } => {
            if tok == Tok::Indent {
                // CPython's caret lands on the last character of the indentation.
                let at = Loc { line: loc.line, col: loc.col.saturating_sub(1) };
                return Diag::indentation("unexpected indent", at);
            }
            let index = pulled.saturating_sub(1);
            if expects(&expected, "INDENT") {
                return Diag::indentation(block_header_message(tokens, index), loc);
            }
            if tok == Tok::Newline && expects(&expected, ":") {
                return Diag::syntax("expected ':'", loc);
            }
            let expects = |terminal: &str| expects(&expected, terminal);
            hint(tokens, index, &expects).unwrap_or_else(|| Diag::syntax("invalid syntax", loc))
        }
        ParseError::ExtraToken { token: (loc, _, _) } => Diag::syntax("invalid syntax", loc),
    }
}

/// "expected an indented block after 'if' statement on line 3": finds the
/// header of the block that should start at `tokens[index]`.
fn block_header_message(tokens: &[Spanned], index: usize) -> String {
    let mut start = index.min(tokens.len()).saturating_sub(1);
    while start > 0 && !is_line_boundary(&tokens[start - 1].1) {
        start -= 1;
    }
    let Some((loc, tok, _)) = tokens.get(start) else {
        return "expected an indented block".to_string();
    };
    let what = match tok {
        Tok::Def => "function definition".to_string(),
        Tok::Class => "class definition".to_string(),
        Tok::If => "'if' statement".to_string(),
        Tok::Elif => "'elif' statement".to_string(),
        Tok::Else => "'else' statement".to_string(),
        Tok::While => "'while' statement".to_string(),
        Tok::For => "'for' statement".to_string(),
        Tok::Try => "'try' statement".to_string(),
        Tok::Except => "'except' statement".to_string(),
        Tok::Finally => "'finally' statement".to_string(),
        Tok::With => "'with' statement".to_string(),
        _ => return "expected an indented block".to_string(),
    };
    format!("expected an indented block after {what} on line {}", loc.line)
}
