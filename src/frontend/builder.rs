//! Helpers the grammar's actions call to build AST nodes.
//!
//! Every expression travels through the grammar as an `Ex`, which carries the
//! depth of its tree. A node deeper than `MAX_DEPTH` is refused as it is built,
//! so no tree the parser holds or returns can make a recursive walk (or the
//! recursive `Drop`) overflow the native stack.

use lalrpop_util::ParseError;

use super::ast::*;
use super::error::{Diag, SyntaxErrorKind};
use super::token::Tok;

/// Deepest expression tree accepted: about 1000, so that the compiler's
/// recursion stays small (CPython accepts up to about 3000, and 1000 is what
/// real programs can be expected to reach).
pub const MAX_DEPTH: u32 = 1024;

pub type PErr = ParseError<Loc, Tok, Diag>;
pub type R<T> = Result<T, PErr>;

/// An expression and the depth of its tree.
#[derive(Debug)]
pub struct Ex {
    pub e: Expr,
    pub depth: u32,
}

pub fn err<T>(message: impl Into<String>, loc: Loc) -> R<T> {
    Err(ParseError::User { error: Diag::syntax(message, loc) })
}

/// Builds a node whose deepest child has depth `child_depth`. A node's
/// location is that of its first token, an opening parenthesis included (as
/// CPython has it), which is why the grammar passes it in.
pub fn node(loc: Loc, kind: ExprKind, child_depth: u32) -> R<Ex> {
    let depth = child_depth + 1;
    if depth > MAX_DEPTH {
        let error = Diag {
            kind: SyntaxErrorKind::RecursionError,
            message: "maximum recursion depth exceeded during compilation".into(),
            loc,
        };
        return Err(ParseError::User { error });
    }
    Ok(Ex { e: Expr::new(loc, kind), depth })
}

pub fn leaf(loc: Loc, kind: ExprKind) -> Ex {
    Ex { e: Expr::new(loc, kind), depth: 1 }
}

pub fn constant(loc: Loc, c: Constant) -> Ex {
    leaf(loc, ExprKind::Constant(c))
}

/// Unwraps a list of expressions, returning them and their greatest depth.
pub fn unwrap_all(items: Vec<Ex>) -> (Vec<Expr>, u32) {
    let depth = items.iter().map(|x| x.depth).max().unwrap_or(0);
    (items.into_iter().map(|x| x.e).collect(), depth)
}

pub fn opt_depth(x: &Option<Ex>) -> u32 {
    x.as_ref().map_or(0, |x| x.depth)
}

pub fn boxed(x: Ex) -> Box<Expr> {
    Box::new(x.e)
}

pub fn bin(loc: Loc, left: Ex, op: BinOp, right: Ex) -> R<Ex> {
    let depth = left.depth.max(right.depth);
    node(loc, ExprKind::BinOp { left: boxed(left), op, right: boxed(right) }, depth)
}

pub fn unary(loc: Loc, op: UnaryOp, operand: Ex) -> R<Ex> {
    let depth = operand.depth;
    node(loc, ExprKind::UnaryOp { op, operand: boxed(operand) }, depth)
}

pub fn bool_op(loc: Loc, op: BoolOp, first: Ex, rest: Vec<Ex>) -> R<Ex> {
    let mut all = vec![first];
    all.extend(rest);
    let (values, depth) = unwrap_all(all);
    node(loc, ExprKind::BoolOp { op, values }, depth)
}

pub fn compare(loc: Loc, left: Ex, rest: Vec<(CmpOp, Ex)>) -> R<Ex> {
    let (ops, comparators): (Vec<CmpOp>, Vec<Ex>) = rest.into_iter().unzip();
    let (comparators, depth) = unwrap_all(comparators);
    let depth = depth.max(left.depth);
    node(loc, ExprKind::Compare { left: boxed(left), ops, comparators }, depth)
}

pub fn if_exp(loc: Loc, body: Ex, test: Ex, orelse: Ex) -> R<Ex> {
    let depth = body.depth.max(test.depth).max(orelse.depth);
    let kind = ExprKind::IfExp { test: boxed(test), body: boxed(body), orelse: boxed(orelse) };
    node(loc, kind, depth)
}

