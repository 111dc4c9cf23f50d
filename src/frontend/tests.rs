//! Front-end unit tests: tokens and indentation, literals, every statement and
//! expression form, error messages and positions (checked against CPython 3.11),
//! and the limits that keep hostile input from crashing the process.

use num_bigint::BigInt;

use super::ast::*;
use super::indent::{tokenize, Layout};
use super::token::Tok;
use super::{decode_source, is_incomplete, parse, Mode, SyntaxErrorKind};

fn body(src: &str) -> Vec<Stmt> {
    match parse(src, "t.py", Mode::File) {
        Ok(m) => m.body,
        Err(e) => panic!("{src:?} failed: {e}"),
    }
}

fn stmt(src: &str) -> StmtKind {
    let mut b = body(src);
    assert_eq!(b.len(), 1, "{src:?}");
    b.remove(0).kind
}

fn expr(src: &str) -> ExprKind {
    match stmt(src) {
        StmtKind::Expr(e) => e.kind,
        other => panic!("not an expression: {other:?}"),
    }
}

fn error(src: &str) -> (SyntaxErrorKind, String, u32, u32) {
    match parse(src, "t.py", Mode::File) {
        Ok(m) => panic!("{src:?} parsed: {:?}", m.body),
        Err(e) => (e.kind, e.message, e.line, e.offset),
    }
}

fn syntax(src: &str, message: &str, line: u32, offset: u32) {
    assert_eq!(error(src), (SyntaxErrorKind::SyntaxError, message.to_string(), line, offset), "{src:?}");
}

fn indentation(src: &str, message: &str, line: u32, offset: u32) {
    assert_eq!(error(src), (SyntaxErrorKind::IndentationError, message.to_string(), line, offset), "{src:?}");
}

fn name(e: &Expr) -> &str {
    match &e.kind {
        ExprKind::Name(n) => n,
        other => panic!("not a name: {other:?}"),
    }
}

fn constant(e: &Expr) -> &Constant {
    match &e.kind {
        ExprKind::Constant(c) => c,
        other => panic!("not a constant: {other:?}"),
    }
}

fn str_const(src: &str) -> String {
    match expr(src) {
        ExprKind::Constant(Constant::Str(s)) => s,
        other => panic!("not a str: {other:?}"),
    }
}

fn loc(line: u32, col: u32) -> Loc {
    Loc { line, col }
}

/// Depth of a tree, walked without recursion.
fn depth(root: &Expr) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(root, 1usize)];
    while let Some((e, d)) = stack.pop() {
        deepest = deepest.max(d);
        let children: Vec<&Expr> = match &e.kind {
            ExprKind::BinOp { left, right, .. } => vec![left, right],
            ExprKind::UnaryOp { operand, .. } => vec![operand],
            ExprKind::Attribute { value, .. } | ExprKind::Starred(value) => vec![value],
            ExprKind::Call { func, args, .. } => std::iter::once(&**func).chain(args).collect(),
            ExprKind::Subscript { value, slice } => vec![value, slice],
            ExprKind::Lambda { body, .. } => vec![body],
            ExprKind::Tuple(v) | ExprKind::List(v) => v.iter().collect(),
            _ => vec![],
        };
        stack.extend(children.into_iter().map(|c| (c, d + 1)));
    }
    deepest
}

// ------------------------------------------------------------------ tokens

fn kinds(src: &str) -> Vec<Tok> {
    tokenize(src, Layout::Statements, loc(1, 0)).list.into_iter().map(|t| t.1).collect()
}

#[test]
fn frontend_indentation_tokens() {
    use Tok::*;
    let toks = kinds("if x:\n    y\n\n  # comment\n    z\nw\n");
    let n = |s: &str| Name(s.to_string());
    assert_eq!(toks, vec![StartFile, If, n("x"), Colon, Newline, Indent, n("y"), Newline, n("z"), Newline, Dedent, n("w"), Newline]);
    // Brackets and backslashes join lines.
    let toks = kinds("x = (1,\n  2)\ny = 1 + \\\n  2\n");
    assert_eq!(toks.iter().filter(|t| **t == Newline).count(), 2);
    assert!(!toks.contains(&Indent));
    // A missing final newline and open blocks at the end.
    let toks = kinds("if x:\n  if y:\n    z");
    assert_eq!(&toks[toks.len() - 3..], &[Newline, Dedent, Dedent]);
}

#[test]
fn frontend_token_locations() {
    let list = tokenize("a = 'é' + b\n  \nc", Layout::Statements, loc(1, 0)).list;
    let locs: Vec<Loc> = list.iter().map(|t| t.0).collect();
    assert_eq!(locs[1..6], [loc(1, 0), loc(1, 2), loc(1, 4), loc(1, 8), loc(1, 10)]);
    assert_eq!(list[7].0, loc(3, 0));
}

