//! `try`, `with`, and leaving blocks early.
//!
//! Handlers follow CPython 3.11 (see `bytecode::opcode`): a protected range
//! is tagged with its handler; the handler starts with `PushExcInfo`
//! (`[prev_exc, exc]`) and a "cleanup" handler (`Copy(3); PopExcept;
//! Reraise(1)`) restores the previously handled exception if the handler
//! itself raises. `return`, `break` and `continue` leave enclosing blocks by
//! emitting each block's exit code inline — including a copy of every
//! `finally` body they cross — innermost first (`unwind_blocks`).

use crate::bytecode::{Constant, Instruction};
use crate::frontend::ast::{ExceptHandler, Expr, Loc, Stmt, WithItem};
use crate::frontend::SyntaxError;

use super::assemble::Label;
use super::Compiler;

/// CPython's limit on statically nested blocks.
const MAX_BLOCKS: usize = 20;

#[derive(Clone, Copy)]
pub enum FBlockKind<'a> {
    /// `continue` jumps to `start`, `break` to `exit`.
    WhileLoop { start: Label, exit: Label },
    /// The iterator is on the stack.
    ForLoop { start: Label, exit: Label },
    TryExcept,
    /// Leaving the `try` body runs the `finally` body.
    FinallyTry(&'a [Stmt]),
    /// In the exception path of `finally`: `[prev_exc, exc]` on the stack.
    FinallyEnd,
    /// The `__exit__` function is on the stack.
    With,
    /// In an `except` body: `[prev_exc]` on the stack; the bound name is cleared on exit.
    HandlerCleanup(Option<&'a str>),
    /// A pending return value saved under an inlined `finally` body.
    PopValue,
}

#[derive(Clone, Copy)]
pub struct FBlock<'a> {
    pub kind: FBlockKind<'a>,
    /// The exception handler active once this block is left.
    pub outer_handler: Option<u32>,
}

/// What leaves the enclosing blocks.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Return,
    Break,
    Continue,
}

impl<'a> Compiler<'a> {
    pub(super) fn push_fblock(&mut self, kind: FBlockKind<'a>, outer_handler: Option<u32>, loc: Loc) -> Result<(), SyntaxError> {
        if self.u().fblocks.len() >= MAX_BLOCKS {
            return Err(self.error("too many statically nested blocks", loc));
        }
        self.unit().fblocks.push(FBlock { kind, outer_handler });
        Ok(())
    }

    /// Statement-level depth bookkeeping when items leave the stack.
    pub(super) fn lower_depth(&mut self, n: u32) {
        let u = self.unit();
        u.depth = u.depth.saturating_sub(n);
    }

