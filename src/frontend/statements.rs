//! Helpers the grammar's actions call to build statements and parameter lists.

use super::ast::*;
use super::builder::{arguments, err, node, unwrap_all, Arg, Ex, R};
use super::targets::{check, check_assign, expr_name, Use};

pub fn assign(loc: Loc, first: Ex, rest: Vec<Ex>) -> R<Stmt> {
    let mut all: Vec<Expr> = std::iter::once(first.e).chain(rest.into_iter().map(|x| x.e)).collect();
    let value = all.pop().unwrap_or_else(|| Expr::new(loc, ExprKind::Constant(Constant::None)));
    check_assign(&all)?;
    Ok(Stmt::new(loc, StmtKind::Assign { targets: all, value }))
}

pub fn aug_assign(loc: Loc, target: Ex, op: BinOp, value: Ex) -> R<Stmt> {
    if !matches!(target.e.kind, ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }) {
        let what = expr_name(&target.e);
        return err(format!("'{what}' is an illegal expression for augmented assignment"), target.e.loc);
    }
    Ok(Stmt::new(loc, StmtKind::AugAssign { target: target.e, op, value: value.e }))
}

pub fn ann_assign(loc: Loc, target: Ex, annotation: Ex, value: Option<Ex>, parenthesised: bool) -> R<Stmt> {
    let simple = matches!(target.e.kind, ExprKind::Name(_)) && !parenthesised;
    match target.e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        ExprKind::Tuple(_) => return err("only single target (not tuple) can be annotated", target.e.loc),
        ExprKind::List(_) => return err("only single target (not list) can be annotated", target.e.loc),
        _ => return err("illegal target for annotation", target.e.loc),
    }
    let kind = StmtKind::AnnAssign { target: target.e, annotation: annotation.e, value: value.map(|v| v.e), simple };
    Ok(Stmt::new(loc, kind))
}

/// `if` with its `elif` clauses (each `(loc, test, body)`) folded into nested `If`s.
pub fn if_stmt(loc: Loc, test: Ex, body: Vec<Stmt>, elifs: Vec<(Loc, Ex, Vec<Stmt>)>, orelse: Option<Vec<Stmt>>) -> Stmt {
    let mut orelse = orelse.unwrap_or_default();
    for (l, t, b) in elifs.into_iter().rev() {
        orelse = vec![Stmt::new(l, StmtKind::If { test: t.e, body: b, orelse })];
    }
    Stmt::new(loc, StmtKind::If { test: test.e, body, orelse })
}

/// One entry of a parameter list, in source order.
pub enum ParamItem {
    Plain(Param, Option<Ex>),
    Star(Loc, Option<Param>, bool),
    DoubleStar(Loc, Param, bool),
    Slash(Loc),
}

/// Checks the order of a parameter list as CPython's grammar does and sorts it out.
pub fn parameters(items: Vec<ParamItem>) -> R<Parameters> {
    let mut p = Parameters::default();
    let mut star_seen = false;
    let mut slash_seen = false;
    let mut bare_star: Option<Loc> = None;
    let mut kwarg_seen = false;
    for item in items {
        if kwarg_seen {
            return err("arguments cannot follow var-keyword argument", item_loc(&item));
        }
        match item {
            ParamItem::Plain(param, default) => {
                if star_seen {
                    bare_star = None;
                    p.kwonly.push(param);
                    p.kw_defaults.push(default.map(|d| d.e));
                } else {
                    if default.is_none() && !p.defaults.is_empty() {
                        return err("non-default argument follows default argument", param.loc);
                    }
                    p.defaults.extend(default.map(|d| d.e));
                    p.args.push(param);
                }
            }
            ParamItem::Star(loc, param, has_default) => {
                if star_seen {
                    return err("* argument may appear only once", loc);
                }
                if has_default {
                    return err("var-positional argument cannot have default value", loc);
                }
                star_seen = true;
                if param.is_none() {
                    bare_star = Some(loc);
                }
                p.vararg = param;
            }
            ParamItem::DoubleStar(loc, param, has_default) => {
                if has_default {
                    return err("var-keyword argument cannot have default value", loc);
                }
                if let Some(star) = bare_star.take() {
                    return err("named arguments must follow bare *", star);
                }
                kwarg_seen = true;
                p.kwarg = Some(param);
            }
            ParamItem::Slash(loc) => {
                if slash_seen {
                    return err("/ may appear only once", loc);
                }
                if star_seen {
                    return err("/ must be ahead of *", loc);
                }
                if p.args.is_empty() {
                    return err("at least one argument must precede /", loc);
                }
                slash_seen = true;
                p.posonly = std::mem::take(&mut p.args);
            }
        }
    }
    if let Some(star) = bare_star {
        return err("named arguments must follow bare *", star);
    }
    Ok(p)
}

