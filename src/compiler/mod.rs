//! The compiler: `ast::Module` → `bytecode::Code`.
//!
//! Two passes. `symtable` resolves every name of every scope (local slot,
//! global, cell, free). Code generation then walks the tree once per scope,
//! emitting into a `Unit` (one per code object under construction): `stmt`
//! for statements, `expr` for expressions, `unwind` for `try` / `with` and
//! the `finally`-inlining that `return` / `break` / `continue` need, and
//! `assemble` to resolve labels, build the exception table and compute the
//! stack depth. Exceptions use CPython 3.11's zero-cost scheme: every
//! instruction is tagged with the handler active where it was emitted.

mod assemble;
mod depth;
mod expr;
mod stmt;
mod symtable;
mod target;
mod unwind;

#[cfg(test)]
mod tests;

#[cfg(test)]
thread_local! {
    /// Deepest native stack use `StackGuard::ok` has seen (tests only).
    static STACK_HIGH_WATER: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

use std::collections::HashMap;
use std::sync::Arc;

use num_bigint::BigInt;

use crate::bytecode::{Code, CodeKind, Constant, Instruction, Span};
use crate::frontend::ast::{self, Expr, Loc};
use crate::frontend::{Mode, SyntaxError, SyntaxErrorKind};

use assemble::{Handler, Label};
use symtable::{ScopeKey, StackGuard, SymbolTable};
use unwind::FBlock;

/// Trees at most this deep compile on the caller's native stack.
const INLINE_DEPTH: usize = 16;
/// Native stack budget when compiling on the caller's stack: more than
/// `INLINE_DEPTH` levels need (a level costs up to ~5 KiB unoptimised),
/// well under the smallest thread stack.
const INLINE_BUDGET: usize = 128 << 10;
/// Stack of the helper thread that compiles deeper trees (address space;
/// only the pages the walk touches are committed), and its budget.
const HELPER_STACK: usize = 64 << 20;
const HELPER_BUDGET: usize = HELPER_STACK - (4 << 20);

/// Compiles a parsed module. `source` supplies the line text of `SyntaxError`s.
///
/// The passes recurse once per level of nesting, so a deep tree is compiled
/// on a helper thread with a large stack: the caller may be a script's
/// thread with a 256 KiB stack. Nesting beyond any budget is a
/// `SyntaxError`, never a stack overflow.
pub fn compile(module: &ast::Module, source: &str, filename: &str, mode: Mode) -> Result<Arc<Code>, SyntaxError> {
    if depth::max_depth(&module.body) <= INLINE_DEPTH {
        return compile_checked(module, source, filename, mode, INLINE_BUDGET).map(|(code, _)| code);
    }
    let on_helper = std::thread::scope(|scope| {
        let helper = std::thread::Builder::new()
            .name("gilvm-compiler".into())
            .stack_size(HELPER_STACK)
            .spawn_scoped(scope, || compile_checked(module, source, filename, mode, HELPER_BUDGET));
        helper.ok().map(|h| h.join())
    });
    match on_helper {
        Some(Ok(result)) => result.map(|(code, _)| code),
        Some(Err(_)) => Err(SyntaxError::new(
            SyntaxErrorKind::SyntaxError,
            "internal compiler error",
            filename,
            source,
            1,
            1,
        )),
        // No thread could be started: compile here, refusing what does not fit.
        None => compile_checked(module, source, filename, mode, INLINE_BUDGET).map(|(code, _)| code),
    }
}

/// `compile`, also returning the qualnames of code objects whose stack
/// analysis failed (always empty unless the compiler has a bug).
fn compile_checked(
    module: &ast::Module,
    source: &str,
    filename: &str,
    mode: Mode,
    stack_budget: usize,
) -> Result<(Arc<Code>, Vec<String>), SyntaxError> {
    let guard = StackGuard::new(stack_budget);
    let table = symtable::build(module, source, filename, guard)?;
    let mut c = Compiler {
        table,
        source,
        filename: Arc::from(filename),
        units: Vec::new(),
        interactive: mode == Mode::Interactive,
        stack_errors: Vec::new(),
        guard,
    };
    c.enter_scope(0, 1);
    match mode {
        Mode::Eval => c.eval_body(module)?,
        Mode::File | Mode::Interactive => {
            if mode == Mode::File {
                c.docstring_to_name(&module.body);
            }
            c.stmts(&module.body)?;
            c.set_line(stmt::last_line(&module.body, 1));
            c.load_const(Constant::None);
            c.emit(Instruction::ReturnValue);
        }
    }
    let code = c.leave_scope();
    Ok((code, c.stack_errors))
}

/// A constant's identity for de-duplication: floats by bits, so `0.0` and
/// `-0.0` stay apart; `1`, `1.0` and `True` are different variants.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Ellipsis,
    Int(i64),
    BigInt(BigInt),
    Float(u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
}

fn const_key(c: &Constant) -> Option<ConstKey> {
    Some(match c {
        Constant::None => ConstKey::None,
        Constant::Bool(b) => ConstKey::Bool(*b),
        Constant::Ellipsis => ConstKey::Ellipsis,
        Constant::Int(i) => ConstKey::Int(*i),
        Constant::BigInt(b) => ConstKey::BigInt(b.clone()),
        Constant::Float(f) => ConstKey::Float(f.to_bits()),
        Constant::Str(s) => ConstKey::Str(s.clone()),
        Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
        Constant::Tuple(items) => ConstKey::Tuple(items.iter().map(const_key).collect::<Option<_>>()?),
        Constant::Code(_) => return None,
    })
}

/// One code object under construction.
struct Unit<'a> {
    scope: usize,
    first_line: u32,
    instructions: Vec<Instruction>,
    lines: Vec<u32>,
    spans: Vec<Span>,
    handler_of: Vec<Option<u32>>,
    handlers: Vec<Handler>,
    current_handler: Option<u32>,
    /// Position of each label; `u32::MAX` until placed.
    labels: Vec<u32>,
    constants: Vec<Constant>,
    const_index: HashMap<ConstKey, u32>,
    names: Vec<String>,
    name_index: HashMap<String, u32>,
    varnames: Vec<String>,
    var_index: HashMap<String, u32>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    /// Enclosing loops / try / with / handlers, innermost last.
    fblocks: Vec<FBlock<'a>>,
    /// Value-stack depth at statement level (iterators of enclosing loops,
    /// `__exit__` functions, saved exceptions...): the depth exception
    /// handlers unwind to.
    depth: u32,
    line: u32,
    /// The columns of the expression being compiled (none at statement level).
    span: Span,
}