    pub(super) fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }

    /// `return` (value already on the stack), `break` or `continue`.
    pub(super) fn leave_blocks(&mut self, exit: Exit, loc: Loc) -> Result<(), SyntaxError> {
        let saved_handler = self.u().current_handler;
        let saved_depth = self.u().depth;
        let preserve = exit == Exit::Return;
        if preserve {
            self.unit().depth += 1;
        }
        let target = self.unwind_blocks(preserve, exit != Exit::Return)?;
        match (exit, target) {
            (Exit::Return, _) => {
                self.emit(Instruction::ReturnValue);
            }
            (Exit::Break, Some(FBlock { kind: FBlockKind::ForLoop { exit, .. }, .. })) => {
                self.emit(Instruction::PopTop);
                self.jump(Instruction::Jump, exit);
            }
            (Exit::Break, Some(FBlock { kind: FBlockKind::WhileLoop { exit, .. }, .. })) => {
                self.jump(Instruction::Jump, exit);
            }
            (Exit::Continue, Some(FBlock { kind: FBlockKind::ForLoop { start, .. } | FBlockKind::WhileLoop { start, .. }, .. })) => {
                self.jump(Instruction::JumpBackward, start);
            }
            (Exit::Break, _) => return Err(self.error("'break' outside loop", loc)),
            (Exit::Continue, _) => return Err(self.error("'continue' not properly in loop", loc)),
        }
        self.set_handler(saved_handler);
        self.unit().depth = saved_depth;
        Ok(())
    }

    /// Emits the exit code of enclosing blocks, innermost first, stopping at
    /// a loop when `to_loop`; returns that loop.
    fn unwind_blocks(&mut self, preserve: bool, to_loop: bool) -> Result<Option<FBlock<'a>>, SyntaxError> {
        let Some(top) = self.u().fblocks.last().copied() else { return Ok(None) };
        if to_loop && matches!(top.kind, FBlockKind::WhileLoop { .. } | FBlockKind::ForLoop { .. }) {
            return Ok(Some(top));
        }
        self.pop_fblock();
        let result = self.unwind_one(top, preserve).and_then(|()| self.unwind_blocks(preserve, to_loop));
        self.unit().fblocks.push(top);
        result
    }

    fn unwind_one(&mut self, block: FBlock<'a>, preserve: bool) -> Result<(), SyntaxError> {
        self.set_handler(block.outer_handler);
        let swap_if = |c: &mut Self| {
            if preserve {
                c.emit(Instruction::Swap(2));
            }
        };
        match block.kind {
            FBlockKind::WhileLoop { .. } | FBlockKind::TryExcept => {}
            FBlockKind::ForLoop { .. } | FBlockKind::PopValue => {
                swap_if(self);
                self.emit(Instruction::PopTop);
                self.lower_depth(1);
            }
            FBlockKind::FinallyTry(body) => {
                if preserve {
                    let loc = body.first().map_or(Loc::default(), |s| s.loc);
                    self.push_fblock(FBlockKind::PopValue, block.outer_handler, loc)?;
                }
                self.stmts(body)?;
                if preserve {
                    self.pop_fblock();
                }
            }
            FBlockKind::FinallyEnd => {
                swap_if(self);
                self.emit(Instruction::PopTop);
                swap_if(self);
                self.emit(Instruction::PopExcept);
                self.lower_depth(2);
            }
            FBlockKind::With => {
                swap_if(self);
                self.call_exit_with_nones();
                self.lower_depth(1);
            }
            FBlockKind::HandlerCleanup(name) => {
                swap_if(self);
                self.emit(Instruction::PopExcept);
                self.lower_depth(1);
                if let Some(name) = name {
                    self.clear_name(name);
                }
            }
        }
        Ok(())
    }

    /// `[exit] -> []`: the normal exit of a `with` block.
    fn call_exit_with_nones(&mut self) {
        for _ in 0..3 {
            self.load_const(Constant::None);
        }
        self.emit(Instruction::Call(3));
        self.emit(Instruction::PopTop);
    }

    /// `name = None; del name`, as at the end of `except E as name:`.
    fn clear_name(&mut self, name: &str) {
        self.load_const(Constant::None);
        self.store_name(name);
        self.delete_name(name);
    }

    /// The `Copy(3); PopExcept; Reraise(1)` block that ends every handler.
    fn emit_cleanup(&mut self, cleanup: Label, outer: Option<u32>) {
        self.place(cleanup);
        self.set_handler(outer);
        self.emit(Instruction::Copy(3));
        self.emit(Instruction::PopExcept);
        self.emit(Instruction::Reraise(1));
    }

    pub(super) fn try_stmt(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        loc: Loc,
    ) -> Result<(), SyntaxError> {
        if finalbody.is_empty() {
            return self.try_except(body, handlers, orelse, loc);
        }
        let outer = self.u().current_handler;
        let depth = self.u().depth;
        let handler = self.new_label();
        let end = self.new_label();
        self.push_handler(handler, depth, false);
        self.push_fblock(FBlockKind::FinallyTry(finalbody), outer, loc)?;
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse, loc)?;
        }
        self.pop_fblock();
        self.set_handler(outer);
        self.stmts(finalbody)?;
        self.jump(Instruction::Jump, end);

        // Exceptional path: run the finally body with the exception saved.
        self.place(handler);
        let cleanup = self.new_label();
        self.push_handler(cleanup, depth + 1, true);
        self.emit(Instruction::PushExcInfo);
        self.push_fblock(FBlockKind::FinallyEnd, outer, loc)?;
        self.unit().depth += 2;
        self.stmts(finalbody)?;
        self.lower_depth(2);
        self.pop_fblock();
        self.emit(Instruction::Reraise(0));
        self.emit_cleanup(cleanup, outer);
        self.place(end);
        Ok(())
    }

    fn try_except(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt], loc: Loc) -> Result<(), SyntaxError> {
        let outer = self.u().current_handler;
        let depth = self.u().depth;
        let handler = self.new_label();
        let end = self.new_label();
        self.push_handler(handler, depth, false);
        self.push_fblock(FBlockKind::TryExcept, outer, loc)?;
        self.stmts(body)?;
        self.pop_fblock();
        self.set_handler(outer);
        self.stmts(orelse)?;
        self.jump(Instruction::Jump, end);

        self.place(handler);
        let cleanup = self.new_label();
        self.push_handler(cleanup, depth + 1, true);
        let cleanup_handler = self.u().current_handler;
        self.emit(Instruction::PushExcInfo);
        for (i, h) in handlers.iter().enumerate() {
            if h.typ.is_none() && i + 1 < handlers.len() {
                return Err(self.error("default 'except:' must be last", h.loc));
            }
            self.set_handler(cleanup_handler);
            let saved_line = self.set_line(h.loc.line);
            let next = self.new_label();
            if let Some(typ) = &h.typ {
                self.expr(typ)?;
                self.emit(Instruction::CheckExcMatch);
                self.jump(Instruction::PopJumpIfFalse, next);
            }
            self.handler_body(h, depth, [outer, cleanup_handler], end)?;
            self.place(next);
            self.set_line(saved_line);
        }
        self.set_handler(cleanup_handler);
        self.emit(Instruction::Reraise(0));
        self.emit_cleanup(cleanup, outer);
        self.place(end);
        Ok(())
    }

    /// One `except` clause after its type matched: `[prev_exc, exc]` on the
    /// stack. `handlers` are the one outside the `try` and the clause's cleanup.
    fn handler_body(
        &mut self,
        h: &'a ExceptHandler,
        depth: u32,
        [outer, cleanup]: [Option<u32>; 2],
        end: Label,
    ) -> Result<(), SyntaxError> {
        let name = h.name.as_deref();
        let cleanup_name = self.new_label();
        match name {
            Some(n) => {
                self.store_name(n);
                self.push_handler(cleanup_name, depth + 1, true);
            }
            None => {
                self.emit(Instruction::PopTop);
            }
        }
        self.push_fblock(FBlockKind::HandlerCleanup(name), outer, h.loc)?;
        self.unit().depth += 1;
        self.stmts(&h.body)?;
        self.lower_depth(1);
        self.pop_fblock();
        self.set_handler(outer);
        self.emit(Instruction::PopExcept);
        if let Some(n) = name {
            self.clear_name(n);
        }
        self.jump(Instruction::Jump, end);
        if let Some(n) = name {
            // The body raised: clear the name, then let `cleanup` restore prev_exc.
            self.place(cleanup_name);
            self.set_handler(cleanup);
            self.clear_name(n);
            self.emit(Instruction::Reraise(1));
        }
        Ok(())
    }

    pub(super) fn with_stmt(&mut self, items: &'a [WithItem], body: &'a [Stmt], loc: Loc) -> Result<(), SyntaxError> {
        let Some((item, rest)) = items.split_first() else { return self.stmts(body) };
        let saved_line = self.set_line(item.context.loc.line);
        self.expr(&item.context)?;
        self.emit(Instruction::BeforeWith);
        let outer = self.u().current_handler;
        let depth = self.u().depth;
        let handler = self.new_label();
        let end = self.new_label();
        self.push_handler(handler, depth + 1, true);
        self.push_fblock(FBlockKind::With, outer, loc)?;
        self.unit().depth += 1;
        match &item.target {
            Some(t) => self.store(t)?,
            None => {
                self.emit(Instruction::PopTop);
            }
        }
        self.set_line(saved_line);
        self.with_stmt(rest, body, loc)?;
        self.lower_depth(1);
        self.pop_fblock();
        self.set_handler(outer);
        self.set_line(item.context.loc.line);
        self.call_exit_with_nones();
        self.jump(Instruction::Jump, end);

        // `[exit, lasti, exc]`: call `__exit__`; a true result swallows the exception.
        self.place(handler);
        let cleanup = self.new_label();
        let suppress = self.new_label();
        self.push_handler(cleanup, depth + 3, true);
        let cleanup_handler = self.u().current_handler;
        self.emit(Instruction::PushExcInfo);
        self.emit(Instruction::WithExceptStart);
        self.jump(Instruction::PopJumpIfTrue, suppress);
        self.emit(Instruction::Reraise(0));
        self.emit_cleanup(cleanup, outer);
        self.place(suppress);
        self.set_handler(cleanup_handler);
        self.emit(Instruction::PopTop);
        self.set_handler(outer);
        self.emit(Instruction::PopExcept);
        self.emit(Instruction::PopTop);
        self.emit(Instruction::PopTop);
        self.place(end);
        self.set_line(saved_line);
        Ok(())
    }

    /// `raise`, `raise exc`, `raise exc from cause`.
    pub(super) fn raise_stmt(&mut self, exc: &'a Option<Expr>, cause: &'a Option<Expr>) -> Result<(), SyntaxError> {
        let mut n = 0;
        if let Some(e) = exc {
            self.expr(e)?;
            n = 1;
            if let Some(c) = cause {
                self.expr(c)?;
                n = 2;
            }
        }
        self.emit(Instruction::RaiseVarargs(n));
        Ok(())
    }
}
