//! The symbol-table pass: before any code is generated, every scope (module,
//! class, function, lambda, comprehension) is collected with the names it
//! binds, declares and uses, then each name is resolved to local, global,
//! free or cell, as CPython's `symtable.c` does.
//!
//! Scopes are found again by the code generator through the address of the
//! AST node that opened them (`ScopeKey`), so the two passes need not visit
//! the tree in the same order.

use std::collections::{HashMap, HashSet};

use crate::bytecode::CodeKind;
use crate::frontend::ast::*;
use crate::frontend::{SyntaxError, SyntaxErrorKind};

/// Where a name lives, once resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameScope {
    Local,
    /// Declared `global` in this scope.
    GlobalExplicit,
    /// Not bound anywhere visible: a module global or a builtin.
    GlobalImplicit,
    /// Bound in an enclosing function; reached through a cell in the closure.
    Free,
    /// Local, but captured by an inner scope: lives in a cell.
    Cell,
}

const DEF_LOCAL: u8 = 1;
const DEF_PARAM: u8 = 2;
const DEF_GLOBAL: u8 = 4;
const DEF_NONLOCAL: u8 = 8;
const USE: u8 = 16;
/// A comprehension's iteration variable, which `:=` must not rebind.
const DEF_COMP_ITER: u8 = 32;

#[derive(Debug, Clone)]
struct Symbol {
    flags: u8,
    scope: NameScope,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: CodeKind,
    pub name: String,
    pub qualname: String,
    /// The class whose private names (`__x`) are mangled in this scope.
    pub private: Option<String>,
    symbols: HashMap<String, Symbol>,
    /// Names in order of first appearance (for a stable slot order).
    order: Vec<String>,
    pub params: Vec<String>,
    pub counts: ParamCounts,
    pub is_generator: bool,
    children: Vec<usize>,
    /// Where each `nonlocal` was declared, for the "no binding" error.
    nonlocal_locs: Vec<(String, Loc)>,
    /// Class scopes: free variables of inner scopes that the class itself
    /// binds as a class attribute, so they pass through as freevars only.
    passthrough: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// Above zero while a comprehension's iterable is walked in this scope,
    /// where `:=` is refused.
    comp_iter_depth: u32,
}

impl Scope {
    fn new(kind: CodeKind, name: &str, qualname: String, private: Option<String>) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            qualname,
            private,
            symbols: HashMap::new(),
            order: Vec::new(),
            params: Vec::new(),
            counts: ParamCounts::default(),
            is_generator: false,
            children: Vec::new(),
            nonlocal_locs: Vec::new(),
            passthrough: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            comp_iter_depth: 0,
        }
    }

    fn is_function_like(&self) -> bool {
        matches!(self.kind, CodeKind::Function | CodeKind::Lambda | CodeKind::Comprehension)
    }

    /// How `name` resolves here; names the table never saw are globals.
    pub fn lookup(&self, name: &str) -> NameScope {
        self.symbols.get(name).map_or(NameScope::GlobalImplicit, |s| s.scope)
    }

    /// Non-parameter locals that need a fast slot, in order of appearance.
    pub fn plain_locals(&self) -> impl Iterator<Item = &String> {
        self.order.iter().filter(move |n| {
            self.symbols.get(*n).is_some_and(|s| s.scope == NameScope::Local && s.flags & DEF_PARAM == 0)
        })
    }
}

/// The shape of a function's parameter list, as `Code` records it.
#[derive(Debug, Default, Clone)]
pub struct ParamCounts {
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub varargs: bool,
    pub varkeywords: bool,
}

/// Identifies the AST node that opens a scope.
pub type ScopeKey = *const ();

pub fn key_of<T>(node: &T) -> ScopeKey {
    node as *const T as *const ()
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<ScopeKey, usize>,
}

impl SymbolTable {
    pub fn scope_for(&self, key: ScopeKey) -> Option<usize> {
        self.by_node.get(&key).copied()
    }
}

/// CPython's private name mangling: `__x` inside class `C` becomes `_C__x`.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> std::borrow::Cow<'n, str> {
    if let Some(class) = private {
        let stripped = class.trim_start_matches('_');
        if name.starts_with("__") && !name.ends_with("__") && !name.contains('.') && !stripped.is_empty() {
            return format!("_{stripped}{name}").into();
        }
    }
    name.into()
}

