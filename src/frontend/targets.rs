//! Checks of assignment, `for`, `with ... as` and `del` targets, worded as
//! CPython's parser words them.

use super::ast::*;
use super::builder::{err, R};

/// What a target is used for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Use {
    Assign,
    Delete,
}

/// CPython's name for an expression in error messages.
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first part of `e` that cannot be a target, if any.
fn invalid_part(e: &Expr, usage: Use) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().find_map(|i| invalid_part(i, usage)),
        ExprKind::Starred(inner) if usage == Use::Assign => invalid_part(inner, usage),
        _ => Some(e),
    }
}

fn plain_error(bad: &Expr, usage: Use) -> R<()> {
    if matches!(bad.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) && usage == Use::Assign {
        return err("assignment to yield expression not possible", bad.loc);
    }
    let verb = if usage == Use::Assign { "assign to" } else { "delete" };
    err(format!("cannot {verb} {}", expr_name(bad)), bad.loc)
}

/// CPython gives its hint only for an expression of `|` precedence or tighter.
fn below_comparisons(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp { op: UnaryOp::Not, .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
    )
}

/// A `for`, `with ... as`, comprehension or `del` target.
pub fn check(e: &Expr, usage: Use) -> R<()> {
    match invalid_part(e, usage) {
        Some(bad) => plain_error(bad, usage),
        None => Ok(()),
    }
}

/// The targets of `t1 = t2 = ... = value`. The first target, when it is the
/// expression just before an `=`, gets CPython's "Maybe you meant '=='" hint.
pub fn check_assign(targets: &[Expr]) -> R<()> {
    let Some(first) = targets.first() else { return Ok(()) };
    if let Some(bad) = invalid_part(first, Use::Assign) {
        let before_equals = match &first.kind {
            ExprKind::Tuple(items) if items.first().is_some_and(|i| i.loc == first.loc) => {
                items.last().is_some_and(|last| std::ptr::eq(last, bad))
            }
            ExprKind::Tuple(_) | ExprKind::List(_) | ExprKind::GeneratorExp { .. } => false,
            ExprKind::Constant(Constant::None | Constant::Bool(_)) => false,
            _ => std::ptr::eq(first, bad),
        };
        let hinted = before_equals && below_comparisons(bad);
        if hinted {
            let message = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(bad));
            return err(message, bad.loc);
        }
        return plain_error(bad, Use::Assign);
    }
    targets[1..].iter().try_for_each(|t| check(t, Use::Assign))
}
