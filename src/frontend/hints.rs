//! CPython's more specific wordings of a syntax error, found by looking at the
//! tokens around the point where the parser stopped.

use super::ast::Loc;
use super::error::Diag;
use super::indent::Spanned;
use super::token::Tok;

/// A better message for an unexpected `tokens[index]` (the end of input when
/// `index == tokens.len()`), given the terminals the parser `expects`, or
/// `None` for plain "invalid syntax".
pub fn hint(tokens: &[Spanned], index: usize, expects: &dyn Fn(&str) -> bool) -> Option<Diag> {
    if expects("except") && expects("finally") && !expects("else") {
        let here = tokens.get(index).map(|t| t.0);
        let at = if only_dedents_from(tokens, index) { last_newline(tokens, index).or(here)? } else { here? };
        return Some(Diag::syntax("expected 'except' or 'finally' block", at));
    }
    let (_, tok, _) = tokens.get(index)?;
    let prev = index.checked_sub(1).and_then(|i| tokens.get(i)).map(|t| &t.1);
    if expects("else") && !expects("elif") && *tok != Tok::Else {
        let if_index = matching_if(tokens, index)?;
        let start = expression_start(tokens, if_index.checked_sub(1)?);
        return Some(Diag::syntax("expected 'else' after 'if' expression", tokens.get(start)?.0));
    }
    if *tok != Tok::Colon && expects(":") && bracket_depth(&tokens[..index]) == 0 {
        let header = &tokens[line_start(tokens, index)].1;
        if matches!(header, Tok::Def | Tok::Try | Tok::Finally) {
            return Some(Diag::syntax("expected ':'", tokens[index].0));
        }
    }
    let after_separator = matches!(prev, Some(Tok::LPar | Tok::Comma));
    if *tok == Tok::LPar && after_separator && in_def_params(tokens, index) {
        return Some(Diag::syntax("Function parameters cannot be parenthesized", tokens[index].0));
    }
    let start = line_start(tokens, index);
    if tokens[start].1 == Tok::Def && index == start + 2 && expects("(") {
        return Some(Diag::syntax("expected '('", tokens[index].0));
    }
    if *tok == Tok::Assign {
        if let Some(open) = innermost_open(tokens, index) {
            let is_call = tokens[open].1 == Tok::LPar && open > 0 && ends_operand(&tokens[open - 1].1);
            let start = expression_start(tokens, index - 1);
            if is_call && start < index && !matches!(tokens[start].1, Tok::Star | Tok::DoubleStar) {
                let message = "expression cannot contain assignment, perhaps you meant \"==\"?";
                return Some(Diag::syntax(message, tokens[start].0));
            }
            if !is_call && matches!(tokens[index - 1].1, Tok::Name(_)) && !in_def_params(tokens, index) {
                let message = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
                return Some(Diag::syntax(message, tokens[index - 1].0));
            }
        }
    }
    if *tok == Tok::For {
        if let Some(open) = innermost_open(tokens, index) {
            if matches!(tokens[open].1, Tok::LSqb | Tok::LBrace) && has_top_level_comma(tokens, open, index) {
                let message = "did you forget parentheses around the comprehension target?";
                return Some(Diag::syntax(message, tokens.get(open + 1)?.0));
            }
        }
    }
    let prev = prev?;
    if matches!(tok, Tok::Comma | Tok::RBrace) && ends_operand(prev) && in_dict_display(tokens, index) {
        return Some(Diag::syntax("':' expected after dictionary key", tokens[index - 1].0));
    }
    if starts_operand(tok) && ends_operand(prev) {
        if let Some((_, Tok::Name(name), _)) = tokens.get(index - 1) {
            let line_start = index < 2 || is_line_boundary(&tokens[index - 2].1);
            if line_start && (name == "print" || name == "exec") {
                let message = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
                return Some(Diag::syntax(message, tokens[index - 1].0));
            }
        }
        if bracket_depth(&tokens[..index]) > 0 && !in_def_params(tokens, index) {
            let start = expression_start(tokens, index - 1);
            let at = tokens.get(start)?.0;
            return Some(Diag::syntax("invalid syntax. Perhaps you forgot a comma?", at));
        }
    }
    None
}

/// Index of the first token of the logical line holding `tokens[index]`.
fn line_start(tokens: &[Spanned], index: usize) -> usize {
    let mut start = index.min(tokens.len().saturating_sub(1));
    while start > 0 && !is_line_boundary(&tokens[start - 1].1) {
        start -= 1;
    }
    start
}

/// Index of the innermost bracket still open before `tokens[index]`.
fn innermost_open(tokens: &[Spanned], index: usize) -> Option<usize> {
    let mut depth = 0i64;
    for i in (0..index).rev() {
        let tok = &tokens[i].1;
        if tok.closes().is_some() {
            depth += 1;
        } else if tok.opens().is_some() {
            if depth == 0 {
                return Some(i);
            }
            depth -= 1;
        }
    }
    None
}

