//! Implicit concatenation of adjacent string literals (`"a" 'b' f"{c}"`).

use super::ast::*;
use super::builder::{err, node, Ex, R};
use super::fstring::parse_fstring;
use super::token::{StrLit, StrValue};

/// Joins the literals `(start, literal, end)` of one atom into a constant, or a
/// `JoinedStr` when any of them is an f-string.
pub fn join_strings(parts: Vec<(Loc, Box<StrLit>, Loc)>) -> R<Ex> {
    let loc = parts.first().map(|p| p.0).unwrap_or_default();
    let end = parts.last().map(|p| p.2).unwrap_or_default();
    let bytes = parts.iter().filter(|p| matches!(p.1.value, StrValue::Bytes(_))).count();
    if bytes != 0 && bytes != parts.len() {
        return err("cannot mix bytes and nonbytes literals", end);
    }
    if bytes != 0 {
        let mut all = Vec::new();
        for (_, lit, _) in parts {
            if let StrValue::Bytes(b) = lit.value {
                all.extend(b);
            }
        }
        return Ok(super::builder::constant(loc, Constant::Bytes(all)));
    }
    let any_fstring = parts.iter().any(|p| matches!(p.1.value, StrValue::FString { .. }));
    if !any_fstring {
        let mut all = String::new();
        for (_, lit, _) in parts {
            if let StrValue::Str(s) = lit.value {
                all.push_str(&s);
            }
        }
        return Ok(super::builder::constant(loc, Constant::Str(all)));
    }
    let mut pieces = Pieces { loc, values: Vec::new(), text: String::new(), depth: 0 };
    for (start, lit, _) in parts {
        match lit.value {
            StrValue::Str(s) => pieces.text.push_str(&s),
            StrValue::FString { body, raw } => {
                let body_loc = Loc { line: start.line, col: start.col + lit.body_offset };
                for piece in parse_fstring(&body, raw, body_loc, loc, end)? {
                    pieces.push(piece);
                }
            }
            StrValue::Bytes(_) => {}
        }
    }
    pieces.finish()
}

/// A piece of an f-string: literal text or a formatted field.
pub enum Piece {
    Text(String),
    Field(Ex),
}

/// Collects pieces, merging adjacent text as CPython does.
pub struct Pieces {
    pub loc: Loc,
    pub values: Vec<Expr>,
    pub text: String,
    pub depth: u32,
}

impl Pieces {
    pub fn push(&mut self, piece: Piece) {
        match piece {
            Piece::Text(t) => self.text.push_str(&t),
            Piece::Field(f) => {
                self.flush_text();
                self.depth = self.depth.max(f.depth);
                self.values.push(f.e);
            }
        }
    }

    fn flush_text(&mut self) {
        if !self.text.is_empty() {
            let text = std::mem::take(&mut self.text);
            self.values.push(Expr::new(self.loc, ExprKind::Constant(Constant::Str(text))));
        }
    }

    pub fn finish(mut self) -> R<Ex> {
        self.flush_text();
        node(self.loc, ExprKind::JoinedStr(self.values), self.depth)
    }
}
