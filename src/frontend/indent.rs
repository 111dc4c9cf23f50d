//! The indentation pass: runs the logos lexer and turns line structure into
//! NEWLINE / INDENT / DEDENT tokens as CPython's tokenizer does. Newlines inside
//! brackets and blank or comment-only lines produce nothing; brackets are
//! matched here so that their errors read as CPython's.

use logos::Logos;

use super::ast::Loc;
use super::error::{Diag, SyntaxErrorKind};
use super::lexer::{invalid_character, LexError};
use super::token::Tok;

pub type Spanned = (Loc, Tok, Loc);

/// A token stream. Its errors are not reported at once, because CPython's
/// tokenizer runs as its parser asks for tokens: `stop` is the error the
/// stream stops at (see `parser::run` for which error wins), `unclosed` a
/// bracket still open at the end (see `parser::prefer_unclosed`).
pub struct Tokens {
    pub list: Vec<Spanned>,
    pub unclosed: Option<Diag>,
    pub stop: Option<Diag>,
}

/// CPython's tokenizer limits.
const MAX_PAREN_LEVEL: usize = 200;
const MAX_INDENT_LEVEL: usize = 100;
const TAB_SIZE: u32 = 8;

/// Converts byte offsets (visited in increasing order) to line / character column.
pub struct Tracker<'a> {
    src: &'a str,
    base: Loc,
    byte: usize,
    loc: Loc,
}

impl<'a> Tracker<'a> {
    pub fn new(src: &'a str, base: Loc) -> Tracker<'a> {
        Tracker { src, base, byte: 0, loc: base }
    }

    pub fn loc_at(&mut self, byte: usize) -> Loc {
        let byte = byte.min(self.src.len());
        if byte < self.byte {
            return Tracker::new(self.src, self.base).loc_at(byte);
        }
        for c in self.src.get(self.byte..byte).unwrap_or("").chars() {
            if c == '\n' {
                self.loc.line += 1;
                self.loc.col = 0;
            } else {
                self.loc.col += 1;
            }
        }
        self.byte = byte;
        self.loc
    }
}

/// How a token stream starts and whether it tracks indentation.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Statements: NEWLINE / INDENT / DEDENT are produced.
    Statements,
    /// One expression (`eval`): line structure is ignored except NEWLINE.
    Expression,
    /// An f-string field: as if inside parentheses, so newlines are ignored.
    Field,
}

struct Indenter<'a> {
    src: &'a str,
    tracker: Tracker<'a>,
    out: Vec<Spanned>,
    /// (column with tabs to 8, column with tabs to 1) of each open block.
    indents: Vec<(u32, u32)>,
    brackets: Vec<(char, Loc)>,
    line_has_tokens: bool,
    layout: Layout,
}

/// Tokenizes `src` completely. `base` is the location of its first character.
pub fn tokenize(src: &str, layout: Layout, base: Loc) -> Tokens {
    let start = match layout {
        Layout::Statements => Tok::StartFile,
        Layout::Expression => Tok::StartEval,
        Layout::Field => Tok::StartField,
    };
    let mut ind = Indenter {
        src,
        tracker: Tracker::new(src, base),
        out: vec![(base, start, base)],
        indents: vec![(0, 0)],
        brackets: Vec::new(),
        line_has_tokens: false,
        layout,
    };
    let mut lex = Tok::lexer(src);
    while let Some(result) = lex.next() {
        let span = lex.span();
        let step = match result {
            Ok(Tok::Newline) => {
                ind.newline(span.start);
                Ok(())
            }
            Ok(tok) => ind.token(tok, span.start, span.end),
            Err(e) => {
                // The line's indentation is checked before its first token.
                let loc = ind.tracker.loc_at(span.start);
                ind.line_indentation(span.start, loc).and(Err(ind.lex_error(e, span.start)))
            }
        };
        if let Err(diag) = step {
            return Tokens { list: ind.out, unclosed: None, stop: Some(diag) };
        }
    }
    ind.finish()
}

impl<'a> Indenter<'a> {
    fn newline(&mut self, at: usize) {
        if self.brackets.is_empty() && self.line_has_tokens && self.layout != Layout::Field {
            let loc = self.tracker.loc_at(at);
            self.out.push((loc, Tok::Newline, Loc { line: loc.line, col: loc.col + 1 }));
            self.line_has_tokens = false;
        }
    }

    fn token(&mut self, tok: Tok, start: usize, end: usize) -> Result<(), Diag> {
        let loc = self.tracker.loc_at(start);
        self.line_indentation(start, loc)?;
        if let Some(open) = tok.opens() {
            if self.brackets.len() >= MAX_PAREN_LEVEL {
                return Err(Diag::syntax("too many nested parentheses", loc));
            }
            self.brackets.push((open, loc));
        } else if let Some(close) = tok.closes() {
            self.close_bracket(close, loc)?;
        }
        let end_loc = self.tracker.loc_at(end);
        self.out.push((loc, tok, end_loc));
        self.line_has_tokens = true;
        Ok(())
    }

