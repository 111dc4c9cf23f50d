//! Names and assignment targets: load / store / delete by scope, unpacking,
//! augmented assignment, and the "cannot assign to ..." errors.

use crate::bytecode::{BinOp, CodeKind, Instruction};
use crate::frontend::ast::{self, Expr, ExprKind};
use crate::frontend::targets::expr_name;
use crate::frontend::SyntaxError;

use super::symtable::NameScope;
use super::Compiler;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Load,
    Store,
    Delete,
}

impl<'a> Compiler<'a> {
    pub(super) fn load_name(&mut self, name: &str) {
        self.name_op(name, Ctx::Load);
    }

    pub(super) fn store_name(&mut self, name: &str) {
        self.name_op(name, Ctx::Store);
    }

    pub(super) fn delete_name(&mut self, name: &str) {
        self.name_op(name, Ctx::Delete);
    }

    fn name_op(&mut self, raw: &str, ctx: Ctx) {
        use Instruction::*;
        let name = self.mangled(raw);
        let scope = &self.table.scopes[self.u().scope];
        let kind = scope.kind;
        let function_like = !matches!(kind, CodeKind::Module | CodeKind::Class);
        let ins = match scope.lookup(&name) {
            NameScope::Local if function_like => {
                let i = self.var_index(&name);
                [LoadFast(i), StoreFast(i), DeleteFast(i)]
            }
            NameScope::Cell | NameScope::Free => {
                let i = self.deref_index(&name);
                let load = if kind == CodeKind::Class { LoadClassDeref(i) } else { LoadDeref(i) };
                [load, StoreDeref(i), DeleteDeref(i)]
            }
            NameScope::GlobalExplicit => {
                let i = self.name_index(&name);
                [LoadGlobal(i), StoreGlobal(i), DeleteGlobal(i)]
            }
            NameScope::GlobalImplicit if function_like => {
                let i = self.name_index(&name);
                [LoadGlobal(i), StoreGlobal(i), DeleteGlobal(i)]
            }
            NameScope::Local | NameScope::GlobalImplicit => {
                let i = self.name_index(&name);
                [LoadName(i), StoreName(i), DeleteName(i)]
            }
        };
        self.emit(ins[ctx as usize]);
    }

    /// Stores TOS into `target`.
    pub(super) fn store(&mut self, target: &'a Expr) -> Result<(), SyntaxError> {
        let saved = self.set_line(target.loc.line);
        match &target.kind {
            ExprKind::Name(n) => {
                if n == "__debug__" {
                    return Err(self.error("cannot assign to __debug__", target.loc));
                }
                self.store_name(n);
            }
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.emit(Instruction::StoreAttr(i));
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Instruction::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => self.unpack(items, target)?,
            ExprKind::Starred(_) => {
                return Err(self.error("starred assignment target must be in a list or tuple", target.loc))
            }
            _ => return Err(self.error(format!("cannot assign to {}", expr_name(target)), target.loc)),
        }
        self.set_line(saved);
        Ok(())
    }

    fn unpack(&mut self, items: &'a [Expr], whole: &Expr) -> Result<(), SyntaxError> {
        let starred: Vec<usize> =
            items.iter().enumerate().filter(|(_, e)| matches!(e.kind, ExprKind::Starred(_))).map(|(i, _)| i).collect();
        match starred.as_slice() {
            [] => {
                self.emit(Instruction::UnpackSequence(items.len() as u32));
            }
            [i] => {
                let after = items.len() - i - 1;
                if *i >= 256 || after >= (1 << 24) {
                    return Err(self.error("too many expressions in star-unpacking assignment", whole.loc));
                }
                self.emit(Instruction::UnpackEx(*i as u32 | (after as u32) << 8));
            }
            _ => return Err(self.error("multiple starred expressions in assignment", whole.loc)),
        }
        for item in items {
            match &item.kind {
                ExprKind::Starred(inner) => self.store(inner)?,
                _ => self.store(item)?,
            }
        }
        Ok(())
    }

    /// The parser-level check of an assignment's own target: a literal or
    /// call on the left of `=` gets CPython's "Maybe you meant '=='" hint.
    pub(super) fn check_assign_target(&self, target: &Expr) -> Result<(), SyntaxError> {
        use ExprKind::*;
        match &target.kind {
            Constant(ast::Constant::None | ast::Constant::Bool(_)) => {
                Err(self.error(format!("cannot assign to {}", expr_name(target)), target.loc))
            }
            Constant(_) | Call { .. } | BinOp { .. } | UnaryOp { .. } | BoolOp { .. } | ListComp { .. }
            | SetComp { .. } | DictComp { .. } | JoinedStr(_) | FormattedValue { .. } | Dict { .. } | Set(_) => {
                let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(target));
                Err(self.error(msg, target.loc))
            }
            Yield(_) | YieldFrom(_) => Err(self.error("assignment to yield expression not possible", target.loc)),
            _ => Ok(()),
        }
    }

    pub(super) fn delete(&mut self, target: &'a Expr) -> Result<(), SyntaxError> {
        let saved = self.set_line(target.loc.line);
        match &target.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.emit(Instruction::DeleteAttr(i));
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Instruction::DeleteSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().try_for_each(|t| self.delete(t))?,
            _ => return Err(self.error(format!("cannot delete {}", expr_name(target)), target.loc)),
        }
        self.set_line(saved);
        Ok(())
    }

    /// `target op= value`, evaluating the target's container once.
    pub(super) fn aug_assign(&mut self, target: &'a Expr, op: ast::BinOp, value: &'a Expr) -> Result<(), SyntaxError> {
        let op = BinOp::from(op);
        match &target.kind {
            ExprKind::Name(n) => {
                self.load_name(n);
                self.expr(value)?;
                self.emit(Instruction::InplaceOp(op));
                self.store_name(n);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Instruction::Copy(1));
                let i = self.attr_index(attr);
                self.emit(Instruction::LoadAttr(i));
                self.expr(value)?;
                self.emit(Instruction::InplaceOp(op));
                self.emit(Instruction::Swap(2));
                self.emit(Instruction::StoreAttr(i));
            }
            ExprKind::Subscript { value: obj, slice } => {
                self.expr(obj)?;
                self.expr(slice)?;
                self.emit(Instruction::Copy(2));
                self.emit(Instruction::Copy(2));
                self.emit(Instruction::BinarySubscr);
                self.expr(value)?;
                self.emit(Instruction::InplaceOp(op));
                self.emit(Instruction::Swap(3));
                self.emit(Instruction::Swap(2));
                self.emit(Instruction::StoreSubscr);
            }
            _ => {
                let msg = format!("'{}' is an illegal expression for augmented assignment", expr_name(target));
                return Err(self.error(msg, target.loc));
            }
        }
        Ok(())
    }

    /// Index in `names` of an attribute, mangled inside a class.
    pub(super) fn attr_index(&mut self, attr: &str) -> u32 {
        let name = self.mangled(attr);
        self.name_index(&name)
    }
}