fn item_loc(item: &ParamItem) -> Loc {
    match item {
        ParamItem::Plain(p, _) => p.loc,
        ParamItem::Star(l, ..) | ParamItem::DoubleStar(l, ..) | ParamItem::Slash(l) => *l,
    }
}

/// `lambda params: body`; its depth counts the defaults too.
pub fn lambda(loc: Loc, items: Vec<ParamItem>, body: Ex) -> R<Ex> {
    let defaults_depth = items
        .iter()
        .map(|item| match item {
            ParamItem::Plain(_, Some(d)) => d.depth,
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    let params = parameters(items)?;
    let depth = defaults_depth.max(body.depth);
    node(loc, ExprKind::Lambda { params: Box::new(params), body: Box::new(body.e) }, depth)
}

pub fn param(loc: Loc, name: String, annotation: Option<Ex>) -> Param {
    Param { loc, name, annotation: annotation.map(|a| a.e) }
}

pub fn function_def(
    decorators: Vec<Ex>,
    loc: Loc,
    name: String,
    params: Parameters,
    returns: Option<Ex>,
    body: Vec<Stmt>,
) -> Stmt {
    let (decorators, _) = unwrap_all(decorators);
    let def = FunctionDef { name, params, body, decorators, returns: returns.map(|r| r.e) };
    Stmt::new(loc, StmtKind::FunctionDef(Box::new(def)))
}

pub fn class_def(decorators: Vec<Ex>, loc: Loc, name: String, args: Option<Vec<Arg>>, body: Vec<Stmt>) -> R<Stmt> {
    let (decorators, _) = unwrap_all(decorators);
    let (bases, keywords, _) = arguments(args.unwrap_or_default())?;
    let def = ClassDef { name, bases, keywords, body, decorators };
    Ok(Stmt::new(loc, StmtKind::ClassDef(Box::new(def))))
}

pub fn try_stmt(
    loc: Loc,
    body: Vec<Stmt>,
    handlers: Vec<ExceptHandler>,
    orelse: Option<Vec<Stmt>>,
    finalbody: Option<Vec<Stmt>>,
) -> R<Stmt> {
    if let Some(bare) = handlers.iter().rev().skip(1).find(|h| h.typ.is_none()) {
        return err("default 'except:' must be last", bare.loc);
    }
    let kind = StmtKind::Try { body, handlers, orelse: orelse.unwrap_or_default(), finalbody: finalbody.unwrap_or_default() };
    Ok(Stmt::new(loc, kind))
}

pub fn handler(loc: Loc, clause: Option<(Ex, Option<String>)>, body: Vec<Stmt>) -> ExceptHandler {
    let (typ, name) = match clause {
        Some((t, n)) => (Some(t.e), n),
        None => (None, None),
    };
    ExceptHandler { loc, typ, name, body }
}

pub fn with_stmt(loc: Loc, mut items: Vec<(Ex, Option<Ex>)>, body: Vec<Stmt>) -> R<Stmt> {
    // `with (a, b):` is two context managers, as in CPython (not a tuple).
    if let [(Ex { e: Expr { kind: ExprKind::Tuple(elts), loc: tuple_loc, .. }, depth }, None)] = items.as_mut_slice() {
        let parenthesised = elts.first().is_some_and(|first| first.loc != *tuple_loc);
        if parenthesised && !elts.iter().any(|e| matches!(e.kind, ExprKind::Starred(_))) {
            let depth = *depth;
            items = std::mem::take(elts).into_iter().map(|e| (Ex { e, depth }, None)).collect();
        }
    }
    for (_, target) in &items {
        if let Some(t) = target {
            check(&t.e, Use::Assign)?;
        }
    }
    let items = items.into_iter().map(|(c, t)| WithItem { context: c.e, target: t.map(|t| t.e) }).collect();
    Ok(Stmt::new(loc, StmtKind::With { items, body }))
}

/// `del a, b[0]` deletes each target; a parenthesised tuple stays one target.
pub fn delete(loc: Loc, targets: Vec<Ex>) -> R<Stmt> {
    let (targets, _) = unwrap_all(targets);
    targets.iter().try_for_each(|t| check(t, Use::Delete))?;
    Ok(Stmt::new(loc, StmtKind::Delete(targets)))
}

pub fn for_stmt(loc: Loc, target: Ex, iter: Ex, body: Vec<Stmt>, orelse: Option<Vec<Stmt>>) -> R<Stmt> {
    check(&target.e, Use::Assign)?;
    let kind = StmtKind::For { target: target.e, iter: iter.e, body, orelse: orelse.unwrap_or_default() };
    Ok(Stmt::new(loc, kind))
}