struct Compiler<'a> {
    table: SymbolTable,
    source: &'a str,
    filename: Arc<str>,
    /// The unit being emitted is the last; enclosing ones before it.
    units: Vec<Unit<'a>>,
    interactive: bool,
    /// Code objects whose stack-depth analysis was inconsistent.
    stack_errors: Vec<String>,
    guard: StackGuard,
}



impl<'a> Compiler<'a> {
    fn unit(&mut self) -> &mut Unit<'a> {
        let last = self.units.len() - 1;
        &mut self.units[last]
    }

    fn u(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    fn scope_kind(&self) -> CodeKind {
        self.table.scopes[self.u().scope].kind
    }

    fn error(&self, msg: impl Into<String>, loc: Loc) -> SyntaxError {
        SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, &self.filename, self.source, loc.line, loc.col + 1)
    }

    fn scope_id(&self, key: ScopeKey, loc: Loc) -> Result<usize, SyntaxError> {
        self.table.scope_for(key).ok_or_else(|| self.error("internal compiler error: unknown scope", loc))
    }

    /// Refuses to recurse further when the native stack budget is spent.
    fn check_stack(&self, loc: Loc) -> Result<(), SyntaxError> {
        if self.guard.ok() {
            return Ok(());
        }
        let mut err = self.error(symtable::TOO_DEEP, loc);
        err.kind = SyntaxErrorKind::RecursionError;
        Err(err)
    }

    // ---- emission -----------------------------------------------------------

    fn emit(&mut self, ins: Instruction) -> usize {
        let u = self.unit();
        u.instructions.push(ins);
        u.lines.push(u.line);
        u.spans.push(u.span);
        u.handler_of.push(u.current_handler);
        u.instructions.len() - 1
    }

    fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.labels.push(u32::MAX);
        Label(u.labels.len() as u32 - 1)
    }

    fn place(&mut self, label: Label) {
        let u = self.unit();
        u.labels[label.0 as usize] = u.instructions.len() as u32;
    }

    /// Emits a jump; its operand stays a label id until assembly.
    fn jump(&mut self, make: fn(u32) -> Instruction, label: Label) {
        self.emit(make(label.0));
    }

    fn set_line(&mut self, line: u32) -> u32 {
        let u = self.unit();
        std::mem::replace(&mut u.line, line)
    }

    /// Makes what follows come from expression `e` (its line and columns);
    /// returns the previous position for `restore_position`.
    fn set_position(&mut self, e: &Expr) -> (u32, Span) {
        let span = Span { col: e.loc.col, end_line: e.end.line, end_col: e.end.col };
        let u = self.unit();
        (std::mem::replace(&mut u.line, e.loc.line), std::mem::replace(&mut u.span, span))
    }

    fn current_position(&mut self) -> (u32, Span) {
        let u = self.unit();
        (u.line, u.span)
    }

    /// When attribute `node` (`... .attr`) ends on a later line than what
    /// follows starts on, CPython 3.11 points what follows at the attribute's
    /// name instead (`update_start_location_to_match_attr`).
    fn move_to_attr_name(&mut self, node: &Expr, attr: &str) {
        let u = self.unit();
        if node.end.line == 0 || u.line == node.end.line {
            return;
        }
        u.line = node.end.line;
        u.span.col = node.end.col.saturating_sub(attr.chars().count() as u32);
        u.span.end_line = u.span.end_line.max(u.line);
        if u.span.end_line == u.line {
            u.span.end_col = u.span.end_col.max(u.span.col);
        }
    }

    /// Calls the decorators on what is on top of the stack, innermost first,
    /// each at its own position.
    fn apply_decorators(&mut self, decorators: &[Expr]) {
        for d in decorators.iter().rev() {
            let saved = self.set_position(d);
            self.emit(Instruction::Call(1));
            self.restore_position(saved);
        }
    }

    fn restore_position(&mut self, (line, span): (u32, Span)) {
        let u = self.unit();
        u.line = line;
        u.span = span;
    }

    /// Makes `label` the handler of what follows; returns the previous one.
    fn push_handler(&mut self, label: Label, depth: u32, lasti: bool) -> Option<u32> {
        let u = self.unit();
        u.handlers.push(Handler { label, depth, lasti });
        let id = u.handlers.len() as u32 - 1;
        u.current_handler.replace(id)
    }

    fn set_handler(&mut self, handler: Option<u32>) {
        self.unit().current_handler = handler;
    }

    fn add_const(&mut self, c: Constant) -> u32 {
        let key = const_key(&c);
        let u = self.unit();
        if let Some(i) = key.as_ref().and_then(|k| u.const_index.get(k)) {
            return *i;
        }
        u.constants.push(c);
        let i = u.constants.len() as u32 - 1;
        if let Some(k) = key {
            u.const_index.insert(k, i);
        }
        i
    }

    fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Instruction::LoadConst(i));
    }

    fn name_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(i) = u.name_index.get(name) {
            return *i;
        }
        u.names.push(name.to_string());
        let i = u.names.len() as u32 - 1;
        u.name_index.insert(name.to_string(), i);
        i
    }

    fn var_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(i) = u.var_index.get(name) {
            return *i;
        }
        u.varnames.push(name.to_string());
        let i = u.varnames.len() as u32 - 1;
        u.var_index.insert(name.to_string(), i);
        i
    }

    /// Index of `name` in the deref space (cellvars, then freevars).
    fn deref_index(&self, name: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.cellvars.iter().position(|n| n == name) {
            return i as u32;
        }
        let free = u.freevars.iter().position(|n| n == name).unwrap_or(0);
        (u.cellvars.len() + free) as u32
    }

    // ---- scopes -------------------------------------------------------------

    fn enter_scope(&mut self, scope: usize, first_line: u32) {
        let s = &self.table.scopes[scope];
        let mut unit = Unit {
            scope,
            first_line,
            instructions: Vec::new(),
            lines: Vec::new(),
            spans: Vec::new(),
            handler_of: Vec::new(),
            handlers: Vec::new(),
            current_handler: None,
            labels: Vec::new(),
            constants: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: Vec::new(),
            var_index: HashMap::new(),
            cellvars: s.cellvars.clone(),
            freevars: s.freevars.clone(),
            fblocks: Vec::new(),
            depth: 0,
            line: first_line,
            span: Span::default(),
        };
        if s.kind != CodeKind::Module && s.kind != CodeKind::Class {
            for name in s.params.iter().chain(s.plain_locals()) {
                if !unit.var_index.contains_key(name) {
                    unit.var_index.insert(name.clone(), unit.varnames.len() as u32);
                    unit.varnames.push(name.clone());
                }
            }
        }
        self.units.push(unit);
    }

    /// Finishes the current unit. A stack analysis that finds two paths
    /// disagreeing is a compiler bug; it is recorded for the unit tests.
    fn leave_scope(&mut self) -> Arc<Code> {
        let mut u = self.units.pop().expect("leave_scope without a unit");
        let scope = &self.table.scopes[u.scope];
        assemble::resolve_jumps(&mut u.instructions, &u.labels);
        assemble::fuse(&mut u.instructions);
        let exception_table = assemble::exception_table(&u.handler_of, &u.handlers, &u.labels);
        let depth = assemble::max_stack_depth(&u.instructions, &u.handler_of, &u.handlers, &u.labels);
        let params = &scope.counts;
        let cell_params = u
            .cellvars
            .iter()
            .enumerate()
            .filter_map(|(cell, name)| {
                scope.params.iter().position(|p| p == name).map(|slot| (cell as u32, slot as u32))
            })
            .collect();
        let code = Code {
            kind: scope.kind,
            name: scope.name.clone(),
            qualname: scope.qualname.clone(),
            filename: self.filename.clone(),
            first_line: u.first_line,
            argcount: params.argcount,
            posonlyargcount: params.posonlyargcount,
            kwonlyargcount: params.kwonlyargcount,
            varargs: params.varargs,
            varkeywords: params.varkeywords,
            is_generator: scope.is_generator,
            instructions: u.instructions,
            lines: u.lines,
            spans: u.spans,
            exception_table,
            constants: u.constants,
            names: u.names,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            cell_params,
            max_stack: depth.max,
        };
        if !depth.consistent {
            self.stack_errors.push(code.qualname.clone());
        }
        Arc::new(code)
    }

    /// Pushes a function object for `code`, with its closure and the
    /// defaults already on the stack (`flags` says which).
    fn make_function(&mut self, code: Arc<Code>, mut flags: u32) {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let i = self.deref_index(name);
                self.emit(Instruction::LoadClosure(i));
            }
            self.emit(Instruction::BuildTuple(code.freevars.len() as u32));
            flags |= crate::bytecode::opcode::make_function::CLOSURE;
        }
        let i = self.add_const(Constant::Code(code));
        self.emit(Instruction::LoadConst(i));
        self.emit(Instruction::MakeFunction(flags));
    }

    fn eval_body(&mut self, module: &'a ast::Module) -> Result<(), SyntaxError> {
        match module.body.as_slice() {
            [ast::Stmt { kind: ast::StmtKind::Expr(e), .. }] => {
                self.expr(e)?;
                self.emit(Instruction::ReturnValue);
                Ok(())
            }
            [] => Err(self.error("invalid syntax", Loc { line: 1, col: 0 })),
            [first, ..] => Err(self.error("invalid syntax", first.loc)),
        }
    }

    /// The docstring of a module or class body: stored as `__doc__`.
    fn docstring_to_name(&mut self, body: &[ast::Stmt]) {
        if let Some(doc) = docstring(body) {
            let saved = self.set_line(body[0].loc.line);
            self.load_const(Constant::Str(doc.to_string()));
            let i = self.name_index("__doc__");
            self.emit(Instruction::StoreName(i));
            self.set_line(saved);
        }
    }
}

/// The docstring of a body: its first statement, if it is a string literal.
fn docstring(body: &[ast::Stmt]) -> Option<&str> {
    match body.first().map(|s| &s.kind) {
        Some(ast::StmtKind::Expr(ast::Expr { kind: ast::ExprKind::Constant(ast::Constant::Str(s)), .. })) => Some(s),
        _ => None,
    }
}