    fn close_bracket(&mut self, close: char, loc: Loc) -> Result<(), Diag> {
        let Some((open, open_loc)) = self.brackets.pop() else {
            if self.layout == Layout::Field {
                return Err(Diag::syntax("f-string: unmatched ')'", loc));
            }
            return Err(Diag::syntax(format!("unmatched '{close}'"), loc));
        };
        let expected = match open {
            '(' => ')',
            '[' => ']',
            _ => '}',
        };
        if close == expected {
            return Ok(());
        }
        let message = if open_loc.line == loc.line {
            format!("closing parenthesis '{close}' does not match opening parenthesis '{open}'")
        } else {
            format!("closing parenthesis '{close}' does not match opening parenthesis '{open}' on line {}", open_loc.line)
        };
        Err(Diag::syntax(message, loc))
    }

    fn line_indentation(&mut self, start: usize, loc: Loc) -> Result<(), Diag> {
        if !self.line_has_tokens && self.brackets.is_empty() && self.layout == Layout::Statements {
            self.indentation(start, loc)?;
        }
        Ok(())
    }

    /// At the first token of a logical line: compare its indentation with the
    /// open blocks and emit INDENT or DEDENTs.
    fn indentation(&mut self, start: usize, loc: Loc) -> Result<(), Diag> {
        let line_start = self.src[..start].rfind('\n').map_or(0, |p| p + 1);
        let (mut col, mut alt) = (0u32, 0u32);
        for c in self.src[line_start..start].chars() {
            match c {
                '\t' => {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    alt += 1;
                }
                '\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => {
                    col += 1;
                    alt += 1;
                }
            }
        }
        let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
        let tab_error = || Diag {
            kind: SyntaxErrorKind::TabError,
            message: "inconsistent use of tabs and spaces in indentation".into(),
            loc: Loc { line: loc.line, col: 0 },
        };
        if col == top {
            return if alt == top_alt { Ok(()) } else { Err(tab_error()) };
        }
        if col > top {
            if alt <= top_alt {
                return Err(tab_error());
            }
            if self.indents.len() >= MAX_INDENT_LEVEL {
                let at = Loc { line: loc.line, col: 0 };
                return Err(Diag::indentation("too many levels of indentation", at));
            }
            self.indents.push((col, alt));
            self.out.push((loc, Tok::Indent, loc));
            return Ok(());
        }
        let keep = self.indents.iter().take_while(|&&(c, _)| c <= col).count();
        match self.indents.get(keep.wrapping_sub(1)) {
            Some(&(c, a)) if c == col => {
                if a != alt {
                    return Err(tab_error());
                }
                for _ in keep..self.indents.len() {
                    self.out.push((loc, Tok::Dedent, loc));
                }
                self.indents.truncate(keep);
                Ok(())
            }
            // CPython's caret lands at the end of the line here.
            _ => {
                let line_len = self.src[line_start..].split('\n').next().unwrap_or("").chars().count() as u32;
                let at = Loc { line: loc.line, col: line_len };
                Err(Diag::indentation("unindent does not match any outer indentation level", at))
            }
        }
    }

    fn finish(mut self) -> Tokens {
        if let Some(&(open, loc)) = self.brackets.last() {
            let unclosed = Some(Diag::syntax(format!("'{open}' was never closed"), loc));
            return Tokens { list: self.out, unclosed, stop: None };
        }
        let end = self.tracker.loc_at(self.src.len());
        if self.line_has_tokens && self.layout != Layout::Field {
            self.out.push((end, Tok::Newline, end));
        }
        let eof = if end.col > 0 { Loc { line: end.line + 1, col: 0 } } else { end };
        while self.indents.len() > 1 {
            self.indents.pop();
            self.out.push((eof, Tok::Dedent, eof));
        }
        Tokens { list: self.out, unclosed: None, stop: None }
    }

    fn lex_error(&mut self, e: LexError, token_start: usize) -> Diag {
        let at = e.at.unwrap_or(token_start);
        let loc = self.tracker.loc_at(at);
        if e.incomplete {
            let end = self.tracker.loc_at(self.src.len());
            let last_line = if self.src.ends_with('\n') { end.line - 1 } else { end.line };
            return Diag::syntax(format!("{} (detected at line {})", e.message, last_line), loc);
        }
        if !e.message.is_empty() {
            if e.message.starts_with("unterminated string") {
                return Diag::syntax(format!("{} (detected at line {})", e.message, loc.line), loc);
            }
            return Diag::syntax(e.message, loc);
        }
        let rest = &self.src[at.min(self.src.len())..];
        match rest.chars().next() {
            Some('\\') => {
                if rest[1..].trim_start_matches([' ', '\t', '\x0c']).is_empty() {
                    let loc = Loc { line: loc.line, col: loc.col + 1 };
                    Diag::syntax("unexpected EOF while parsing", loc)
                } else {
                    let loc = Loc { line: loc.line, col: loc.col + 1 };
                    Diag::syntax("unexpected character after line continuation character", loc)
                }
            }
            Some(c) if !c.is_ascii() || c.is_ascii_control() => Diag::syntax(invalid_character(c), loc),
            _ => Diag::syntax("invalid syntax", loc),
        }
    }
}