/// `target := value`; only a plain name can be the target (as CPython says
/// when it is not).
pub fn named_expr(loc: Loc, target: Ex, value: Ex) -> R<Ex> {
    let ExprKind::Name(name) = target.e.kind else {
        let what = crate::frontend::targets::expr_name(&target.e);
        return err(format!("cannot use assignment expressions with {what}"), target.e.loc);
    };
    let depth = value.depth;
    node(loc, ExprKind::NamedExpr { target: name, value: boxed(value) }, depth)
}

pub fn attribute(loc: Loc, value: Ex, attr: String) -> R<Ex> {
    let depth = value.depth;
    node(loc, ExprKind::Attribute { value: boxed(value), attr }, depth)
}

pub fn subscript(loc: Loc, value: Ex, slice: Ex) -> R<Ex> {
    let depth = value.depth.max(slice.depth);
    node(loc, ExprKind::Subscript { value: boxed(value), slice: boxed(slice) }, depth)
}

pub fn slice(loc: Loc, lower: Option<Ex>, upper: Option<Ex>, step: Option<Option<Ex>>) -> R<Ex> {
    let step = step.flatten();
    let depth = opt_depth(&lower).max(opt_depth(&upper)).max(opt_depth(&step));
    let kind = ExprKind::Slice { lower: lower.map(boxed), upper: upper.map(boxed), step: step.map(boxed) };
    node(loc, kind, depth)
}

pub fn starred(loc: Loc, value: Ex) -> R<Ex> {
    let depth = value.depth;
    node(loc, ExprKind::Starred(boxed(value)), depth)
}

pub fn tuple(loc: Loc, items: Vec<Ex>) -> R<Ex> {
    let (items, depth) = unwrap_all(items);
    node(loc, ExprKind::Tuple(items), depth)
}

pub fn list(loc: Loc, items: Vec<Ex>) -> R<Ex> {
    let (items, depth) = unwrap_all(items);
    node(loc, ExprKind::List(items), depth)
}

pub fn set(loc: Loc, items: Vec<Ex>) -> R<Ex> {
    let (items, depth) = unwrap_all(items);
    node(loc, ExprKind::Set(items), depth)
}

pub fn dict(loc: Loc, items: Vec<(Option<Ex>, Ex)>) -> R<Ex> {
    let mut depth = 0;
    let mut keys = Vec::with_capacity(items.len());
    let mut values = Vec::with_capacity(items.len());
    for (k, v) in items {
        depth = depth.max(opt_depth(&k)).max(v.depth);
        keys.push(k.map(|k| k.e));
        values.push(v.e);
    }
    node(loc, ExprKind::Dict { keys, values }, depth)
}

/// A parenthesised expression: `(x)` is `x` itself; a bare starred one is an error.
pub fn group(e: Ex) -> R<Ex> {
    if matches!(e.e.kind, ExprKind::Starred(_)) {
        return err("cannot use starred expression here", e.e.loc);
    }
    Ok(e)
}

/// One `for ... in ... if ...` clause, with the depth of its parts.
pub struct CompClause {
    pub comp: Comprehension,
    pub depth: u32,
}

pub fn comp_clause(target: Ex, iter: Ex, ifs: Vec<Ex>) -> R<CompClause> {
    super::targets::check(&target.e, super::targets::Use::Assign)?;
    let (ifs, if_depth) = unwrap_all(ifs);
    let depth = target.depth.max(iter.depth).max(if_depth);
    Ok(CompClause { comp: Comprehension { target: target.e, iter: iter.e, ifs }, depth })
}

fn unwrap_clauses(clauses: Vec<CompClause>) -> (Vec<Comprehension>, u32) {
    let depth = clauses.iter().map(|c| c.depth).max().unwrap_or(0);
    (clauses.into_iter().map(|c| c.comp).collect(), depth)
}

#[derive(Clone, Copy)]
pub enum CompKind {
    List,
    Set,
    Gen,
}

