//! Statements: control flow, definitions, imports, assignments.

use std::sync::Arc;

use crate::bytecode::opcode::make_function;
use crate::bytecode::{Code, CodeKind, Constant, Instruction};
use crate::frontend::ast::Constant as Literal;
use crate::frontend::ast::*;
use crate::frontend::SyntaxError;

use super::symtable::{key_of, mangle};
use super::unwind::{Exit, FBlockKind};
use super::{docstring, Compiler};

impl<'a> Compiler<'a> {
    pub(super) fn stmts(&mut self, body: &'a [Stmt]) -> Result<(), SyntaxError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> Result<(), SyntaxError> {
        self.check_stack(s.loc)?;
        let saved = self.set_line(s.loc.line);
        let result = self.stmt_kind(s);
        self.set_line(saved);
        result
    }

    /// A thin dispatcher (one call per arm) to keep each nesting level's frame small.
    fn stmt_kind(&mut self, s: &'a Stmt) -> Result<(), SyntaxError> {
        use StmtKind as K;
        match &s.kind {
            K::Expr(e) => self.expr_stmt(e),
            K::Assign { targets, value } => self.assign(targets, value),
            K::AugAssign { target, op, value } => self.aug_assign(target, *op, value),
            K::AnnAssign { target, value: Some(v), .. } => {
                self.expr(v)?;
                self.store(target)
            }
            K::AnnAssign { value: None, .. } | K::Pass | K::Global(_) | K::Nonlocal(_) => Ok(()),
            K::If { test, body, orelse } => self.if_stmt(test, body, orelse),
            K::While { test, body, orelse } => self.while_stmt(test, body, orelse, s.loc),
            K::For { target, iter, body, orelse } => self.for_stmt(target, iter, body, orelse, s.loc),
            K::Break => self.leave_blocks(Exit::Break, s.loc),
            K::Continue => self.leave_blocks(Exit::Continue, s.loc),
            K::FunctionDef(f) => self.function_def(f, s.loc),
            K::ClassDef(c) => self.class_def(c, s.loc),
            K::Return(value) => self.return_stmt(value.as_ref(), s.loc),
            K::Try { body, handlers, orelse, finalbody } => self.try_stmt(body, handlers, orelse, finalbody, s.loc),
            K::Raise { exc, cause } => self.raise_stmt(exc, cause),
            K::With { items, body } => self.with_stmt(items, body, s.loc),
            K::Import(aliases) => {
                self.import(aliases);
                Ok(())
            }
            K::ImportFrom { module, names, level } => {
                self.import_from(module.as_deref(), names, *level);
                Ok(())
            }
            K::Assert { test, msg } => self.assert_stmt(test, msg.as_ref()),
            K::Delete(targets) => targets.iter().try_for_each(|t| self.delete(t)),
        }
    }

    fn assign(&mut self, targets: &'a [Expr], value: &'a Expr) -> Result<(), SyntaxError> {
        for t in targets {
            self.check_assign_target(t)?;
        }
        self.expr(value)?;
        for (i, t) in targets.iter().enumerate() {
            if i + 1 < targets.len() {
                self.emit(Instruction::Copy(1));
            }
            self.store(t)?;
        }
        Ok(())
    }

    fn return_stmt(&mut self, value: Option<&'a Expr>, loc: Loc) -> Result<(), SyntaxError> {
        if !matches!(self.scope_kind(), CodeKind::Function | CodeKind::Lambda) {
            return Err(self.error("'return' outside function", loc));
        }
        match value {
            Some(v) => self.expr(v)?,
            None => self.load_const(Constant::None),
        }
        self.leave_blocks(Exit::Return, loc)
    }

    fn assert_stmt(&mut self, test: &'a Expr, msg: Option<&'a Expr>) -> Result<(), SyntaxError> {
        let end = self.new_label();
        self.jump_if(test, true, end)?;
        // CPython 3.11 leaves a comparison's columns on the raise that follows
        // it, so its traceback marks the failed comparison.
        let saved = matches!(test.kind, ExprKind::Compare { .. }).then(|| self.set_position(test));
        self.emit(Instruction::LoadAssertionError);
        if let Some(m) = msg {
            self.expr(m)?;
            self.emit(Instruction::Call(1));
        }
        self.emit(Instruction::RaiseVarargs(1));
        if let Some(saved) = saved {
            self.restore_position(saved);
        }
        self.place(end);
        Ok(())
    }

    fn expr_stmt(&mut self, e: &'a Expr) -> Result<(), SyntaxError> {
        if self.interactive && self.scope_kind() == CodeKind::Module {
            self.expr(e)?;
            self.emit(Instruction::PrintExpr);
        } else if !matches!(e.kind, ExprKind::Constant(_)) {
            self.expr(e)?;
            self.emit(Instruction::PopTop);
        }
        Ok(())
    }

