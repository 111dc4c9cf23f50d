//! How deeply a module's tree nests, measured without recursion.
//!
//! The compiler's passes recurse once per level of nesting. The front end
//! bounds the depth (about 1000), but a thread started by a script may have
//! as little as 256 KiB of native stack: `compile` measures the depth first
//! and moves a deep tree's compilation to a helper thread with a large stack.

use crate::frontend::ast::*;

enum Node<'a> {
    Stmt(&'a Stmt),
    Expr(&'a Expr),
}

/// The deepest nesting of statements and expressions in `body`.
pub fn max_depth(body: &[Stmt]) -> usize {
    let mut work: Vec<(Node, usize)> = body.iter().map(|s| (Node::Stmt(s), 1)).collect();
    let mut deepest = 0;
    let mut children = Vec::new();
    while let Some((node, depth)) = work.pop() {
        deepest = deepest.max(depth);
        children.clear();
        match node {
            Node::Stmt(s) => stmt_children(s, &mut children),
            Node::Expr(e) => expr_children(e, &mut children),
        }
        work.extend(children.drain(..).map(|n| (n, depth + 1)));
    }
    deepest
}

fn stmts<'a>(body: &'a [Stmt], out: &mut Vec<Node<'a>>) {
    out.extend(body.iter().map(Node::Stmt));
}

fn exprs<'a>(items: impl IntoIterator<Item = &'a Expr>, out: &mut Vec<Node<'a>>) {
    out.extend(items.into_iter().map(Node::Expr));
}

fn params<'a>(p: &'a Parameters, out: &mut Vec<Node<'a>>) {
    exprs(p.defaults.iter().chain(p.kw_defaults.iter().flatten()), out);
}

fn stmt_children<'a>(s: &'a Stmt, out: &mut Vec<Node<'a>>) {
    match &s.kind {
        StmtKind::Expr(e) => exprs([e], out),
        StmtKind::Assign { targets, value } => {
            exprs(targets, out);
            exprs([value], out);
        }
        StmtKind::AugAssign { target, value, .. } => exprs([target, value], out),
        StmtKind::AnnAssign { target, value, .. } => exprs(std::iter::once(target).chain(value), out),
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            exprs([test], out);
            stmts(body, out);
            stmts(orelse, out);
        }
        StmtKind::For { target, iter, body, orelse } => {
            exprs([target, iter], out);
            stmts(body, out);
            stmts(orelse, out);
        }
        StmtKind::FunctionDef(f) => {
            exprs(&f.decorators, out);
            params(&f.params, out);
            stmts(&f.body, out);
        }
        StmtKind::ClassDef(c) => {
            exprs(c.decorators.iter().chain(&c.bases).chain(c.keywords.iter().map(|k| &k.value)), out);
            stmts(&c.body, out);
        }
        StmtKind::Return(v) => exprs(v, out),
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            stmts(body, out);
            for h in handlers {
                exprs(&h.typ, out);
                stmts(&h.body, out);
            }
            stmts(orelse, out);
            stmts(finalbody, out);
        }
        StmtKind::Raise { exc, cause } => exprs(exc.iter().chain(cause), out),
        StmtKind::With { items, body } => {
            for item in items {
                exprs(std::iter::once(&item.context).chain(&item.target), out);
            }
            stmts(body, out);
        }
        StmtKind::Assert { test, msg } => exprs(std::iter::once(test).chain(msg), out),
        StmtKind::Delete(targets) => exprs(targets, out),
        StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Pass
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Import(_)
        | StmtKind::ImportFrom { .. } => {}
    }
}

fn comprehension<'a>(elts: &[&'a Expr], gens: &'a [Comprehension], out: &mut Vec<Node<'a>>) {
    exprs(elts.iter().copied(), out);
    for g in gens {
        exprs(std::iter::once(&g.target).chain([&g.iter]).chain(&g.ifs), out);
    }
}

fn expr_children<'a>(e: &'a Expr, out: &mut Vec<Node<'a>>) {
    match &e.kind {
        ExprKind::BoolOp { values, .. } => exprs(values, out),
        ExprKind::BinOp { left, right, .. } => exprs([&**left, right], out),
        ExprKind::UnaryOp { operand: v, .. }
        | ExprKind::Attribute { value: v, .. }
        | ExprKind::Starred(v)
        | ExprKind::YieldFrom(v)
        | ExprKind::NamedExpr { value: v, .. } => exprs([&**v], out),
        ExprKind::Lambda { params: p, body } => {
            params(p, out);
            exprs([&**body], out);
        }
        ExprKind::IfExp { test, body, orelse } => exprs([&**test, body, orelse], out),
        ExprKind::Dict { keys, values } => exprs(keys.iter().flatten().chain(values), out),
        ExprKind::Set(items) | ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::JoinedStr(items) => {
            exprs(items, out)
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => comprehension(&[elt], generators, out),
        ExprKind::DictComp { key, value, generators } => comprehension(&[key, value], generators, out),
        ExprKind::Yield(v) => exprs(v.as_deref(), out),
        ExprKind::Compare { left, comparators, .. } => exprs(std::iter::once(&**left).chain(comparators), out),
        ExprKind::Call { func, args, keywords } => {
            exprs(std::iter::once(&**func).chain(args).chain(keywords.iter().map(|k| &k.value)), out)
        }
        ExprKind::FormattedValue { value, format_spec, .. } => {
            exprs(std::iter::once(&**value).chain(format_spec.as_deref()), out)
        }
        ExprKind::Subscript { value, slice } => exprs([&**value, slice], out),
        ExprKind::Slice { lower, upper, step } => exprs([lower, upper, step].into_iter().flatten().map(|b| &**b), out),
        ExprKind::Constant(_) | ExprKind::Name(_) => {}
    }
}
