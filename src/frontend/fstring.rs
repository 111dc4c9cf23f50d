//! f-strings (3.11 rules): literal text, `{{` / `}}`, and fields
//! `{expr=!c:spec}` whose expressions are parsed by the parser itself, at
//! their real location. Errors about the f-string's structure point, as
//! CPython's do, just after the literal.

use super::ast::*;
use super::builder::{err, node, R};
use super::indent::Tracker;
use super::parser::parse_field;
use super::strings::decode_str;
use super::strings_join::{Piece, Pieces};

/// Format specs may hold fields, which may hold specs, but no deeper.
const MAX_SPEC_NESTING: u32 = 2;

/// Splits an f-string body into pieces. `body_loc` is where the body starts,
/// `string_loc` where the whole literal starts (CPython's location for the
/// pieces) and `end_loc` where it ends (for structural errors).
pub fn parse_fstring(body: &str, raw: bool, body_loc: Loc, string_loc: Loc, end_loc: Loc) -> R<Vec<Piece>> {
    let mut p = FString { body, raw, tracker: Tracker::new(body, body_loc), string_loc, end_loc, pos: 0 };
    let pieces = p.pieces(0)?;
    if p.pos < body.len() {
        return err("f-string: single '}' is not allowed", end_loc);
    }
    Ok(pieces)
}

struct FString<'a> {
    body: &'a str,
    raw: bool,
    tracker: Tracker<'a>,
    string_loc: Loc,
    end_loc: Loc,
    pos: usize,
}

impl<'a> FString<'a> {
    fn peek(&self, ahead: usize) -> Option<u8> {
        self.body.as_bytes().get(self.pos + ahead).copied()
    }

    /// Literal text and fields up to the end of the body or, inside a format
    /// spec (`spec_depth > 0`), up to the `}` that closes the field.
    fn pieces(&mut self, spec_depth: u32) -> R<Vec<Piece>> {
        let mut out = Vec::new();
        let mut segment = self.pos;
        while let Some(c) = self.peek(0) {
            match c {
                b'\\' if !self.raw && self.peek(1) == Some(b'N') && self.peek(2) == Some(b'{') => {
                    let close = self.body[self.pos..].find('}').map_or(self.body.len(), |p| self.pos + p + 1);
                    self.pos = close;
                }
                b'{' if self.peek(1) == Some(b'{') && spec_depth == 0 => {
                    self.flush(&mut out, segment, "{")?;
                    self.pos += 2;
                    segment = self.pos;
                }
                b'}' if spec_depth > 0 => break,
                b'}' if self.peek(1) == Some(b'}') => {
                    self.flush(&mut out, segment, "}")?;
                    self.pos += 2;
                    segment = self.pos;
                }
                b'}' => return err("f-string: single '}' is not allowed", self.end_loc),
                b'{' => {
                    self.flush(&mut out, segment, "")?;
                    if spec_depth >= MAX_SPEC_NESTING {
                        return err("f-string: expressions nested too deeply", self.end_loc);
                    }
                    self.pos += 1;
                    self.field(spec_depth, &mut out)?;
                    segment = self.pos;
                }
                _ => self.pos += 1,
            }
        }
        self.flush(&mut out, segment, "")?;
        Ok(out)
    }

    /// Decodes the literal text `body[segment..pos]` (plus `extra`) into `out`.
    fn flush(&mut self, out: &mut Vec<Piece>, segment: usize, extra: &str) -> R<()> {
        let raw_text = &self.body[segment..self.pos];
        let mut text = match decode_str(raw_text, self.raw) {
            Ok(t) => t,
            Err((message, _)) => return err(message, self.end_loc),
        };
        text.push_str(extra);
        if !text.is_empty() {
            out.push(Piece::Text(text));
        }
        Ok(())
    }

    /// One field, just after its `{`; leaves `pos` after its `}`. A
    /// self-documenting field (`{x=}`) also adds its text.
    fn field(&mut self, spec_depth: u32, out: &mut Vec<Piece>) -> R<()> {
        let start = self.pos;
        let stop = self.scan_expression()?;
        let text = &self.body[start..self.pos];
        if text.trim().is_empty() {
            return err("f-string: empty expression not allowed", self.end_loc);
        }
        let loc = self.tracker.loc_at(start);
        let value = parse_field(text, loc)?;
        if stop == b'=' {
            self.pos += 1;
            while matches!(self.peek(0), Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')) {
                self.pos += 1;
            }
            out.push(Piece::Text(self.body[start..self.pos].to_string()));
        }
        let mut conversion = None;
        if self.peek(0) == Some(b'!') {
            conversion = match self.peek(1) {
                Some(c @ (b's' | b'r' | b'a')) => Some(c as char),
                _ => return err("f-string: invalid conversion character: expected 's', 'r', or 'a'", self.end_loc),
            };
            self.pos += 2;
        }
        let mut format_spec = None;
        let mut depth = value.depth;
        if self.peek(0) == Some(b':') {
            self.pos += 1;
            let mut spec = Pieces { loc: self.string_loc, values: Vec::new(), text: String::new(), depth: 0 };
            for piece in self.pieces(spec_depth + 1)? {
                spec.push(piece);
            }
            let spec = spec.finish()?;
            depth = depth.max(spec.depth);
            format_spec = Some(Box::new(spec.e));
        }
        if self.peek(0) != Some(b'}') {
            return err("f-string: expecting '}'", self.end_loc);
        }
        self.pos += 1;
        if stop == b'=' && conversion.is_none() && format_spec.is_none() {
            conversion = Some('r');
        }
        let kind = ExprKind::FormattedValue { value: Box::new(value.e), conversion, format_spec };
        out.push(Piece::Field(node(self.string_loc, kind, depth)?));
        Ok(())
    }

    /// Advances over a field's expression; returns the byte that ends it
    /// (`}`, `!`, `:` or `=`), left unconsumed.
    fn scan_expression(&mut self) -> R<u8> {
        let mut nesting = 0u32;
        let mut quote: Option<(u8, bool)> = None;
        loop {
            let Some(c) = self.peek(0) else {
                return err("f-string: expecting '}'", self.end_loc);
            };
            if let Some((q, triple)) = quote {
                if c == q && (!triple || (self.peek(1) == Some(q) && self.peek(2) == Some(q))) {
                    self.pos += if triple { 3 } else { 1 };
                    quote = None;
                } else {
                    self.pos += 1;
                }
                continue;
            }
            let next = self.peek(1);
            match c {
                b'\\' => return err("f-string expression part cannot include a backslash", self.end_loc),
                b'#' => return err("f-string expression part cannot include '#'", self.end_loc),
                b'\'' | b'"' => {
                    let triple = next == Some(c) && self.peek(2) == Some(c);
                    quote = Some((c, triple));
                    self.pos += if triple { 3 } else { 1 };
                    continue;
                }
                b'(' | b'[' | b'{' => nesting += 1,
                b')' | b']' | b'}' if nesting == 0 => {
                    if c == b'}' {
                        return Ok(c);
                    }
                    return err(format!("f-string: unmatched '{}'", c as char), self.end_loc);
                }
                b')' | b']' | b'}' => nesting -= 1,
                b'=' | b'!' | b'<' | b'>' if next == Some(b'=') => {
                    self.pos += 2;
                    continue;
                }
                b'=' | b'!' | b':' if nesting == 0 => return Ok(c),
                _ => {}
            }
            self.pos += 1;
        }
    }
}