    fn if_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> Result<(), SyntaxError> {
        let end = self.new_label();
        if orelse.is_empty() {
            self.jump_if(test, false, end)?;
            self.stmts(body)?;
        } else {
            let otherwise = self.new_label();
            self.jump_if(test, false, otherwise)?;
            self.stmts(body)?;
            self.jump(Instruction::Jump, end);
            self.place(otherwise);
            self.stmts(orelse)?;
        }
        self.place(end);
        Ok(())
    }

    fn while_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt], loc: Loc) -> Result<(), SyntaxError> {
        let start = self.new_label();
        let otherwise = self.new_label();
        let exit = self.new_label();
        self.place(start);
        if !is_true_constant(test) {
            self.jump_if(test, false, otherwise)?;
        }
        let outer = self.u().current_handler;
        self.push_fblock(FBlockKind::WhileLoop { start, exit }, outer, loc)?;
        self.stmts(body)?;
        self.pop_fblock();
        self.set_line(loc.line);
        self.jump(Instruction::JumpBackward, start);
        self.place(otherwise);
        self.stmts(orelse)?;
        self.place(exit);
        Ok(())
    }

    fn for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        loc: Loc,
    ) -> Result<(), SyntaxError> {
        let start = self.new_label();
        let otherwise = self.new_label();
        let exit = self.new_label();
        self.expr(iter)?;
        self.emit(Instruction::GetIter);
        self.place(start);
        self.jump(Instruction::ForIter, otherwise);
        self.unit().depth += 1;
        self.store(target)?;
        let outer = self.u().current_handler;
        self.push_fblock(FBlockKind::ForLoop { start, exit }, outer, loc)?;
        self.stmts(body)?;
        self.pop_fblock();
        self.lower_depth(1);
        self.set_line(loc.line);
        self.jump(Instruction::JumpBackward, start);
        self.place(otherwise);
        self.stmts(orelse)?;
        self.place(exit);
        Ok(())
    }

    /// Pushes the defaults of a parameter list; returns the `MakeFunction` flags.
    pub(super) fn defaults(&mut self, params: &'a Parameters) -> Result<u32, SyntaxError> {
        let mut flags = 0;
        if !params.defaults.is_empty() {
            params.defaults.iter().try_for_each(|d| self.expr(d))?;
            self.emit(Instruction::BuildTuple(params.defaults.len() as u32));
            flags |= make_function::DEFAULTS;
        }
        let mut n = 0;
        for (p, d) in params.kwonly.iter().zip(&params.kw_defaults) {
            if let Some(d) = d {
                let name = self.mangled(&p.name);
                self.load_const(Constant::Str(name));
                self.expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(Instruction::BuildMap(n));
            flags |= make_function::KWDEFAULTS;
        }
        Ok(flags)
    }

    fn function_def(&mut self, f: &'a FunctionDef, loc: Loc) -> Result<(), SyntaxError> {
        f.decorators.iter().try_for_each(|d| self.expr(d))?;
        let flags = self.defaults(&f.params)?;
        let code = self.function_code(f, loc)?;
        self.make_function(code, flags);
        if let Some(doc) = docstring(&f.body) {
            // `f.__doc__`, set before any decorator sees the function.
            self.emit(Instruction::Copy(1));
            self.load_const(Constant::Str(doc.to_string()));
            self.emit(Instruction::Swap(2));
            let i = self.name_index("__doc__");
            self.emit(Instruction::StoreAttr(i));
        }
        self.apply_decorators(&f.decorators);
        self.store_name(&f.name);
        Ok(())
    }

    /// A function's code. Its `constants[0]` is the docstring, or `None`.
    fn function_code(&mut self, f: &'a FunctionDef, loc: Loc) -> Result<Arc<Code>, SyntaxError> {
        let scope = self.scope_id(key_of(f), loc)?;
        let first_line = f.decorators.first().map_or(loc.line, |d| d.loc.line);
        self.enter_scope(scope, first_line);
        self.set_line(loc.line);
        let doc = docstring(&f.body).map_or(Constant::None, |d| Constant::Str(d.to_string()));
        self.add_const(doc);
        self.stmts(&f.body)?;
        self.set_line(last_line(&f.body, loc.line));
        self.load_const(Constant::None);
        self.emit(Instruction::ReturnValue);
        Ok(self.leave_scope())
    }

    fn class_def(&mut self, c: &'a ClassDef, loc: Loc) -> Result<(), SyntaxError> {
        if let Some(k) = c.keywords.iter().find(|k| k.arg.as_deref() == Some("metaclass")) {
            return Err(self.error("gilvm does not support metaclasses", k.loc));
        }
        c.decorators.iter().try_for_each(|d| self.expr(d))?;
        self.emit(Instruction::LoadBuildClass);
        let code = self.class_body(c, loc)?;
        self.make_function(code, 0);
        self.load_const(Constant::Str(c.name.clone()));
        self.check_keywords(&c.keywords)?;
        self.call_args(2, &c.bases, &c.keywords)?;
        self.apply_decorators(&c.decorators);
        self.store_name(&c.name);
        Ok(())
    }

    /// The class body sets `__module__`, `__qualname__` and `__doc__` itself,
    /// then returns the `__class__` cell (stored as `__classcell__`) when a
    /// method uses `super()` / `__class__`, so `__build_class__` can fill it.
    fn class_body(&mut self, c: &'a ClassDef, loc: Loc) -> Result<Arc<Code>, SyntaxError> {
        let scope = self.scope_id(key_of(c), loc)?;
        let qualname = self.table.scopes[scope].qualname.clone();
        self.enter_scope(scope, loc.line);
        let name = self.name_index("__name__");
        self.emit(Instruction::LoadName(name));
        let module = self.name_index("__module__");
        self.emit(Instruction::StoreName(module));
        self.load_const(Constant::Str(qualname));
        let qualname = self.name_index("__qualname__");
        self.emit(Instruction::StoreName(qualname));
        self.docstring_to_name(&c.body);
        self.stmts(&c.body)?;
        self.set_line(last_line(&c.body, loc.line));
        if self.u().cellvars.iter().any(|n| n == "__class__") {
            let i = self.deref_index("__class__");
            self.emit(Instruction::LoadClosure(i));
            self.emit(Instruction::Copy(1));
            let cell = self.name_index("__classcell__");
            self.emit(Instruction::StoreName(cell));
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Instruction::ReturnValue);
        Ok(self.leave_scope())
    }

    fn import(&mut self, aliases: &'a [Alias]) {
        for a in aliases {
            self.load_const(Constant::Int(0));
            self.load_const(Constant::None);
            let i = self.name_index(&a.name);
            self.emit(Instruction::ImportName(i));
            let mut parts = a.name.split('.');
            let top = parts.next().unwrap_or(&a.name);
            match &a.asname {
                None => self.store_name(top),
                Some(asname) => {
                    // `import a.b.c as d` binds the submodule: walk down from `a`.
                    let rest: Vec<&str> = parts.collect();
                    for (k, part) in rest.iter().enumerate() {
                        let i = self.name_index(part);
                        self.emit(Instruction::ImportFrom(i));
                        if k + 1 < rest.len() {
                            self.emit(Instruction::Swap(2));
                            self.emit(Instruction::PopTop);
                        }
                    }
                    self.store_name(asname);
                    if !rest.is_empty() {
                        self.emit(Instruction::PopTop);
                    }
                }
            }
        }
    }

    /// `from m import a as b`. `from __future__ import ...` compiles to
    /// nothing: every feature gilvm knows is always on (annotations are
    /// never evaluated anyway), so no `__future__` module is needed.
    fn import_from(&mut self, module: Option<&str>, names: &'a [Alias], level: u32) {
        if module == Some("__future__") && level == 0 {
            return;
        }
        self.load_const(Constant::Int(level as i64));
        let fromlist = names.iter().map(|a| Constant::Str(a.name.clone())).collect();
        self.load_const(Constant::Tuple(fromlist));
        let i = self.name_index(module.unwrap_or(""));
        self.emit(Instruction::ImportName(i));
        if names.iter().any(|a| a.name == "*") {
            self.emit(Instruction::ImportStar);
            return;
        }
        for a in names {
            let i = self.name_index(&a.name);
            self.emit(Instruction::ImportFrom(i));
            self.store_name(a.asname.as_deref().unwrap_or(&a.name));
        }
        self.emit(Instruction::PopTop);
    }

    pub(super) fn mangled(&self, name: &str) -> String {
        let private = self.table.scopes[self.u().scope].private.as_deref();
        mangle(private, name).into_owned()
    }
}

/// The line of a body's last statement: where its implicit `return None` goes.
pub(super) fn last_line(body: &[Stmt], default: u32) -> u32 {
    body.last().map_or(default, |s| s.loc.line)
}

fn is_true_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(Literal::Bool(b)) => *b,
        ExprKind::Constant(Literal::Int(i)) => *i != 0,
        _ => false,
    }
}
