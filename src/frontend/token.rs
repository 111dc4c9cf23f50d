//! The tokens the grammar consumes. `logos` recognises most of them directly;
//! NEWLINE / INDENT / DEDENT come from the indentation pass (`indent.rs`) and
//! the `Start*` markers select the grammar's entry point.

use logos::Logos;

use super::ast::Constant;
use super::lexer::{lex_name, lex_number, lex_string, LexError};

/// A string literal as written: its prefix, and either its decoded value or,
/// for an f-string, its raw body (fields are parsed later).
#[derive(Debug, Clone, PartialEq)]
pub struct StrLit {
    pub value: StrValue,
    /// Characters from the literal's start to its body (prefix and quotes).
    pub body_offset: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StrValue {
    Str(String),
    Bytes(Vec<u8>),
    /// The undecoded body of an f-string and whether it is raw.
    FString { body: String, raw: bool },
}

#[derive(Logos, Debug, Clone, PartialEq)]
#[logos(error = LexError)]
#[logos(skip r"[ \t\x0c]+")]
#[logos(skip(r"#[^\r\n]*", allow_greedy = true))]
#[logos(skip r"\\\r?\n")]
pub enum Tok {
    #[regex(r"\r?\n")]
    #[token("\r")]
    Newline,
    Indent,
    Dedent,
    StartFile,
    StartEval,
    StartField,

    #[regex(r"[A-Za-z_\u{80}-\u{10FFFF}][A-Za-z0-9_\u{80}-\u{10FFFF}]*", lex_name)]
    Name(String),
    #[regex(r"[0-9](_?[0-9])*[jJ]?", lex_number)]
    #[regex(r"0[xX](_?[0-9a-fA-F])+", lex_number)]
    #[regex(r"0[oO](_?[0-7])+", lex_number)]
    #[regex(r"0[bB](_?[01])+", lex_number)]
    #[regex(r"[0-9](_?[0-9])*\.([0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?[jJ]?", lex_number)]
    #[regex(r"\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?[jJ]?", lex_number)]
    #[regex(r"[0-9](_?[0-9])*[eE][+-]?[0-9](_?[0-9])*[jJ]?", lex_number)]
    Number(Constant),
    #[regex(r#"([rRuUfFbB]|[rR][bBfF]|[bBfF][rR])?("|'|"""|''')"#, lex_string)]
    Str(Box<StrLit>),

    #[token("False")]
    False,
    #[token("None")]
    None,
    #[token("True")]
    True,
    #[token("and")]
    And,
    #[token("as")]
    As,
    #[token("assert")]
    Assert,
    #[token("async")]
    Async,
    #[token("await")]
    Await,
    #[token("break")]
    Break,
    #[token("class")]
    Class,
    #[token("continue")]
    Continue,
    #[token("def")]
    Def,
    #[token("del")]
    Del,
    #[token("elif")]
    Elif,
    #[token("else")]
    Else,
    #[token("except")]
    Except,
    #[token("finally")]
    Finally,
    #[token("for")]
    For,
    #[token("from")]
    From,
    #[token("global")]
    Global,
    #[token("if")]
    If,
    #[token("import")]
    Import,
    #[token("in")]
    In,
    #[token("is")]
    Is,
    #[token("lambda")]
    Lambda,
    #[token("nonlocal")]
    Nonlocal,
    #[token("not")]
    Not,
    #[token("or")]
    Or,
    #[token("pass")]
    Pass,
    #[token("raise")]
    Raise,
    #[token("return")]
    Return,
    #[token("try")]
    Try,
    #[token("while")]
    While,
    #[token("with")]
    With,
    #[token("yield")]
    Yield,

    #[token("(")]
    LPar,
    #[token(")")]
    RPar,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token(".")]
    Dot,
    #[token("...")]
    Ellipsis,
    #[token("->")]
    Arrow,
    #[token("@")]
    At,
    #[token("=")]
    Assign,
    #[token(":=")]
    Walrus,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("//")]
    DoubleSlash,
    #[token("%")]
    Percent,
    #[token("**")]
    DoubleStar,
    #[token("|")]
    Vbar,
    #[token("^")]
    Circumflex,
    #[token("&")]
    Amper,
    #[token("<<")]
    LShift,
    #[token(">>")]
    RShift,
    #[token("~")]
    Tilde,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinusEqual,
    #[token("*=")]
    StarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("@=")]
    AtEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VbarEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token("<<=")]
    LShiftEqual,
    #[token(">>=")]
    RShiftEqual,
    #[token("**=")]
    DoubleStarEqual,
}

impl Tok {
    /// The bracket a token opens, if any.
    pub fn opens(&self) -> Option<char> {
        match self {
            Tok::LPar => Some('('),
            Tok::LSqb => Some('['),
            Tok::LBrace => Some('{'),
            _ => None,
        }
    }

    /// The bracket a token closes, if any.
    pub fn closes(&self) -> Option<char> {
        match self {
            Tok::RPar => Some(')'),
            Tok::RSqb => Some(']'),
            Tok::RBrace => Some('}'),
            _ => None,
        }
    }
}