/// Builds the table; `stack` bounds the native stack the walk may use.
pub fn build(module: &Module, source: &str, filename: &str, stack: StackGuard) -> Result<SymbolTable, SyntaxError> {
    let mut b = Builder {
        table: SymbolTable { scopes: Vec::new(), by_node: HashMap::new() },
        stack: Vec::new(),
        source,
        filename,
        guard: stack,
    };
    b.table.scopes.push(Scope::new(CodeKind::Module, "<module>", "<module>".into(), None));
    b.stack.push(0);
    b.stmts(&module.body)?;
    analyze(&mut b.table, 0, &HashSet::new(), b.guard).map_err(|(msg, loc)| b.error_at(msg, loc))?;
    Ok(b.table)
}

struct Builder<'s> {
    table: SymbolTable,
    stack: Vec<usize>,
    source: &'s str,
    filename: &'s str,
    guard: StackGuard,
}

/// Bounds the native stack a recursive walk uses: a tree deeper than the
/// budget allows becomes a `SyntaxError`, never a stack overflow.
#[derive(Debug, Clone, Copy)]
pub struct StackGuard {
    base: usize,
    budget: usize,
}

/// A tree too deep for the stack budget is a `RecursionError`, as CPython's.
pub const TOO_DEEP: &str = "maximum recursion depth exceeded during compilation";

impl StackGuard {
    pub fn new(budget: usize) -> StackGuard {
        StackGuard { base: stack_address(), budget }
    }

    /// Whether the walk may go one level deeper.
    pub fn ok(self) -> bool {
        let used = self.base.saturating_sub(stack_address());
        #[cfg(test)]
        super::STACK_HIGH_WATER.with(|c| c.set(c.get().max(used)));
        used <= self.budget
    }
}

/// An approximation of the current native stack pointer.
fn stack_address() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