/// Whether `tokens[index]` is directly inside a `def`'s parameter list.
fn in_def_params(tokens: &[Spanned], index: usize) -> bool {
    let start = line_start(tokens, index);
    tokens[start].1 == Tok::Def && innermost_open(tokens, index) == Some(start + 2)
}

/// Whether `tokens[index]` is directly inside a `{...}` that already has a
/// `key: value` pair.
fn in_dict_display(tokens: &[Spanned], index: usize) -> bool {
    let Some(open) = innermost_open(tokens, index) else { return false };
    if tokens[open].1 != Tok::LBrace {
        return false;
    }
    let mut depth = 0i64;
    tokens[open + 1..index].iter().any(|t| {
        depth += t.1.opens().is_some() as i64 - t.1.closes().is_some() as i64;
        depth == 0 && t.1 == Tok::Colon
    })
}

/// Whether a comma separates items directly inside the bracket at `open`.
fn has_top_level_comma(tokens: &[Spanned], open: usize, index: usize) -> bool {
    let mut depth = 0i64;
    tokens[open + 1..index].iter().any(|t| {
        depth += t.1.opens().is_some() as i64 - t.1.closes().is_some() as i64;
        depth == 0 && t.1 == Tok::Comma
    })
}

fn only_dedents_from(tokens: &[Spanned], index: usize) -> bool {
    tokens.get(index..).unwrap_or(&[]).iter().all(|t| t.1 == Tok::Dedent)
}

fn last_newline(tokens: &[Spanned], index: usize) -> Option<Loc> {
    tokens.get(..index).unwrap_or(tokens).iter().rev().find(|t| t.1 == Tok::Newline).map(|t| t.0)
}

pub fn is_line_boundary(tok: &Tok) -> bool {
    matches!(tok, Tok::Newline | Tok::Indent | Tok::Dedent | Tok::StartFile | Tok::StartEval | Tok::StartField)
}

fn bracket_depth(tokens: &[Spanned]) -> i64 {
    tokens.iter().fold(0, |d, t| d + t.1.opens().is_some() as i64 - t.1.closes().is_some() as i64)
}

fn starts_operand(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::Name(_) | Tok::Number(_) | Tok::Str(_) | Tok::True | Tok::False | Tok::None | Tok::Ellipsis
            | Tok::LPar | Tok::LSqb | Tok::LBrace
    )
}

fn ends_operand(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::Name(_) | Tok::Number(_) | Tok::Str(_) | Tok::True | Tok::False | Tok::None | Tok::Ellipsis
            | Tok::RPar | Tok::RSqb | Tok::RBrace
    )
}

/// The `if` of the conditional expression being parsed at `index`.
fn matching_if(tokens: &[Spanned], index: usize) -> Option<usize> {
    let mut depth = 0i64;
    for i in (0..index).rev() {
        let tok = &tokens[i].1;
        if tok.closes().is_some() {
            depth += 1;
        } else if tok.opens().is_some() {
            if depth == 0 {
                return None;
            }
            depth -= 1;
        } else if depth == 0 && *tok == Tok::If {
            return Some(i);
        } else if depth == 0 && is_line_boundary(tok) {
            return None;
        }
    }
    None
}

/// Index of the first token of the expression that ends at `tokens[last]`:
/// walks back over balanced brackets to a separator at the same level.
fn expression_start(tokens: &[Spanned], last: usize) -> usize {
    let mut depth = 0i64;
    let mut i = last;
    loop {
        let tok = &tokens[i].1;
        if tok.closes().is_some() {
            depth += 1;
        } else if tok.opens().is_some() {
            if depth == 0 {
                return i + 1;
            }
            depth -= 1;
        } else if depth == 0 && separates_expressions(tok) {
            return i + 1;
        }
        if i == 0 {
            return 0;
        }
        i -= 1;
    }
}

fn separates_expressions(tok: &Tok) -> bool {
    is_line_boundary(tok)
        || matches!(
            tok,
            Tok::Comma
                | Tok::Assign
                | Tok::Colon
                | Tok::Semi
                | Tok::If
                | Tok::Else
                | Tok::For
                | Tok::Lambda
                | Tok::Return
                | Tok::Yield
                | Tok::Del
                | Tok::Assert
                | Tok::Raise
                | Tok::While
                | Tok::With
                | Tok::As
                | Tok::Import
                | Tok::From
                | Tok::Elif
                | Tok::Walrus
                | Tok::Arrow
                | Tok::PlusEqual
                | Tok::MinusEqual
                | Tok::StarEqual
                | Tok::SlashEqual
        )
}