#[test]
fn frontend_numbers() {
    let c = |src: &str| constant_of(src);
    assert_eq!(c("42"), Constant::Int(42));
    assert_eq!(c("1_000"), Constant::Int(1000));
    assert_eq!(c("0x_fF"), Constant::Int(255));
    assert_eq!(c("0o17"), Constant::Int(15));
    assert_eq!(c("0B101"), Constant::Int(5));
    assert_eq!(c("00"), Constant::Int(0));
    assert_eq!(c("9223372036854775807"), Constant::Int(i64::MAX));
    assert_eq!(c("9223372036854775808"), Constant::BigInt("9223372036854775808".parse::<BigInt>().unwrap()));
    assert_eq!(c("0xffffffffffffffffff"), Constant::BigInt(BigInt::parse_bytes(b"ffffffffffffffffff", 16).unwrap()));
    assert_eq!(c("1.5"), Constant::Float(1.5));
    assert_eq!(c("1_000.5"), Constant::Float(1000.5));
    assert_eq!(c(".5"), Constant::Float(0.5));
    assert_eq!(c("5."), Constant::Float(5.0));
    assert_eq!(c("1e3"), Constant::Float(1000.0));
    assert_eq!(c("1.5E-3"), Constant::Float(0.0015));
    assert_eq!(c("1e400"), Constant::Float(f64::INFINITY));
    assert!(matches!(expr("1if x else 2"), ExprKind::IfExp { .. }));
}

fn constant_of(src: &str) -> Constant {
    match expr(src) {
        ExprKind::Constant(c) => c,
        other => panic!("{other:?}"),
    }
}

#[test]
fn frontend_number_errors() {
    syntax("x = 1abc", "invalid decimal literal", 1, 5);
    syntax("x = 12abc", "invalid decimal literal", 1, 6);
    syntax("x = 1_", "invalid decimal literal", 1, 6);
    syntax("x=1.e", "invalid decimal literal", 1, 4);
    syntax("x = 0x", "invalid hexadecimal literal", 1, 6);
    syntax("x = 0b12", "invalid digit '2' in binary literal", 1, 8);
    syntax("x = 0o8", "invalid digit '8' in octal literal", 1, 7);
    syntax(
        "x = 012",
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        1,
        5,
    );
    assert!(error("x = 1j").1.contains("imaginary"));
}