impl Builder<'_> {
    fn error_at(&self, msg: String, loc: Loc) -> SyntaxError {
        let kind = if msg == TOO_DEEP { SyntaxErrorKind::RecursionError } else { SyntaxErrorKind::SyntaxError };
        SyntaxError::new(kind, msg, self.filename, self.source, loc.line, loc.col + 1)
    }

    fn current(&mut self) -> &mut Scope {
        let id = *self.stack.last().unwrap_or(&0);
        &mut self.table.scopes[id]
    }

    fn add(&mut self, name: &str, flag: u8) {
        let id = *self.stack.last().unwrap_or(&0);
        self.add_to(id, name, flag);
    }

    fn add_to(&mut self, id: usize, name: &str, flag: u8) {
        let scope = &mut self.table.scopes[id];
        let name = mangle(scope.private.as_deref(), name).into_owned();
        match scope.symbols.get_mut(&name) {
            Some(sym) => sym.flags |= flag,
            None => {
                scope.order.push(name.clone());
                scope.symbols.insert(name, Symbol { flags: flag, scope: NameScope::GlobalImplicit });
            }
        }
    }

    fn flags(&mut self, name: &str) -> u8 {
        self.current().symbols.get(name).map_or(0, |s| s.flags)
    }

    fn enter(&mut self, key: ScopeKey, kind: CodeKind, name: &str) -> usize {
        let parent = &self.table.scopes[*self.stack.last().unwrap_or(&0)];
        let qualname = match parent.kind {
            CodeKind::Module => name.to_string(),
            CodeKind::Class => format!("{}.{}", parent.qualname, name),
            _ => format!("{}.<locals>.{}", parent.qualname, name),
        };
        let private = if parent.kind == CodeKind::Class { Some(parent.name.clone()) } else { parent.private.clone() };
        let id = self.table.scopes.len();
        self.table.scopes.push(Scope::new(kind, name, qualname, private));
        let parent_id = *self.stack.last().unwrap_or(&0);
        self.table.scopes[parent_id].children.push(id);
        self.table.by_node.insert(key, id);
        self.stack.push(id);
        id
    }

    fn leave(&mut self) {
        self.stack.pop();
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    /// A thin dispatcher: nested blocks recurse through here.
    fn stmt(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        if !self.guard.ok() {
            return Err(self.error_at(TOO_DEEP.into(), s.loc));
        }
        match &s.kind {
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::For { target, iter, body, orelse } => {
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::FunctionDef(f) => self.function_def(f),
            StmtKind::ClassDef(c) => self.class_def(c),
            StmtKind::Try { body, handlers, orelse, finalbody } => self.try_stmt(body, handlers, orelse, finalbody),
            StmtKind::With { items, body } => {
                for item in items {
                    self.expr(&item.context)?;
                    if let Some(t) = &item.target {
                        self.target(t)?;
                    }
                }
                self.stmts(body)
            }
            _ => self.simple_stmt(s),
        }
    }

    fn try_stmt(&mut self, body: &[Stmt], handlers: &[ExceptHandler], orelse: &[Stmt], finalbody: &[Stmt]) -> Result<(), SyntaxError> {
        self.stmts(body)?;
        for h in handlers {
            if let Some(t) = &h.typ {
                self.expr(t)?;
            }
            if let Some(n) = &h.name {
                self.add(n, DEF_LOCAL);
            }
            self.stmts(&h.body)?;
        }
        self.stmts(orelse)?;
        self.stmts(finalbody)
    }

    /// Statements that hold no nested block.
    fn simple_stmt(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                targets.iter().try_for_each(|t| self.target(t))
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.add(n, USE);
                }
                self.target(target)
            }
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.target(target)?;
                } else if let ExprKind::Name(n) = &target.kind {
                    self.add(n, DEF_LOCAL);
                }
                Ok(())
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => Ok(()),
            StmtKind::If { .. }
            | StmtKind::While { .. }
            | StmtKind::For { .. }
            | StmtKind::FunctionDef(_)
            | StmtKind::ClassDef(_)
            | StmtKind::Try { .. }
            | StmtKind::With { .. } => Ok(()), // compound: handled by `stmt`
            StmtKind::Return(v) => v.as_ref().map_or(Ok(()), |e| self.expr(e)),
            StmtKind::Raise { exc, cause } => {
                exc.iter().chain(cause.iter()).try_for_each(|e| self.expr(e))
            }
            StmtKind::Global(names) => names.iter().try_for_each(|n| self.global(n, s.loc)),
            StmtKind::Nonlocal(names) => names.iter().try_for_each(|n| self.nonlocal(n, s.loc)),
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let bound = a.asname.as_deref().unwrap_or_else(|| a.name.split('.').next().unwrap_or(&a.name));
                    self.add(bound, DEF_LOCAL);
                }
                Ok(())
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.current().kind != CodeKind::Module {
                            return Err(self.error_at("import * only allowed at module level".into(), s.loc));
                        }
                    } else {
                        self.add(a.asname.as_deref().unwrap_or(&a.name), DEF_LOCAL);
                    }
                }
                Ok(())
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                msg.as_ref().map_or(Ok(()), |m| self.expr(m))
            }
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.target(t)),
        }
    }

    fn global(&mut self, name: &str, loc: Loc) -> Result<(), SyntaxError> {
        let flags = self.flags(name);
        let problem = if flags & DEF_PARAM != 0 {
            Some("is parameter and global")
        } else if flags & DEF_NONLOCAL != 0 {
            Some("is nonlocal and global")
        } else if flags & DEF_LOCAL != 0 {
            Some("is assigned to before global declaration")
        } else if flags & USE != 0 {
            Some("is used prior to global declaration")
        } else {
            None
        };
        if let Some(p) = problem {
            return Err(self.error_at(format!("name '{name}' {p}"), loc));
        }
        self.add(name, DEF_GLOBAL);
        Ok(())
    }

    /// As CPython: a prior use or binding is reported before "module level".
    fn nonlocal(&mut self, name: &str, loc: Loc) -> Result<(), SyntaxError> {
        let flags = self.flags(name);
        let problem = if flags & DEF_PARAM != 0 {
            Some("is parameter and nonlocal")
        } else if flags & DEF_GLOBAL != 0 {
            Some("is nonlocal and global")
        } else if flags & DEF_LOCAL != 0 {
            Some("is assigned to before nonlocal declaration")
        } else if flags & USE != 0 {
            Some("is used prior to nonlocal declaration")
        } else {
            None
        };
        if let Some(p) = problem {
            return Err(self.error_at(format!("name '{name}' {p}"), loc));
        }
        if self.current().kind == CodeKind::Module {
            return Err(self.error_at("nonlocal declaration not allowed at module level".into(), loc));
        }
        self.add(name, DEF_NONLOCAL);
        self.current().nonlocal_locs.push((name.to_string(), loc));
        Ok(())
    }

    fn params(&mut self, params: &Parameters) -> Result<(), SyntaxError> {
        self.current().counts = ParamCounts {
            argcount: (params.posonly.len() + params.args.len()) as u32,
            posonlyargcount: params.posonly.len() as u32,
            kwonlyargcount: params.kwonly.len() as u32,
            varargs: params.vararg.is_some(),
            varkeywords: params.kwarg.is_some(),
        };
        let all = params.posonly.iter().chain(&params.args).chain(&params.kwonly).chain(&params.vararg).chain(&params.kwarg);
        for p in all {
            if self.flags(&p.name) & DEF_PARAM != 0 {
                let msg = format!("duplicate argument '{}' in function definition", p.name);
                return Err(self.error_at(msg, p.loc));
            }
            self.add(&p.name, DEF_PARAM);
            let scope = self.current();
            let name = mangle(scope.private.as_deref(), &p.name).into_owned();
            scope.params.push(name);
        }
        Ok(())
    }

    fn defaults(&mut self, params: &Parameters) -> Result<(), SyntaxError> {
        params.defaults.iter().chain(params.kw_defaults.iter().flatten()).try_for_each(|e| self.expr(e))
    }

    fn function_def(&mut self, f: &FunctionDef) -> Result<(), SyntaxError> {
        f.decorators.iter().try_for_each(|d| self.expr(d))?;
        self.defaults(&f.params)?;
        self.add(&f.name, DEF_LOCAL);
        self.enter(key_of(f), CodeKind::Function, &f.name);
        self.params(&f.params)?;
        self.stmts(&f.body)?;
        self.leave();
        Ok(())
    }

    fn class_def(&mut self, c: &ClassDef) -> Result<(), SyntaxError> {
        c.decorators.iter().try_for_each(|d| self.expr(d))?;
        c.bases.iter().try_for_each(|b| self.expr(b))?;
        c.keywords.iter().try_for_each(|k| self.expr(&k.value))?;
        self.add(&c.name, DEF_LOCAL);
        self.enter(key_of(c), CodeKind::Class, &c.name);
        // Class bodies mangle with their own name.
        self.current().private = Some(c.name.clone());
        self.stmts(&c.body)?;
        self.leave();
        Ok(())
    }

    /// A name, attribute, subscript or unpacking being assigned or deleted.
    fn target(&mut self, t: &Expr) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Name(n) => {
                self.add(n, DEF_LOCAL);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().try_for_each(|i| self.target(i)),
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(t),
        }
    }

    /// Plain loops rather than iterator adapters: each level of nesting
    /// recurses through here, and must cost little native stack.
    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        if !self.guard.ok() {
            return Err(self.error_at(TOO_DEEP.into(), e.loc));
        }
        match &e.kind {
            ExprKind::Name(n) => {
                self.name_use(n);
                Ok(())
            }
            ExprKind::BinOp { .. } => self.binop_chain(e),
            ExprKind::Lambda { params, body } => self.lambda(e, params, body),
            ExprKind::ListComp { elt, generators } => self.comprehension(e, "<listcomp>", &[elt], generators),
            ExprKind::SetComp { elt, generators } => self.comprehension(e, "<setcomp>", &[elt], generators),
            ExprKind::GeneratorExp { elt, generators } => self.comprehension(e, "<genexpr>", &[elt], generators),
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, "<dictcomp>", &[key, value], generators)
            }
            ExprKind::Yield(v) => {
                self.yield_here(e.loc)?;
                match v {
                    Some(v) => self.expr(v),
                    None => Ok(()),
                }
            }
            ExprKind::YieldFrom(v) => {
                self.yield_here(e.loc)?;
                self.expr(v)
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.named_target(target, e.loc)
            }
            ExprKind::Constant(_) => Ok(()),
            ExprKind::UnaryOp { operand: v, .. } | ExprKind::Attribute { value: v, .. } | ExprKind::Starred(v) => {
                self.expr(v)
            }
            _ => self.children(e),
        }
    }

    /// Binds the target of `:=`. Inside a comprehension it belongs to the
    /// nearest enclosing function (or the module), as PEP 572 specifies: the
    /// comprehension reaches it as a free variable (or a global).
    fn named_target(&mut self, name: &str, loc: Loc) -> Result<(), SyntaxError> {
        if self.current().comp_iter_depth > 0 {
            let msg = "assignment expression cannot be used in a comprehension iterable expression";
            return Err(self.error_at(msg.into(), loc));
        }
        if self.current().kind != CodeKind::Comprehension {
            self.add(name, DEF_LOCAL);
            return Ok(());
        }
        for i in (0..self.stack.len()).rev() {
            let id = self.stack[i];
            let scope = &self.table.scopes[id];
            let flags = scope.symbols.get(name).map_or(0, |s| s.flags);
            match scope.kind {
                CodeKind::Comprehension if flags & DEF_COMP_ITER != 0 => {
                    let msg = format!("assignment expression cannot rebind comprehension iteration variable '{name}'");
                    return Err(self.error_at(msg, loc));
                }
                CodeKind::Comprehension => {}
                CodeKind::Function | CodeKind::Lambda => {
                    self.add(name, if flags & DEF_GLOBAL != 0 { DEF_GLOBAL } else { DEF_NONLOCAL });
                    self.add_to(id, name, DEF_LOCAL);
                    return Ok(());
                }
                CodeKind::Module => {
                    self.add(name, DEF_GLOBAL);
                    return Ok(());
                }
                CodeKind::Class => {
                    let msg = "assignment expression within a comprehension cannot be used in a class body";
                    return Err(self.error_at(msg.into(), loc));
                }
            }
        }
        Ok(())
    }

    /// Marks the names bound by a comprehension's `for` target.
    fn iteration_names(&mut self, t: &Expr) {
        match &t.kind {
            ExprKind::Name(n) => self.add(n, DEF_COMP_ITER),
            ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().for_each(|i| self.iteration_names(i)),
            ExprKind::Starred(inner) => self.iteration_names(inner),
            _ => {}
        }
    }

    /// A comprehension's iterable, where `:=` is refused.
    fn comp_iter(&mut self, iter: &Expr) -> Result<(), SyntaxError> {
        self.current().comp_iter_depth += 1;
        let result = self.expr(iter);
        self.current().comp_iter_depth -= 1;
        result
    }

    fn name_use(&mut self, n: &str) {
        self.add(n, USE);
        let kind = self.current().kind;
        if (n == "super" || n == "__class__") && kind != CodeKind::Class && kind != CodeKind::Module {
            self.add("__class__", USE);
        }
    }

    /// `a + b + c + ...` nests to the left: walked iteratively, so a long
    /// chain costs no native stack.
    fn binop_chain(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        let mut rights = Vec::new();
        let mut leftmost = e;
        while let ExprKind::BinOp { left, right, .. } = &leftmost.kind {
            rights.push(&**right);
            leftmost = left;
        }
        self.expr(leftmost)?;
        for r in rights.into_iter().rev() {
            self.expr(r)?;
        }
        Ok(())
    }

    fn lambda(&mut self, e: &Expr, params: &Parameters, body: &Expr) -> Result<(), SyntaxError> {
        self.defaults(params)?;
        self.enter(key_of(e), CodeKind::Lambda, "<lambda>");
        self.params(params)?;
        self.expr(body)?;
        self.leave();
        Ok(())
    }

    /// The sub-expressions of every other kind of node.
    fn children(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        let mut subs: Vec<&Expr> = Vec::new();
        match &e.kind {
            ExprKind::BoolOp { values, .. } => subs.extend(values),
            ExprKind::IfExp { test, body, orelse } => subs.extend([&**test, body, orelse]),
            ExprKind::Dict { keys, values } => subs.extend(keys.iter().flatten().chain(values)),
            ExprKind::Set(items) | ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::JoinedStr(items) => {
                subs.extend(items)
            }
            ExprKind::Compare { left, comparators, .. } => {
                subs.push(left);
                subs.extend(comparators);
            }
            ExprKind::Call { func, args, keywords } => {
                subs.push(func);
                subs.extend(args);
                subs.extend(keywords.iter().map(|k| &k.value));
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                subs.push(value);
                subs.extend(format_spec.as_deref());
            }
            ExprKind::Subscript { value, slice } => subs.extend([&**value, slice]),
            ExprKind::Slice { lower, upper, step } => {
                subs.extend([lower, upper, step].into_iter().flatten().map(|b| &**b))
            }
            _ => {}
        }
        for sub in subs {
            self.expr(sub)?;
        }
        Ok(())
    }

    fn yield_here(&mut self, loc: Loc) -> Result<(), SyntaxError> {
        let scope = self.current();
        match scope.kind {
            CodeKind::Function | CodeKind::Lambda => {
                scope.is_generator = true;
                Ok(())
            }
            CodeKind::Comprehension => {
                let what = match scope.name.as_str() {
                    "<listcomp>" => "list comprehension",
                    "<setcomp>" => "set comprehension",
                    "<dictcomp>" => "dict comprehension",
                    _ => "generator expression",
                };
                Err(self.error_at(format!("'yield' inside {what}"), loc))
            }
            CodeKind::Module | CodeKind::Class => Err(self.error_at("'yield' outside function".into(), loc)),
        }
    }

    fn comprehension(&mut self, e: &Expr, name: &str, elts: &[&Expr], gens: &[Comprehension]) -> Result<(), SyntaxError> {
        let Some(first) = gens.first() else { return Ok(()) };
        self.comp_iter(&first.iter)?;
        let id = self.enter(key_of(e), CodeKind::Comprehension, name);
        self.table.scopes[id].is_generator = name == "<genexpr>";
        self.add(".0", DEF_PARAM);
        let scope = self.current();
        scope.params.push(".0".into());
        scope.counts.argcount = 1;
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.comp_iter(&g.iter)?;
            }
            self.target(&g.target)?;
            self.iteration_names(&g.target);
            g.ifs.iter().try_for_each(|c| self.expr(c))?;
        }
        for elt in elts {
            if let ExprKind::Starred(_) = elt.kind {
                return Err(self.error_at("iterable unpacking cannot be used in comprehension".into(), elt.loc));
            }
            self.expr(elt)?;
        }
        self.leave();
        Ok(())
    }
}