pub fn comprehension(loc: Loc, kind: CompKind, elt: Ex, clauses: Vec<CompClause>) -> R<Ex> {
    if matches!(elt.e.kind, ExprKind::Starred(_)) {
        return err("iterable unpacking cannot be used in comprehension", elt.e.loc);
    }
    let (generators, depth) = unwrap_clauses(clauses);
    let depth = depth.max(elt.depth);
    let elt = boxed(elt);
    let kind = match kind {
        CompKind::List => ExprKind::ListComp { elt, generators },
        CompKind::Set => ExprKind::SetComp { elt, generators },
        CompKind::Gen => ExprKind::GeneratorExp { elt, generators },
    };
    node(loc, kind, depth)
}

pub fn dict_comp(loc: Loc, key: Ex, value: Ex, clauses: Vec<CompClause>) -> R<Ex> {
    let (generators, depth) = unwrap_clauses(clauses);
    let depth = depth.max(key.depth).max(value.depth);
    node(loc, ExprKind::DictComp { key: boxed(key), value: boxed(value), generators }, depth)
}

pub fn yield_expr(loc: Loc, value: Option<Ex>) -> R<Ex> {
    let depth = opt_depth(&value);
    node(loc, ExprKind::Yield(value.map(boxed)), depth)
}

pub fn yield_from(loc: Loc, value: Ex) -> R<Ex> {
    let depth = value.depth;
    node(loc, ExprKind::YieldFrom(boxed(value)), depth)
}

/// One argument of a call (or of a class statement).
pub enum Arg {
    Positional(Ex),
    /// A generator expression without its own parentheses: `f(x for x in y)`.
    BareGenerator(Ex),
    Keyword(Loc, Option<String>, Ex),
}

/// Splits arguments into positional and keyword ones, checking their order;
/// also returns their greatest depth.
pub fn arguments(args: Vec<Arg>) -> R<(Vec<Expr>, Vec<Keyword>, u32)> {
    let mut positional = Vec::new();
    let mut keywords = Vec::new();
    let mut depth = 0;
    let mut seen_double_star = false;
    for arg in args {
        match arg {
            Arg::Positional(x) | Arg::BareGenerator(x) => {
                let starred = matches!(x.e.kind, ExprKind::Starred(_));
                if !keywords.is_empty() {
                    if seen_double_star && starred {
                        return err("iterable argument unpacking follows keyword argument unpacking", x.e.loc);
                    }
                    if !starred {
                        let message = if seen_double_star {
                            "positional argument follows keyword argument unpacking"
                        } else {
                            "positional argument follows keyword argument"
                        };
                        return err(message, x.e.loc);
                    }
                }
                depth = depth.max(x.depth);
                positional.push(x.e);
            }
            Arg::Keyword(loc, name, value) => {
                seen_double_star |= name.is_none();
                depth = depth.max(value.depth);
                keywords.push(Keyword { loc, arg: name, value: value.e });
            }
        }
    }
    Ok((positional, keywords, depth))
}

/// Marks a generator written without parentheses as a call's argument.
pub fn bare_generator(loc: Loc, elt: Ex, clauses: Vec<CompClause>) -> R<Arg> {
    Ok(Arg::BareGenerator(comprehension(loc, CompKind::Gen, elt, clauses)?))
}

/// `func(args)`; `paren` is where the `(` is: the location CPython gives a
/// lone generator argument.
pub fn call(loc: Loc, func: Ex, paren: Loc, mut args: Vec<Arg>) -> R<Ex> {
    if args.len() > 1 {
        if let Some(Arg::BareGenerator(g)) = args.iter().find(|a| matches!(a, Arg::BareGenerator(_))) {
            return err("Generator expression must be parenthesized", g.e.loc);
        }
    } else if let Some(Arg::BareGenerator(g)) = args.first_mut() {
        g.e.loc = paren;
    }
    let (args, keywords, depth) = arguments(args)?;
    let depth = depth.max(func.depth);
    node(loc, ExprKind::Call { func: boxed(func), args, keywords }, depth)
}

pub fn expr_stmt(x: Ex) -> Stmt {
    Stmt::new(x.e.loc, StmtKind::Expr(x.e))
}