#[test]
fn frontend_strings() {
    assert_eq!(str_const(r#"'a\n\t\\\'\"\r\0\a\b\f\v'"#), "a\n\t\\'\"\r\0\x07\x08\x0c\x0b");
    assert_eq!(str_const(r"'\101\x41\u0041\U00000041\N{EM DASH}'"), "AAAA\u{2014}");
    assert_eq!(str_const(r"'\d\q'"), "\\d\\q");
    assert_eq!(str_const("'a\\\nb'"), "ab");
    assert_eq!(str_const(r"r'\n\''"), "\\n\\'");
    assert_eq!(str_const("'''a\n'b'\n'''"), "a\n'b'\n");
    assert_eq!(str_const("\"\"\"x\"\"\""), "x");
    assert_eq!(str_const("'a' \"b\" '''c''' u'd'"), "abcd");
    assert_eq!(str_const("('a'\n 'b')"), "ab");
    assert_eq!(constant_of(r"b'a\x00\xff' rb'\n'"), Constant::Bytes(vec![b'a', 0, 255, b'\\', b'n']));
    assert_eq!(str_const("'é€'"), "é€");
}

#[test]
fn frontend_string_errors() {
    syntax("x = \"abc\n", "unterminated string literal (detected at line 1)", 1, 5);
    syntax("x = 1\ny = \"\"\"abc\n\n", "unterminated triple-quoted string literal (detected at line 3)", 2, 5);
    syntax("x = b\"é\"", "bytes can only contain ASCII literal characters", 1, 5);
    syntax("x = \"a\" b\"c\"", "cannot mix bytes and nonbytes literals", 1, 13);
    syntax(
        "x = \"\\x4\"",
        "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape",
        1,
        10,
    );
}

// ------------------------------------------------------------------ f-strings

fn fstring(src: &str) -> Vec<Expr> {
    match expr(src) {
        ExprKind::JoinedStr(v) => v,
        other => panic!("not an f-string: {other:?}"),
    }
}

fn field(e: &Expr) -> (&Expr, Option<char>, Option<&Expr>) {
    match &e.kind {
        ExprKind::FormattedValue { value, conversion, format_spec } => (value, *conversion, format_spec.as_deref()),
        other => panic!("not a field: {other:?}"),
    }
}

#[test]
fn frontend_fstrings() {
    let v = fstring("f'a{x!r:>{w}}b{{c}}'");
    assert_eq!(v.len(), 3);
    assert_eq!(constant(&v[0]), &Constant::Str("a".into()));
    let (value, conv, spec) = field(&v[1]);
    assert_eq!((name(value), conv), ("x", Some('r')));
    assert_eq!(value.loc, loc(1, 4));
    let ExprKind::JoinedStr(spec) = &spec.unwrap().kind else { panic!() };
    assert_eq!(constant(&spec[0]), &Constant::Str(">".into()));
    assert_eq!(name(field(&spec[1]).0), "w");
    assert_eq!(constant(&v[2]), &Constant::Str("b{c}".into()));

    let v = fstring("f'{x=}'");
    assert_eq!(constant(&v[0]), &Constant::Str("x=".into()));
    assert_eq!(field(&v[1]).1, Some('r'));
    let v = fstring("f'{x = !s:>3}'");
    assert_eq!(constant(&v[0]), &Constant::Str("x = ".into()));
    assert_eq!(field(&v[1]).1, Some('s'));
    let v = fstring("f'{x=:>3}'");
    assert_eq!(field(&v[1]).1, None);

    assert!(fstring("f''").is_empty());
    assert_eq!(fstring("'a' f'' 'b'").len(), 1);
    let v = fstring("f'{a[\"k\"]!a} {b == c} {d:{e}.{f}f} {\"}\"}'");
    assert_eq!(v.iter().filter(|e| matches!(e.kind, ExprKind::FormattedValue { .. })).count(), 4);
    let v = fstring("f'''{\nx\n}'''");
    assert_eq!(field(&v[0]).0.loc, loc(2, 0));
    assert_eq!(constant(&fstring("f'\\n{x}'")[0]), &Constant::Str("\n".into()));
    assert_eq!(constant(&fstring("rf'\\n{x}'")[0]), &Constant::Str("\\n".into()));
    assert_eq!(constant(&fstring("f'\\N{EM DASH}{x}'")[0]), &Constant::Str("\u{2014}".into()));
}

#[test]
fn frontend_fstring_errors() {
    syntax("f\"{}\"", "f-string: empty expression not allowed", 1, 6);
    syntax("f\"{ }\"", "f-string: empty expression not allowed", 1, 7);
    syntax("f\"{x\"", "f-string: expecting '}'", 1, 6);
    syntax("f\"}\"", "f-string: single '}' is not allowed", 1, 5);
    syntax("f\"{x!z}\"", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 9);
    syntax("f\"{x:{y:{z}}}\"", "f-string: expressions nested too deeply", 1, 15);
    syntax("f\"{x!r }\"", "f-string: expecting '}'", 1, 10);
    syntax("f\"{\\n}\"", "f-string expression part cannot include a backslash", 1, 8);
    syntax("f\"{#}\"", "f-string expression part cannot include '#'", 1, 7);
    syntax("f\"{x)}\"", "f-string: unmatched ')'", 1, 8);
    assert_eq!(error("f\"{1+}\"").1, "f-string: invalid syntax");
}

// ------------------------------------------------------------------ statements

#[test]
fn frontend_assignments() {
    let StmtKind::Assign { targets, value } = stmt("a = b = 1\n") else { panic!() };
    assert_eq!((name(&targets[0]), name(&targets[1])), ("a", "b"));
    assert_eq!(constant(&value), &Constant::Int(1));
    let StmtKind::Assign { targets, value } = stmt("a, *b = [c, d] = x.y[0] = 1, 2") else { panic!() };
    let ExprKind::Tuple(t) = &targets[0].kind else { panic!() };
    assert!(matches!(t[1].kind, ExprKind::Starred(_)));
    assert!(matches!(targets[1].kind, ExprKind::List(_)));
    assert!(matches!(targets[2].kind, ExprKind::Subscript { .. }));
    assert!(matches!(value.kind, ExprKind::Tuple(_)));
    let StmtKind::AugAssign { op, .. } = stmt("x.y //= 2") else { panic!() };
    assert_eq!(op, BinOp::FloorDiv);
    let StmtKind::AnnAssign { simple, value, .. } = stmt("x: int = 3") else { panic!() };
    assert!(simple && value.is_some());
    let StmtKind::AnnAssign { simple, value, .. } = stmt("x.y: List[int]") else { panic!() };
    assert!(!simple && value.is_none());
    assert!(matches!(stmt("x = yield y"), StmtKind::Assign { value: Expr { kind: ExprKind::Yield(Some(_)), .. }, .. }));
    assert!(matches!(stmt("x = yield"), StmtKind::Assign { value: Expr { kind: ExprKind::Yield(None), .. }, .. }));
    assert!(matches!(stmt("yield from g"), StmtKind::Expr(Expr { kind: ExprKind::YieldFrom(_), .. })));
    assert_eq!(body("a = 1; b = 2;\n").len(), 2);
    syntax("a, b += 1\n", "'tuple' is an illegal expression for augmented assignment", 1, 1);
}

#[test]
fn frontend_compound_statements() {
    let StmtKind::If { orelse, .. } = stmt("if a:\n  x\nelif b:\n  y\nelse:\n  z\n") else { panic!() };
    let StmtKind::If { orelse: inner, .. } = &orelse[0].kind else { panic!() };
    assert_eq!(orelse[0].loc, loc(3, 0));
    assert!(matches!(inner[0].kind, StmtKind::Expr(_)));
    let StmtKind::While { orelse, .. } = stmt("while x:\n  break\nelse:\n  pass\n") else { panic!() };
    assert_eq!(orelse.len(), 1);
    let StmtKind::For { target, orelse, body, .. } = stmt("for a, b in c:\n  continue\nelse: pass\n") else {
        panic!()
    };
    assert!(matches!(target.kind, ExprKind::Tuple(_)));
    assert!(matches!(body[0].kind, StmtKind::Continue));
    assert_eq!(orelse.len(), 1);
    let src = "try:\n  a\nexcept (A, B) as e:\n  b\nexcept C:\n  c\nexcept:\n  d\nelse:\n  e\nfinally:\n  f\n";
    let StmtKind::Try { handlers, orelse, finalbody, .. } = stmt(src) else { panic!() };
    assert_eq!(handlers.len(), 3);
    assert_eq!(handlers[0].name.as_deref(), Some("e"));
    assert!(matches!(handlers[0].typ.as_ref().unwrap().kind, ExprKind::Tuple(_)));
    assert!(handlers[2].typ.is_none());
    assert_eq!((orelse.len(), finalbody.len()), (1, 1));
    let StmtKind::Try { handlers, finalbody, .. } = stmt("try:\n  a\nfinally:\n  b\n") else { panic!() };
    assert!(handlers.is_empty() && finalbody.len() == 1);
    let StmtKind::With { items, .. } = stmt("with a as b, c as (d, e), f:\n  pass\n") else { panic!() };
    assert_eq!(items.len(), 3);
    assert!(matches!(items[1].target.as_ref().unwrap().kind, ExprKind::Tuple(_)));
    assert!(items[2].target.is_none());
    let StmtKind::With { items, .. } = stmt("with (a, b):\n  pass\n") else { panic!() };
    assert_eq!(items.len(), 2);
    let StmtKind::With { items, .. } = stmt("with (a, b) as c:\n  pass\n") else { panic!() };
    assert_eq!(items.len(), 1);
}

#[test]
fn frontend_simple_statements() {
    assert!(matches!(stmt("raise"), StmtKind::Raise { exc: None, cause: None }));
    assert!(matches!(stmt("raise E from c"), StmtKind::Raise { exc: Some(_), cause: Some(_) }));
    assert_eq!(stmt("global a, b"), StmtKind::Global(vec!["a".into(), "b".into()]));
    assert_eq!(stmt("nonlocal a"), StmtKind::Nonlocal(vec!["a".into()]));
    assert!(matches!(stmt("assert x, 'm'"), StmtKind::Assert { msg: Some(_), .. }));
    let StmtKind::Delete(targets) = stmt("del a, b[0], c.d") else { panic!() };
    assert_eq!(targets.len(), 3);
    let StmtKind::Import(names) = stmt("import a.b as c, d") else { panic!() };
    assert_eq!(names[0], Alias { name: "a.b".into(), asname: Some("c".into()) });
    let StmtKind::ImportFrom { module, names, level } = stmt("from ..a.b import (c as d, e,)") else { panic!() };
    assert_eq!((module.as_deref(), names.len(), level), (Some("a.b"), 2, 2));
    let StmtKind::ImportFrom { module, names, level } = stmt("from . import *") else { panic!() };
    assert_eq!((module, names[0].name.as_str(), level), (None, "*", 1));
    assert!(matches!(stmt("return"), StmtKind::Return(None)));
    assert!(matches!(stmt("return 1, 2"), StmtKind::Return(Some(Expr { kind: ExprKind::Tuple(_), .. }))));
    assert!(matches!(stmt("pass"), StmtKind::Pass));
}

#[test]
fn frontend_functions_and_classes() {
    let src = "@d\n@e.f(1)\ndef g(a, b: int = 1, /, c=2, *args: str, d, e=3, **kw) -> None:\n  return a\n";
    let b = body(src);
    assert_eq!(b[0].loc, loc(3, 0));
    let StmtKind::FunctionDef(f) = &b[0].kind else { panic!() };
    assert_eq!(f.decorators.len(), 2);
    let p = &f.params;
    assert_eq!(p.posonly.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(p.args[0].name, "c");
    assert_eq!(p.defaults.len(), 2);
    assert_eq!(p.vararg.as_ref().unwrap().name, "args");
    assert!(p.vararg.as_ref().unwrap().annotation.is_some());
    assert_eq!(p.kwonly.len(), 2);
    assert!(p.kw_defaults[0].is_none() && p.kw_defaults[1].is_some());
    assert_eq!(p.kwarg.as_ref().unwrap().name, "kw");
    assert!(f.returns.is_some());
    let StmtKind::FunctionDef(f) = stmt("def f(*, a): pass") else { panic!() };
    assert!(f.params.vararg.is_none() && f.params.kwonly.len() == 1);
    let StmtKind::ClassDef(c) = stmt("@dec\nclass A(B, C, metaclass=M, **kw):\n  x = 1\n") else { panic!() };
    assert_eq!((c.bases.len(), c.keywords.len(), c.decorators.len()), (2, 2, 1));
    let StmtKind::ClassDef(c) = stmt("class A: pass") else { panic!() };
    assert!(c.bases.is_empty());

    syntax("def f(a=1, b):\n  pass\n", "non-default argument follows default argument", 1, 12);
    syntax("def f(*, **k): pass\n", "named arguments must follow bare *", 1, 7);
    syntax("def f(/, a): pass\n", "at least one argument must precede /", 1, 7);
}

// ------------------------------------------------------------------ expressions

#[test]
fn frontend_precedence() {
    let ExprKind::BinOp { op, right, .. } = expr("1 + 2 * 3") else { panic!() };
    assert_eq!(op, BinOp::Add);
    assert!(matches!(right.kind, ExprKind::BinOp { op: BinOp::Mult, .. }));
    let ExprKind::BinOp { op, left, .. } = expr("a - b - c") else { panic!() };
    assert_eq!(op, BinOp::Sub);
    assert!(matches!(left.kind, ExprKind::BinOp { op: BinOp::Sub, .. }));
    let ExprKind::BinOp { op, right, .. } = expr("2 ** 3 ** 4") else { panic!() };
    assert_eq!(op, BinOp::Pow);
    assert!(matches!(right.kind, ExprKind::BinOp { op: BinOp::Pow, .. }));
    let ExprKind::UnaryOp { op, operand } = expr("-x ** 2") else { panic!() };
    assert_eq!(op, UnaryOp::USub);
    assert!(matches!(operand.kind, ExprKind::BinOp { op: BinOp::Pow, .. }));
    let ExprKind::BinOp { op, .. } = expr("a | b ^ c & d << e + f @ g // h % i") else { panic!() };
    assert_eq!(op, BinOp::BitOr);
    let ExprKind::BoolOp { op, values } = expr("a or b and not c or d") else { panic!() };
    assert_eq!((op, values.len()), (BoolOp::Or, 3));
    let ExprKind::Compare { ops, .. } = expr("a < b <= c == d != e > f >= g in h not in i is j is not k") else {
        panic!()
    };
    use CmpOp::*;
    assert_eq!(ops, vec![Lt, LtE, Eq, NotEq, Gt, GtE, In, NotIn, Is, IsNot]);
    assert!(matches!(expr("a if b else c if d else e"), ExprKind::IfExp { .. }));
    assert!(matches!(expr("~+-x"), ExprKind::UnaryOp { op: UnaryOp::Invert, .. }));
}

#[test]
fn frontend_calls_and_subscripts() {
    let ExprKind::Call { args, keywords, .. } = expr("f(a, *b, c=1, **d)") else { panic!() };
    assert_eq!(args.len(), 2);
    assert!(matches!(args[1].kind, ExprKind::Starred(_)));
    assert_eq!(keywords[0].arg.as_deref(), Some("c"));
    assert!(keywords[1].arg.is_none());
    let ExprKind::Call { args, .. } = expr("f(x for x in y)") else { panic!() };
    assert!(matches!(args[0].kind, ExprKind::GeneratorExp { .. }));
    assert_eq!(args[0].loc, loc(1, 1));
    let ExprKind::Subscript { slice, .. } = expr("a[1:2, ::3]") else { panic!() };
    let ExprKind::Tuple(items) = &slice.kind else { panic!() };
    assert!(matches!(&items[1].kind, ExprKind::Slice { lower: None, upper: None, step: Some(_) }));
    assert!(matches!(expr("a[:]"), ExprKind::Subscript { .. }));
    assert!(matches!(expr("a.b.c(1)[2]"), ExprKind::Subscript { .. }));
    syntax("f(x for x in y, 1)\n", "Generator expression must be parenthesized", 1, 3);
    syntax("f(a=1, *b, **c, d)\n", "positional argument follows keyword argument unpacking", 1, 17);
}

#[test]
fn frontend_displays_and_comprehensions() {
    assert_eq!(expr("()"), ExprKind::Tuple(vec![]));
    assert!(matches!(expr("(1,)"), ExprKind::Tuple(v) if v.len() == 1));
    assert!(matches!(expr("(1)"), ExprKind::Constant(_)));
    assert!(matches!(expr("[1, *a, 2,]"), ExprKind::List(v) if v.len() == 3));
    let ExprKind::Dict { keys, .. } = expr("{1: 2, **d, 3: 4}") else { panic!() };
    assert!(keys[1].is_none());
    assert!(matches!(expr("{1, *s}"), ExprKind::Set(v) if v.len() == 2));
    assert!(matches!(expr("{}"), ExprKind::Dict { .. }));
    let ExprKind::ListComp { generators, .. } = expr("[x for x in y if x if z for w in x]") else { panic!() };
    assert_eq!((generators.len(), generators[0].ifs.len()), (2, 2));
    assert!(matches!(expr("{k: v for k, v in x}"), ExprKind::DictComp { .. }));
    assert!(matches!(expr("{x for x in y}"), ExprKind::SetComp { .. }));
    assert!(matches!(expr("(x for x in y)"), ExprKind::GeneratorExp { .. }));
    let ExprKind::Lambda { params, .. } = expr("lambda a, b=1, *c, d, **e: a") else { panic!() };
    assert_eq!((params.args.len(), params.defaults.len(), params.kwonly.len()), (2, 1, 1));
    assert!(matches!(expr("lambda: 0"), ExprKind::Lambda { .. }));
    assert_eq!(expr("..."), ExprKind::Constant(Constant::Ellipsis));
    assert_eq!(expr("True"), ExprKind::Constant(Constant::Bool(true)));
    syntax("x = [*a for a in b]\n", "iterable unpacking cannot be used in comprehension", 1, 6);
}

#[test]
fn frontend_locations() {
    let b = body("x = (1 +\n  2)\nif y:\n    z.w = [a,\n b]\n");
    assert_eq!(b[0].loc, loc(1, 0));
    let StmtKind::Assign { value, .. } = &b[0].kind else { panic!() };
    assert_eq!(value.loc, loc(1, 5));
    let StmtKind::If { body: inner, .. } = &b[1].kind else { panic!() };
    assert_eq!(inner[0].loc, loc(4, 4));
    let StmtKind::Assign { targets, value } = &inner[0].kind else { panic!() };
    assert_eq!((targets[0].loc, value.loc), (loc(4, 4), loc(4, 10)));
    let StmtKind::Assign { value, .. } = stmt("x = 'é' + b") else { panic!() };
    let ExprKind::BinOp { right, .. } = value.kind else { panic!() };
    assert_eq!(right.loc, loc(1, 10));
}

#[test]
fn frontend_modes() {
    let m = parse("1 + 2", "<string>", Mode::Eval).unwrap();
    assert!(matches!(&m.body[0].kind, StmtKind::Expr(Expr { kind: ExprKind::BinOp { .. }, .. })));
    assert!(parse("x = 1", "<string>", Mode::Eval).is_err());
    assert!(parse("*a, b", "<string>", Mode::Eval).is_err());
    assert!(parse("yield 1", "<string>", Mode::Eval).is_err());
    assert!(parse("1, 2,\n", "<string>", Mode::Eval).is_ok());
    assert!(parse("def g():\n  f'{yield}'\n", "t.py", Mode::File).is_ok());
    assert!(parse("  (1,\n 2)\n", "<string>", Mode::Eval).is_ok());
    assert_eq!(parse("x = 1\nif x:\n  y\n", "<stdin>", Mode::Interactive).unwrap().body.len(), 2);
    assert!(parse("", "t.py", Mode::File).unwrap().body.is_empty());
    assert!(parse("\n\n# only a comment\n", "t.py", Mode::File).unwrap().body.is_empty());
    assert_eq!(parse("x = 1\r\ny = 2\r", "t.py", Mode::File).unwrap().body.len(), 2);
}

#[test]
fn frontend_incomplete() {
    for src in ["x = (1,", "if x:", "if x:\n  y", "def f():\n  return 1\n", "s = '''abc", "x = 1 + \\", "@d\n"] {
        assert!(is_incomplete(src), "{src:?}");
    }
    for src in ["x = 1", "if x:\n  y\n\n", "x = )", "x = 'abc", "if x: y\n\n", "1 +"] {
        assert!(!is_incomplete(src), "{src:?}");
    }
}

// ------------------------------------------------------------------ errors

#[test]
fn frontend_indentation_errors() {
    indentation("if x:\n  a\n b\n", "unindent does not match any outer indentation level", 3, 3);
    indentation("  x\n", "unexpected indent", 1, 2);
    indentation("x = 1\n  y = 2\n", "unexpected indent", 2, 2);
    indentation("if x:\npass\n", "expected an indented block after 'if' statement on line 1", 2, 1);
    indentation("if x:\n", "expected an indented block after 'if' statement on line 1", 1, 6);
    indentation("def f():\nreturn 1\n", "expected an indented block after function definition on line 1", 2, 1);
    indentation("class A:\nx\n", "expected an indented block after class definition on line 1", 2, 1);
    indentation("for x in y:\nx\n", "expected an indented block after 'for' statement on line 1", 2, 1);
    indentation("while x:\nx\n", "expected an indented block after 'while' statement on line 1", 2, 1);
    indentation("with a:\nx\n", "expected an indented block after 'with' statement on line 1", 2, 1);
    indentation("try:\nx\n", "expected an indented block after 'try' statement on line 1", 2, 1);
    indentation("try:\n  x\nexcept:\nx\n", "expected an indented block after 'except' statement on line 3", 4, 1);
    indentation("try:\n  x\nfinally:\nx\n", "expected an indented block after 'finally' statement on line 3", 4, 1);
    indentation("if x:\n  y\nelse:\nx\n", "expected an indented block after 'else' statement on line 3", 4, 1);
    indentation("if x:\n  y\nelif z:\nx\n", "expected an indented block after 'elif' statement on line 3", 4, 1);
    let (kind, message, ..) = error("if x:\n\tpass\n        pass\n");
    assert_eq!((kind, message.as_str()), (SyntaxErrorKind::TabError, "inconsistent use of tabs and spaces in indentation"));
}

#[test]
fn frontend_syntax_errors() {
    syntax("x = (1,\n2\n", "'(' was never closed", 1, 5);
    syntax("x = (1 2\n", "'(' was never closed", 1, 5);
    syntax("x = [a\ny = 2\n", "'[' was never closed", 1, 5);
    syntax("def f(:\n", "invalid syntax", 1, 7);
    syntax("x = )", "unmatched ')'", 1, 5);
    syntax("x = (]", "closing parenthesis ']' does not match opening parenthesis '('", 1, 6);
    syntax("x = (\n]", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1);
    syntax("if x\n  pass\n", "expected ':'", 1, 5);
    syntax("x = \u{20ac}", "invalid character '\u{20ac}' (U+20AC)", 1, 5);
    syntax("x = $", "invalid syntax", 1, 5);
    syntax("x = 1 \\ 2", "unexpected character after line continuation character", 1, 8);
    syntax("x = 1 + \\", "unexpected EOF while parsing", 1, 10);
    syntax("x = 1 +\n", "invalid syntax", 1, 8);
    syntax("f(1 2)", "invalid syntax. Perhaps you forgot a comma?", 1, 3);
    syntax("f(a.b c.d)", "invalid syntax. Perhaps you forgot a comma?", 1, 3);
    syntax("print \"hi\"", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1);
    syntax("a = 1 if x\n", "expected 'else' after 'if' expression", 1, 5);
    syntax("try:\n    pass\n", "expected 'except' or 'finally' block", 2, 9);
    syntax("try:\n    pass\nx = 1\n", "expected 'except' or 'finally' block", 3, 1);
    syntax("a ! b", "invalid syntax", 1, 3);
    syntax("a\0b", "source code cannot contain null bytes", 1, 1);
    syntax("def f(x) y:\n  pass\n", "expected ':'", 1, 10);
    syntax("try x:\n  pass\n", "expected ':'", 1, 5);
    syntax("def f(x y):\n  pass\n", "invalid syntax", 1, 9);
    syntax("f(a, b.c=1)", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 6);
    syntax("x = (a=1)", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 6);
    syntax("S = 0o0004o0004", "invalid octal literal", 1, 10);
    syntax("def f(a, (b, c)):\n  pass\n", "Function parameters cannot be parenthesized", 1, 10);
    syntax("def f g(a):\n  pass\n", "expected '('", 1, 7);
    syntax("x = {1: 2, a.b}", "':' expected after dictionary key", 1, 14);
    syntax("x = [a, b for a, b in c]", "did you forget parentheses around the comprehension target?", 1, 6);
    syntax("x = {1: 2, **a, 3}", "':' expected after dictionary key", 1, 17);
    syntax("x = [a for a in b if c\n", "'[' was never closed", 1, 5);
    indentation("if x:\n    pass\n  else:\n    pass\n", "unindent does not match any outer indentation level", 3, 8);
    indentation("x = 1\n  y = 2\nz = )\n", "unexpected indent", 2, 2);
}

#[test]
fn frontend_target_errors() {
    syntax("f() = 1", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1);
    syntax("x + 1 = 2", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1);
    syntax("a, f() = x", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 4);
    syntax("x = 5 = 6", "cannot assign to literal", 1, 5);
    syntax("(a, 1) = x", "cannot assign to literal", 1, 5);
    syntax("[a, b+1] = x", "cannot assign to expression", 1, 5);
    syntax("None = 1", "cannot assign to None", 1, 1);
    syntax("a < b = 1", "cannot assign to comparison", 1, 1);
    syntax("for f() in x: pass", "cannot assign to function call", 1, 5);
    syntax("[x for 1 in y]", "cannot assign to literal", 1, 8);
    syntax("with a as f(): pass", "cannot assign to function call", 1, 11);
    syntax("del (a, 1)", "cannot delete literal", 1, 9);
    syntax("x.y += 1; f() += 1", "'function call' is an illegal expression for augmented assignment", 1, 11);
    syntax("f(): int", "illegal target for annotation", 1, 1);
    assert!(parse("a, *b.c, d[0] = x\ndel a, b.c, d[1:2]\n", "t.py", Mode::File).is_ok());
}

// ------------------------------------------------------------------ limits

fn deep_error(src: &str) {
    let e = parse(src, "t.py", Mode::File).expect_err("must be refused");
    assert_eq!(e.kind, SyntaxErrorKind::RecursionError);
    assert_eq!(e.to_string(), "RecursionError: maximum recursion depth exceeded during compilation");
}

#[test]
fn frontend_deep_nesting_is_refused() {
    deep_error(&format!("{}1", "-".repeat(100_000)));
    deep_error(&"+1".repeat(100_000));
    deep_error(&format!("x = {}b", "a.".repeat(100_000)));
    deep_error(&format!("f{}", "()".repeat(10_000)));
    deep_error(&format!("x{}", "[0]".repeat(10_000)));
    deep_error(&format!("{}1", "not ".repeat(5000)));
    deep_error(&format!("{}1", "lambda:".repeat(5000)));
    deep_error(&format!("{}1", "x if x else ".repeat(5000)));
    deep_error(&format!("{}1", "2**".repeat(5000)));
    syntax(&format!("{}{}", "(".repeat(300), ")".repeat(300)), "too many nested parentheses", 1, 201);
    let nested_ifs: String = (0..10_000).map(|i| format!("{}if x:\n", " ".repeat(i))).collect();
    let e = parse(&nested_ifs, "t.py", Mode::File).expect_err("too deep");
    assert_eq!((e.kind, e.message.as_str()), (SyntaxErrorKind::IndentationError, "too many levels of indentation"));
}

#[test]
fn frontend_accepted_nesting_is_bounded() {
    let m = parse(&format!("{}1", "-".repeat(1023)), "t.py", Mode::File).unwrap();
    let StmtKind::Expr(e) = &m.body[0].kind else { panic!() };
    assert_eq!(depth(e), 1024);
    deep_error(&format!("{}1", "-".repeat(1024)));
    let m = parse(&format!("{}{}", "(".repeat(150), ")".repeat(150)), "t.py", Mode::File).unwrap();
    assert_eq!(m.body.len(), 1);
    let m = parse(&format!("x = [{}]", "1, ".repeat(100_000)), "t.py", Mode::File).unwrap();
    assert_eq!(m.body.len(), 1);
}

#[test]
fn frontend_huge_literals() {
    let e = error(&format!("x = {}", "9".repeat(1_000_000)));
    assert!(e.1.starts_with("Exceeds the limit (4300 digits)"));
    assert!(matches!(constant_of(&format!("0x{}", "f".repeat(100_000))), Constant::BigInt(_)));
    assert!(matches!(constant_of(&"9".repeat(4300)), Constant::BigInt(_)));
    assert_eq!(str_const(&format!("'{}'", "a".repeat(1_000_000))).len(), 1_000_000);
}

#[test]
fn frontend_garbage_never_panics() {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let alphabet: Vec<char> = "()[]{}:;,.'\"\\#@=+-*/%&|^~<>!0123456789abcdefxjn_ \t\n\r\0\u{20ac}é".chars().collect();
    for _ in 0..3000 {
        let len = (seed % 40) as usize;
        let mut s = String::new();
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        let _ = parse(&s, "t.py", Mode::File);
        let _ = parse(&s, "t.py", Mode::Eval);
        let _ = is_incomplete(&s);
        let _ = parse(&format!("f'{{{s}}}'"), "t.py", Mode::File);
    }
    let bytes: Vec<u8> = (0..5000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let _ = parse(&String::from_utf8_lossy(&bytes), "t.py", Mode::File);
}

#[test]
fn frontend_decode_source() {
    assert_eq!(decode_source("x = 'é'".as_bytes(), "f.py").unwrap(), "x = 'é'");
    let e = decode_source(b"# c\nprint('\xff(')\n", "f.py").unwrap_err();
    assert_eq!(
        e.to_string(),
        "SyntaxError: Non-UTF-8 code starting with '\\xff' in file f.py on line 2, but no encoding declared; \
         see https://peps.python.org/pep-0263/ for details"
    );
    assert_eq!(decode_source(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n", "f.py").unwrap(), "# -*- coding: latin-1 -*-\nx = '\u{e9}'\n");
    assert!(parse("\u{feff}x = 1\n", "f.py", Mode::File).is_ok());
}
