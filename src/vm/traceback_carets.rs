//! The `^^^^` line under a traceback's source line (PEP 657), drawn exactly
//! as CPython 3.11's `tb_displayline` draws it:
//!
//! - the marks cover the columns of the expression that raised (`Span`); an
//!   expression running onto later lines is marked to the end of its first;
//! - a binary operation marks its operands `~` and its operator `^`, a
//!   subscript its value `~` and the `[...]` `^` — found by parsing the marked
//!   text again, as CPython does;
//! - there is no mark line when plain `^` would cover the whole line.

use crate::bytecode::Span;
use crate::frontend::ast::{ExprKind, StmtKind};
use crate::frontend::{parse, Mode};

/// The whitespace CPython strips from a source line before showing it.
pub fn is_indent(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\x0c')
}

/// The mark line for `raw` (the source line, unstripped) where the
/// instruction at `line` covers `span`, or `None` when nothing is drawn.
pub fn caret_line(raw: &str, line: u32, span: Span) -> Option<String> {
    let chars: Vec<char> = raw.chars().collect();
    let start = span.col as usize;
    let (end, anchors) = if span.end_line == line {
        let end = span.end_col as usize;
        (end, chars.get(start..end).and_then(|segment| anchors(segment).map(|(l, r)| (start + l, start + r))))
    } else {
        (chars.iter().rposition(|&c| !is_indent(c)).map_or(0, |i| i + 1), None)
    };
    if start >= end || end > chars.len() {
        return None;
    }
    let indent = chars.iter().take_while(|&&c| is_indent(c)).count();
    if end - start == chars.len() - indent && anchors.is_none() {
        return None;
    }
    // The shown line is indented four spaces in place of its own indentation.
    let mut out = String::from("    ");
    for j in indent..end {
        out.push(match anchors {
            _ if j < start => ' ',
            Some((left, right)) if left <= j && j < right => '^',
            Some(_) => '~',
            None => '^',
        });
    }
    Some(out)
}

/// For `left op right` the operator's columns, for `value[index]` those of
/// `[index]`, relative to the start of `segment`.
fn anchors(segment: &[char]) -> Option<(usize, usize)> {
    let text: String = segment.iter().collect();
    let module = parse(&text, "<traceback>", Mode::File).ok()?;
    let [statement] = module.body.as_slice() else { return None };
    let StmtKind::Expr(e) = &statement.kind else { return None };
    match &e.kind {
        ExprKind::BinOp { left, right, .. } if left.end.line == 1 && right.loc.line == 1 => {
            let (from, to) = (left.end.col as usize, right.loc.col as usize);
            // The operator: the first character after the left operand that is
            // neither blank nor the `)` of a parenthesised operand.
            let op = (from..to).find(|&i| segment.get(i).is_some_and(|&c| !is_indent(c) && c != ')'))?;
            let wide = op + 1 < to && segment.get(op + 1).is_some_and(|&c| !is_indent(c));
            Some((op, op + 1 + wide as usize))
        }
        ExprKind::Subscript { value, slice } if value.end.line == 1 && slice.end.line == 1 => {
            Some((value.end.col as usize, slice.end.col as usize + 1))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(raw: &str, col: u32, end_col: u32) -> Option<String> {
        caret_line(raw, 1, Span { col, end_line: 1, end_col })
    }

    #[test]
    fn whole_line_gets_no_marks() {
        assert_eq!(marks("    f(x)", 4, 8), None);
        assert_eq!(marks("f(x)", 0, 4), None);
    }

    #[test]
    fn part_of_a_line_is_marked() {
        assert_eq!(marks("    print(f(x))", 10, 14).as_deref(), Some("          ^^^^"));
    }

    #[test]
    fn operators_and_subscripts_get_anchors() {
        assert_eq!(marks("    return a[\"k\"] + 1", 11, 21).as_deref(), Some("           ~~~~~~~^~~"));
        assert_eq!(marks("x = a // b", 4, 10).as_deref(), Some("        ~~^^~~"));
        assert_eq!(marks("y = d[k]", 4, 8).as_deref(), Some("        ~^^^"));
        // Anchors are drawn even when the expression is the whole line.
        assert_eq!(marks("a + b", 0, 5).as_deref(), Some("    ~~^~~"));
    }

    #[test]
    fn a_later_line_ends_the_marks_at_the_first_line_end() {
        let span = Span { col: 4, end_line: 2, end_col: 1 };
        assert_eq!(caret_line("x = f(1,  ", 1, span).as_deref(), Some("        ^^^^"));
    }

    #[test]
    fn nonsense_spans_draw_nothing() {
        assert_eq!(marks("short", 3, 40), None);
        assert_eq!(marks("short", 4, 2), None);
    }
}
