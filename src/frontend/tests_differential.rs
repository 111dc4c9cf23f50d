//! Differential aids, run by hand against CPython: they print what the
//! front end makes of a folder of files, in the format of small CPython
//! scripts (see `frontend_cases` and `frontend_locs`).

use super::ast::*;
use super::{parse, Mode};

/// Differential aid: `GILVM_CASES=dir cargo test frontend_cases -- --ignored --nocapture`
/// prints each file's result as `name OK` or `name Kind "message" line offset`,
/// to compare with the same report from CPython's `compile`.
#[test]
#[ignore]
fn frontend_cases() {
    let Ok(dir) = std::env::var("GILVM_CASES") else { return };
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut files: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    for f in files {
        let name = f.file_name().unwrap_or_default().to_string_lossy().to_string();
        let Ok(src) = std::fs::read_to_string(&f) else {
            println!("{name} NONUTF8");
            continue;
        };
        match parse(&src, "f.py", Mode::File) {
            Ok(_) => println!("{name} OK"),
            Err(e) => println!("{name} {} {:?} {} {}", e.kind.name(), e.message, e.line, e.offset),
        }
    }
}

/// Differential aid: `GILVM_LOCS=dir cargo test frontend_locs -- --ignored --nocapture`
/// prints `file Node line col` for every statement and expression, to compare
/// (sorted) with the same list from CPython's `ast.walk`.
#[test]
#[ignore]
fn frontend_locs() {
    let Ok(dir) = std::env::var("GILVM_LOCS") else { return };
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for f in entries.filter_map(|e| e.ok()).map(|e| e.path()) {
        let name = f.file_name().unwrap_or_default().to_string_lossy().to_string();
        let Ok(src) = std::fs::read_to_string(&f) else { continue };
        let Ok(m) = parse(&src, "f.py", Mode::File) else { continue };
        let mut out = Vec::new();
        m.body.iter().for_each(|s| walk_stmt(s, &mut out));
        for (kind, l) in out {
            println!("{name} {kind} {} {}", l.line, l.col);
        }
    }
}

fn variant(debug: String) -> String {
    debug.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_string()
}

fn walk_stmt(s: &Stmt, out: &mut Vec<(String, Loc)>) {
    out.push((variant(format!("{:?}", s.kind)), s.loc));
    let mut exprs: Vec<&Expr> = Vec::new();
    let mut blocks: Vec<&Vec<Stmt>> = Vec::new();
    match &s.kind {
        StmtKind::Expr(e) => exprs.push(e),
        StmtKind::Assign { targets, value } => {
            exprs.extend(targets);
            exprs.push(value);
        }
        StmtKind::AugAssign { target, value, .. } => exprs.extend([target, value]),
        StmtKind::AnnAssign { target, annotation, value, .. } => {
            exprs.extend([target, annotation]);
            exprs.extend(value);
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            exprs.push(test);
            blocks.extend([body, orelse]);
        }
        StmtKind::For { target, iter, body, orelse } => {
            exprs.extend([target, iter]);
            blocks.extend([body, orelse]);
        }
        StmtKind::FunctionDef(f) => {
            exprs.extend(&f.decorators);
            exprs.extend(&f.returns);
            param_exprs(&f.params, &mut exprs);
            blocks.push(&f.body);
        }
        StmtKind::ClassDef(c) => {
            exprs.extend(&c.decorators);
            exprs.extend(&c.bases);
            exprs.extend(c.keywords.iter().map(|k| &k.value));
            blocks.push(&c.body);
        }
        StmtKind::Return(v) => exprs.extend(v),
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            blocks.extend([body, orelse, finalbody]);
            for h in handlers {
                exprs.extend(&h.typ);
                blocks.push(&h.body);
            }
        }
        StmtKind::Raise { exc, cause } => {
            exprs.extend(exc);
            exprs.extend(cause);
        }
        StmtKind::With { items, body } => {
            for i in items {
                exprs.push(&i.context);
                exprs.extend(&i.target);
            }
            blocks.push(body);
        }
        StmtKind::Assert { test, msg } => {
            exprs.push(test);
            exprs.extend(msg);
        }
        StmtKind::Delete(t) => exprs.extend(t),
        _ => {}
    }
    exprs.into_iter().for_each(|e| walk_expr(e, out));
    blocks.into_iter().flatten().for_each(|s| walk_stmt(s, out));
}

fn param_exprs<'a>(p: &'a Parameters, exprs: &mut Vec<&'a Expr>) {
    let all = p.posonly.iter().chain(&p.args).chain(&p.vararg).chain(&p.kwonly).chain(&p.kwarg);
    exprs.extend(all.filter_map(|a| a.annotation.as_ref()));
    exprs.extend(&p.defaults);
    exprs.extend(p.kw_defaults.iter().flatten());
}

fn walk_expr(e: &Expr, out: &mut Vec<(String, Loc)>) {
    out.push((variant(format!("{:?}", e.kind)), e.loc));
    let mut kids: Vec<&Expr> = Vec::new();
    match &e.kind {
        ExprKind::BoolOp { values, .. } => kids.extend(values),
        ExprKind::BinOp { left, right, .. } => kids.extend([&**left, &**right]),
        ExprKind::UnaryOp { operand, .. } => kids.push(operand),
        ExprKind::Lambda { params, body } => {
            param_exprs(params, &mut kids);
            kids.push(body);
        }
        ExprKind::IfExp { test, body, orelse } => kids.extend([&**test, &**body, &**orelse]),
        ExprKind::NamedExpr { value, .. } => {
            out.push(("Name".to_string(), e.loc));
            kids.push(value);
        }
        ExprKind::Dict { keys, values } => {
            kids.extend(keys.iter().flatten());
            kids.extend(values);
        }
        ExprKind::Set(v) | ExprKind::List(v) | ExprKind::Tuple(v) | ExprKind::JoinedStr(v) => kids.extend(v),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            kids.push(elt);
            generator_exprs(generators, &mut kids);
        }
        ExprKind::DictComp { key, value, generators } => {
            kids.extend([&**key, &**value]);
            generator_exprs(generators, &mut kids);
        }
        ExprKind::Yield(v) => kids.extend(v.as_deref()),
        ExprKind::YieldFrom(v) | ExprKind::Starred(v) | ExprKind::Attribute { value: v, .. } => kids.push(v),
        ExprKind::Compare { left, comparators, .. } => {
            kids.push(left);
            kids.extend(comparators);
        }
        ExprKind::Call { func, args, keywords } => {
            kids.push(func);
            kids.extend(args);
            kids.extend(keywords.iter().map(|k| &k.value));
        }
        ExprKind::FormattedValue { value, format_spec, .. } => {
            kids.push(value);
            kids.extend(format_spec.as_deref());
        }
        ExprKind::Subscript { value, slice } => kids.extend([&**value, &**slice]),
        ExprKind::Slice { lower, upper, step } => {
            kids.extend(lower.as_deref());
            kids.extend(upper.as_deref());
            kids.extend(step.as_deref());
        }
        ExprKind::Constant(_) | ExprKind::Name(_) => {}
    }
    kids.into_iter().for_each(|k| walk_expr(k, out));
}

fn generator_exprs<'a>(generators: &'a [Comprehension], kids: &mut Vec<&'a Expr>) {
    for g in generators {
        kids.extend([&g.target, &g.iter]);
        kids.extend(&g.ifs);
    }
}