type AnalyzeError = (String, Loc);

/// Resolves every name of scope `id`, given the names `bound` by enclosing
/// functions. Returns the names this scope needs from outside (its freevars).
fn analyze(
    table: &mut SymbolTable,
    id: usize,
    bound: &HashSet<String>,
    guard: StackGuard,
) -> Result<HashSet<String>, AnalyzeError> {
    let scope = &mut table.scopes[id];
    if !guard.ok() {
        let loc = scope.nonlocal_locs.first().map_or(Loc { line: 1, col: 0 }, |(_, l)| *l);
        return Err((TOO_DEEP.into(), loc));
    }
    let function_like = scope.is_function_like();
    for (name, loc) in &scope.nonlocal_locs {
        if !bound.contains(name) {
            return Err((format!("no binding for nonlocal '{name}' found"), *loc));
        }
    }
    for (name, sym) in scope.symbols.iter_mut() {
        sym.scope = if sym.flags & DEF_GLOBAL != 0 {
            NameScope::GlobalExplicit
        } else if sym.flags & DEF_NONLOCAL != 0 {
            NameScope::Free
        } else if sym.flags & (DEF_LOCAL | DEF_PARAM) != 0 {
            NameScope::Local
        } else if bound.contains(name) {
            NameScope::Free
        } else {
            NameScope::GlobalImplicit
        };
    }
    let child_bound: HashSet<String> = match scope.kind {
        CodeKind::Module => HashSet::new(),
        CodeKind::Class => {
            let mut b: HashSet<String> = bound
                .iter()
                .filter(|n| scope.lookup(n) != NameScope::GlobalExplicit)
                .cloned()
                .collect();
            b.insert("__class__".into());
            b
        }
        _ => bound
            .iter()
            .filter(|n| scope.lookup(n) != NameScope::GlobalExplicit)
            .cloned()
            .chain(
                scope
                    .symbols
                    .iter()
                    .filter(|(_, s)| matches!(s.scope, NameScope::Local | NameScope::Free))
                    .map(|(n, _)| n.clone()),
            )
            .collect(),
    };
    let children = scope.children.clone();
    let mut needed = HashSet::new();
    for child in children {
        needed.extend(analyze(table, child, &child_bound, guard)?);
    }
    let scope = &mut table.scopes[id];
    let mut cellvars = Vec::new();
    for name in needed {
        if scope.kind == CodeKind::Class && name == "__class__" {
            cellvars.push(name);
            continue;
        }
        match scope.symbols.get_mut(&name) {
            Some(sym) if function_like && sym.scope == NameScope::Local => {
                sym.scope = NameScope::Cell;
                cellvars.push(name);
            }
            Some(sym) if sym.scope == NameScope::Free => {}
            Some(_) => scope.passthrough.push(name),
            None => {
                scope.symbols.insert(name, Symbol { flags: 0, scope: NameScope::Free });
            }
        }
    }
    cellvars.sort();
    let mut freevars: Vec<String> = scope
        .symbols
        .iter()
        .filter(|(_, s)| s.scope == NameScope::Free)
        .map(|(n, _)| n.clone())
        .chain(scope.passthrough.iter().cloned())
        .collect();
    freevars.sort();
    freevars.dedup();
    scope.cellvars = cellvars;
    scope.freevars = freevars.clone();
    Ok(freevars.into_iter().collect())
}
