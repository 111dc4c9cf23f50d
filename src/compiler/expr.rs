//! Expressions: operators, displays, calls, f-strings, lambdas and
//! comprehensions (nested functions called at once with the outermost
//! iterator as their `.0` argument, as CPython 3.11 does).

use std::sync::Arc;

use num_bigint::BigInt;

use crate::bytecode::{BinOp, CmpOp, Code, Constant, Conversion, Instruction, UnaryOp};
use crate::frontend::ast::{self, Comprehension, Expr, ExprKind, Keyword};
use crate::frontend::SyntaxError;

use super::symtable::key_of;
use super::Compiler;

/// What a comprehension builds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

impl<'a> Compiler<'a> {
    pub(super) fn expr(&mut self, e: &'a Expr) -> Result<(), SyntaxError> {
        self.check_stack(e.loc)?;
        let saved = self.set_line(e.loc.line);
        let result = self.expr_kind(e);
        self.set_line(saved);
        result
    }

    /// A thin dispatcher: every arm is one call, so the frame that each
    /// level of nesting costs stays small (the walk recurses per level).
    fn expr_kind(&mut self, e: &'a Expr) -> Result<(), SyntaxError> {
        use ExprKind as K;
        match &e.kind {
            K::BoolOp { op, values } => self.bool_op(*op, values),
            K::BinOp { .. } => self.binary(e),
            K::UnaryOp { op, operand } => self.unary(*op, operand),
            K::Lambda { params, body } => self.lambda(e, params, body),
            K::IfExp { test, body, orelse } => self.if_exp(test, body, orelse),
            K::NamedExpr { target, value } => self.named_expr(target, value),
            K::Dict { keys, values } => self.dict_display(keys, values),
            K::Set(items) => self.sequence(items, Instruction::BuildSet, Instruction::SetAdd(1), Instruction::SetUpdate(1)),
            K::List(items) => self.sequence(items, Instruction::BuildList, Instruction::ListAppend(1), Instruction::ListExtend(1)),
            K::Tuple(items) => self.tuple(items),
            K::ListComp { elt, generators } => self.comprehension(e, CompKind::List, elt, None, generators),
            K::SetComp { elt, generators } => self.comprehension(e, CompKind::Set, elt, None, generators),
            K::GeneratorExp { elt, generators } => self.comprehension(e, CompKind::Generator, elt, None, generators),
            K::DictComp { key, value, generators } => self.comprehension(e, CompKind::Dict, key, Some(value), generators),
            K::Yield(value) => self.yield_value(value.as_deref()),
            K::YieldFrom(value) => self.yield_from(value),
            K::Compare { left, ops, comparators } => self.compare(left, ops, comparators),
            K::Call { func, args, keywords } => self.call(func, args, keywords),
            K::FormattedValue { .. } => self.formatted_value(e),
            K::JoinedStr(parts) => self.joined_str(parts),
            K::Constant(c) => {
                self.load_const(constant(c));
                Ok(())
            }
            K::Attribute { value, attr } => self.attribute(value, attr),
            K::Subscript { value, slice } => self.subscript(value, slice),
            K::Starred(_) => Err(self.error("can't use starred expression here", e.loc)),
            K::Name(n) if n == "__debug__" => {
                self.load_const(Constant::Bool(true));
                Ok(())
            }
            K::Name(n) => {
                self.load_name(n);
                Ok(())
            }
            K::Slice { lower, upper, step } => self.slice(lower.as_deref(), upper.as_deref(), step.as_deref()),
        }
    }

    /// The value stays on the stack as the expression's result; the symbol
    /// table has already decided which scope `target` is bound in.
    fn named_expr(&mut self, target: &str, value: &'a Expr) -> Result<(), SyntaxError> {
        self.expr(value)?;
        self.emit(Instruction::Copy(1));
        self.store_name(target);
        Ok(())
    }

    fn bool_op(&mut self, op: ast::BoolOp, values: &'a [Expr]) -> Result<(), SyntaxError> {
        let end = self.new_label();
        let jump = if op == ast::BoolOp::And { Instruction::JumpIfFalseOrPop } else { Instruction::JumpIfTrueOrPop };
        for (i, v) in values.iter().enumerate() {
            self.expr(v)?;
            if i + 1 < values.len() {
                self.jump(jump, end);
            }
        }
        self.place(end);
        Ok(())
    }

    /// `a + b + c + ...` nests to the left: the chain is walked iteratively,
    /// so its length costs no native stack.
    fn binary(&mut self, e: &'a Expr) -> Result<(), SyntaxError> {
        let mut spine = Vec::new();
        let mut leftmost = e;
        while let ExprKind::BinOp { left, op, right } = &leftmost.kind {
            spine.push((leftmost.loc.line, *op, &**right));
            leftmost = left;
        }
        self.expr(leftmost)?;
        for (line, op, right) in spine.into_iter().rev() {
            self.expr(right)?;
            let saved = self.set_line(line);
            self.emit(Instruction::BinaryOp(BinOp::from(op)));
            self.set_line(saved);
        }
        Ok(())
    }

    fn lambda(&mut self, e: &'a Expr, params: &'a ast::Parameters, body: &'a Expr) -> Result<(), SyntaxError> {
        let flags = self.defaults(params)?;
        let scope = self.scope_id(key_of(e), e.loc)?;
        self.enter_scope(scope, e.loc.line);
        self.add_const(Constant::None);
        self.expr(body)?;
        self.emit(Instruction::ReturnValue);
        let code = self.leave_scope();
        self.make_function(code, flags);
        Ok(())
    }

    fn if_exp(&mut self, test: &'a Expr, body: &'a Expr, orelse: &'a Expr) -> Result<(), SyntaxError> {
        let otherwise = self.new_label();
        let end = self.new_label();
        self.jump_if(test, false, otherwise)?;
        self.expr(body)?;
        self.jump(Instruction::Jump, end);
        self.place(otherwise);
        self.expr(orelse)?;
        self.place(end);
        Ok(())
    }

    fn yield_value(&mut self, value: Option<&'a Expr>) -> Result<(), SyntaxError> {
        match value {
            Some(v) => self.expr(v)?,
            None => self.load_const(Constant::None),
        }
        self.emit(Instruction::YieldValue);
        Ok(())
    }

    fn yield_from(&mut self, value: &'a Expr) -> Result<(), SyntaxError> {
        self.expr(value)?;
        self.emit(Instruction::GetYieldFromIter);
        self.load_const(Constant::None);
        self.emit(Instruction::YieldFrom);
        Ok(())
    }

    fn attribute(&mut self, value: &'a Expr, attr: &str) -> Result<(), SyntaxError> {
        self.expr(value)?;
        let i = self.attr_index(attr);
        self.emit(Instruction::LoadAttr(i));
        Ok(())
    }

    fn subscript(&mut self, value: &'a Expr, slice: &'a Expr) -> Result<(), SyntaxError> {
        self.expr(value)?;
        self.expr(slice)?;
        self.emit(Instruction::BinarySubscr);
        Ok(())
    }

    fn slice(&mut self, lower: Option<&'a Expr>, upper: Option<&'a Expr>, step: Option<&'a Expr>) -> Result<(), SyntaxError> {
        for bound in [lower, upper] {
            match bound {
                Some(b) => self.expr(b)?,
                None => self.load_const(Constant::None),
            }
        }
        let n = match step {
            Some(s) => {
                self.expr(s)?;
                3
            }
            None => 2,
        };
        self.emit(Instruction::BuildSlice(n));
        Ok(())
    }

    fn unary(&mut self, op: ast::UnaryOp, operand: &'a Expr) -> Result<(), SyntaxError> {
        if op == ast::UnaryOp::USub {
            if let ExprKind::Constant(c) = &operand.kind {
                if let Some(folded) = negate(c) {
                    self.load_const(folded);
                    return Ok(());
                }
            }
        }
        self.expr(operand)?;
        let op = match op {
            ast::UnaryOp::Invert => UnaryOp::Invert,
            ast::UnaryOp::Not => UnaryOp::Not,
            ast::UnaryOp::UAdd => UnaryOp::Pos,
            ast::UnaryOp::USub => UnaryOp::Neg,
        };
        self.emit(Instruction::Unary(op));
        Ok(())
    }

    /// Evaluates `e` for its truth and jumps to `target` when it equals
    /// `when`, without materialising `not` / `and` / `or` results.
    pub(super) fn jump_if(&mut self, e: &'a Expr, when: bool, target: super::assemble::Label) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::UnaryOp { op: ast::UnaryOp::Not, operand } => self.jump_if(operand, !when, target),
            ExprKind::BoolOp { op, values } => {
                let is_or = *op == ast::BoolOp::Or;
                let saved = self.set_line(e.loc.line);
                if is_or == when {
                    // `a or b` jumping when true / `a and b` jumping when false: any operand decides.
                    for v in values {
                        self.jump_if(v, when, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    let (last, rest) = values.split_last().map_or((None, &values[..]), |(l, r)| (Some(l), r));
                    for v in rest {
                        self.jump_if(v, !when, skip)?;
                    }
                    if let Some(l) = last {
                        self.jump_if(l, when, target)?;
                    }
                    self.place(skip);
                }
                self.set_line(saved);
                Ok(())
            }
            _ => {
                self.expr(e)?;
                let saved = self.set_line(e.loc.line);
                self.jump(if when { Instruction::PopJumpIfTrue } else { Instruction::PopJumpIfFalse }, target);
                self.set_line(saved);
                Ok(())
            }
        }
    }

    /// `a < b < c`: each middle operand is evaluated once; stops at the first false.
    fn compare(&mut self, left: &'a Expr, ops: &[ast::CmpOp], comparators: &'a [Expr]) -> Result<(), SyntaxError> {
        self.expr(left)?;
        let pairs: Vec<(&ast::CmpOp, &'a Expr)> = ops.iter().zip(comparators).collect();
        let Some(((last_op, last), init)) = pairs.split_last() else { return Ok(()) };
        let cleanup = self.new_label();
        let end = self.new_label();
        for (op, operand) in init {
            self.expr(operand)?;
            self.emit(Instruction::Swap(2));
            self.emit(Instruction::Copy(2));
            self.emit(compare_op(**op));
            self.jump(Instruction::JumpIfFalseOrPop, cleanup);
        }
        self.expr(last)?;
        self.emit(compare_op(**last_op));
        if init.is_empty() {
            return Ok(());
        }
        self.jump(Instruction::Jump, end);
        self.place(cleanup);
        self.emit(Instruction::Swap(2));
        self.emit(Instruction::PopTop);
        self.place(end);
        Ok(())
    }

    /// A tuple display: one constant when every item is a literal.
    fn tuple(&mut self, items: &'a [Expr]) -> Result<(), SyntaxError> {
        let constants: Option<Vec<Constant>> = items
            .iter()
            .map(|i| match &i.kind {
                ExprKind::Constant(c) => Some(constant(c)),
                _ => None,
            })
            .collect();
        if let Some(c) = constants {
            self.load_const(Constant::Tuple(c));
            return Ok(());
        }
        if items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
            self.sequence(items, Instruction::BuildList, Instruction::ListAppend(1), Instruction::ListExtend(1))?;
            self.emit(Instruction::ListToTuple);
            return Ok(());
        }
        items.iter().try_for_each(|i| self.expr(i))?;
        self.emit(Instruction::BuildTuple(items.len() as u32));
        Ok(())
    }

    /// A list or set display, `*iterable` items included: the items before
    /// the first star are built at once, the rest appended or merged.
    fn sequence(&mut self, items: &'a [Expr], build: fn(u32) -> Instruction, add: Instruction, merge: Instruction) -> Result<(), SyntaxError> {
        let leading = items.iter().take_while(|i| !matches!(i.kind, ExprKind::Starred(_))).count();
        items[..leading].iter().try_for_each(|i| self.expr(i))?;
        self.emit(build(leading as u32));
        for item in &items[leading..] {
            match &item.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(merge);
                }
                _ => {
                    self.expr(item)?;
                    self.emit(add);
                }
            }
        }
        Ok(())
    }

    fn dict_display(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> Result<(), SyntaxError> {
        let leading = keys.iter().take_while(|k| k.is_some()).count();
        for (k, v) in keys.iter().zip(values).take(leading) {
            if let Some(k) = k {
                self.expr(k)?;
            }
            self.expr(v)?;
        }
        self.emit(Instruction::BuildMap(leading as u32));
        for (k, v) in keys.iter().zip(values).skip(leading) {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instruction::MapAdd(1));
                }
                None => {
                    self.expr(v)?;
                    self.emit(Instruction::DictUpdate(1));
                }
            }
        }
        Ok(())
    }

    fn call(&mut self, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> Result<(), SyntaxError> {
        self.check_keywords(keywords)?;
        let simple = !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_))) && keywords.iter().all(|k| k.arg.is_some());
        match &func.kind {
            ExprKind::Attribute { value, attr } if simple => self.method_call(func, value, attr, args, keywords),
            _ => {
                self.expr(func)?;
                self.call_args(0, args, keywords)
            }
        }
    }

    /// `obj.m(args)` through `LoadMethod` / `CallMethod`: no bound method is made.
    fn method_call(
        &mut self,
        func: &'a Expr,
        obj: &'a Expr,
        attr: &str,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> Result<(), SyntaxError> {
        self.expr(obj)?;
        let saved = self.set_line(func.loc.line);
        let i = self.attr_index(attr);
        self.emit(Instruction::LoadMethod(i));
        self.set_line(saved);
        args.iter().try_for_each(|a| self.expr(a))?;
        let n = (args.len() + keywords.len()) as u32;
        if keywords.is_empty() {
            self.emit(Instruction::CallMethod(n));
        } else {
            keywords.iter().try_for_each(|k| self.expr(&k.value))?;
            self.load_kwnames(keywords);
            self.emit(Instruction::CallMethodKw(n));
        }
        Ok(())
    }

    pub(super) fn check_keywords(&self, keywords: &[Keyword]) -> Result<(), SyntaxError> {
        for (i, k) in keywords.iter().enumerate() {
            if let Some(name) = &k.arg {
                if keywords[..i].iter().any(|p| p.arg.as_ref() == Some(name)) {
                    return Err(self.error(format!("keyword argument repeated: {name}"), k.loc));
                }
            }
        }
        Ok(())
    }

    fn load_kwnames(&mut self, keywords: &[Keyword]) {
        let names = keywords.iter().map(|k| Constant::Str(k.arg.clone().unwrap_or_default())).collect();
        self.load_const(Constant::Tuple(names));
    }

    /// Emits the arguments and the call, `pushed` positional arguments being
    /// on the stack already (above the callable).
    pub(super) fn call_args(&mut self, pushed: u32, args: &'a [Expr], keywords: &'a [Keyword]) -> Result<(), SyntaxError> {
        let starred = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)));
        let double_starred = keywords.iter().any(|k| k.arg.is_none());
        if !starred && !double_starred {
            args.iter().try_for_each(|a| self.expr(a))?;
            let n = pushed + (args.len() + keywords.len()) as u32;
            if keywords.is_empty() {
                self.emit(Instruction::Call(n));
            } else {
                keywords.iter().try_for_each(|k| self.expr(&k.value))?;
                self.load_kwnames(keywords);
                self.emit(Instruction::CallKw(n));
            }
            return Ok(());
        }
        self.star_call(pushed, args, keywords)
    }

    /// A call with `*args` or `**kwargs`: one tuple and one dict, then `CallFunctionEx`.
    fn star_call(&mut self, pushed: u32, args: &'a [Expr], keywords: &'a [Keyword]) -> Result<(), SyntaxError> {
        if pushed == 0 && args.is_empty() {
            self.load_const(Constant::Tuple(Vec::new()));
            return self.star_call_kwargs(keywords);
        }
        let leading = args.iter().take_while(|a| !matches!(a.kind, ExprKind::Starred(_))).count();
        args[..leading].iter().try_for_each(|a| self.expr(a))?;
        self.emit(Instruction::BuildList(pushed + leading as u32));
        for a in &args[leading..] {
            match &a.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(Instruction::ListExtend(1));
                }
                _ => {
                    self.expr(a)?;
                    self.emit(Instruction::ListAppend(1));
                }
            }
        }
        self.emit(Instruction::ListToTuple);
        self.star_call_kwargs(keywords)
    }

    /// The `**kwargs` half of `star_call`: the positional tuple is on the stack.
    fn star_call_kwargs(&mut self, keywords: &'a [Keyword]) -> Result<(), SyntaxError> {
        if keywords.is_empty() {
            self.emit(Instruction::CallFunctionEx(0));
            return Ok(());
        }
        self.emit(Instruction::BuildMap(0));
        // Before the first `**` the parser has ruled out repeated names, so a
        // plain insert is enough; after it, a name may repeat a key of the
        // merged mapping, and only `DictMerge` reports that as CPython does.
        let mut merged_mapping = false;
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    self.load_const(Constant::Str(name.clone()));
                    self.expr(&k.value)?;
                    if merged_mapping {
                        self.emit(Instruction::BuildMap(1));
                        self.emit(Instruction::DictMerge(1));
                    } else {
                        self.emit(Instruction::MapAdd(1));
                    }
                }
                None => {
                    self.expr(&k.value)?;
                    self.emit(Instruction::DictMerge(1));
                    merged_mapping = true;
                }
            }
        }
        self.emit(Instruction::CallFunctionEx(1));
        Ok(())
    }

    fn formatted_value(&mut self, e: &'a Expr) -> Result<(), SyntaxError> {
        let ExprKind::FormattedValue { value, conversion, format_spec } = &e.kind else { return self.expr(e) };
        self.expr(value)?;
        if let Some(spec) = format_spec {
            self.expr(spec)?;
        }
        let conversion = match conversion {
            Some('r') => Conversion::Repr,
            Some('s') => Conversion::Str,
            Some('a') => Conversion::Ascii,
            _ => Conversion::None,
        };
        self.emit(Instruction::FormatValue { conversion, spec: format_spec.is_some() });
        Ok(())
    }

    fn joined_str(&mut self, parts: &'a [Expr]) -> Result<(), SyntaxError> {
        let mut n = 0;
        for p in parts {
            match &p.kind {
                ExprKind::Constant(ast::Constant::Str(s)) if s.is_empty() => continue,
                ExprKind::FormattedValue { .. } => self.formatted_value(p)?,
                _ => self.expr(p)?,
            }
            n += 1;
        }
        match n {
            0 => self.load_const(Constant::Str(String::new())),
            1 => {}
            _ => {
                self.emit(Instruction::BuildString(n));
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        generators: &'a [Comprehension],
    ) -> Result<(), SyntaxError> {
        let Some(first) = generators.first() else { return Err(self.error("invalid syntax", e.loc)) };
        let scope = self.scope_id(key_of(e), e.loc)?;
        self.enter_scope(scope, e.loc.line);
        let code = self.comprehension_body(kind, elt, value, generators)?;
        self.make_function(code, 0);
        self.expr(&first.iter)?;
        self.emit(Instruction::GetIter);
        self.emit(Instruction::Call(1));
        Ok(())
    }

    fn comprehension_body(
        &mut self,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        generators: &'a [Comprehension],
    ) -> Result<Arc<Code>, SyntaxError> {
        match kind {
            CompKind::List => self.emit(Instruction::BuildList(0)),
            CompKind::Set => self.emit(Instruction::BuildSet(0)),
            CompKind::Dict => self.emit(Instruction::BuildMap(0)),
            CompKind::Generator => 0,
        };
        let mut loops = Vec::new();
        for (i, g) in generators.iter().enumerate() {
            if i == 0 {
                self.emit(Instruction::LoadFast(0));
            } else {
                self.expr(&g.iter)?;
                self.emit(Instruction::GetIter);
            }
            let start = self.new_label();
            let end = self.new_label();
            let next = self.new_label();
            self.place(start);
            self.jump(Instruction::ForIter, end);
            self.store(&g.target)?;
            for cond in &g.ifs {
                self.jump_if(cond, false, next)?;
            }
            loops.push((start, next, end));
        }
        let depth = generators.len() as u32 + 1;
        let saved = self.set_line(elt.loc.line);
        match (kind, value) {
            (CompKind::Dict, Some(v)) => {
                self.expr(elt)?;
                self.expr(v)?;
                self.emit(Instruction::MapAdd(depth));
            }
            (CompKind::Set, _) => {
                self.expr(elt)?;
                self.emit(Instruction::SetAdd(depth));
            }
            (CompKind::Generator, _) => {
                self.expr(elt)?;
                self.emit(Instruction::YieldValue);
                self.emit(Instruction::PopTop);
            }
            _ => {
                self.expr(elt)?;
                self.emit(Instruction::ListAppend(depth));
            }
        }
        for (start, next, end) in loops.into_iter().rev() {
            self.place(next);
            self.jump(Instruction::JumpBackward, start);
            self.place(end);
        }
        if kind == CompKind::Generator {
            self.load_const(Constant::None);
        }
        self.emit(Instruction::ReturnValue);
        self.set_line(saved);
        Ok(self.leave_scope())
    }
}

fn compare_op(op: ast::CmpOp) -> Instruction {
    use ast::CmpOp as A;
    match op {
        A::Eq => Instruction::Compare(CmpOp::Eq),
        A::NotEq => Instruction::Compare(CmpOp::Ne),
        A::Lt => Instruction::Compare(CmpOp::Lt),
        A::LtE => Instruction::Compare(CmpOp::Le),
        A::Gt => Instruction::Compare(CmpOp::Gt),
        A::GtE => Instruction::Compare(CmpOp::Ge),
        A::Is => Instruction::IsOp(0),
        A::IsNot => Instruction::IsOp(1),
        A::In => Instruction::ContainsOp(0),
        A::NotIn => Instruction::ContainsOp(1),
    }
}

pub(super) fn constant(c: &ast::Constant) -> Constant {
    match c {
        ast::Constant::None => Constant::None,
        ast::Constant::Bool(b) => Constant::Bool(*b),
        ast::Constant::Ellipsis => Constant::Ellipsis,
        ast::Constant::Int(i) => Constant::Int(*i),
        ast::Constant::BigInt(b) => Constant::BigInt(b.clone()),
        ast::Constant::Float(f) => Constant::Float(*f),
        ast::Constant::Str(s) => Constant::Str(s.clone()),
        ast::Constant::Bytes(b) => Constant::Bytes(b.clone()),
    }
}

/// `-literal` folded to one constant; big integers stay normalised.
fn negate(c: &ast::Constant) -> Option<Constant> {
    Some(match c {
        ast::Constant::Int(i) => match i.checked_neg() {
            Some(n) => Constant::Int(n),
            None => Constant::BigInt(-BigInt::from(*i)),
        },
        ast::Constant::BigInt(b) => {
            let n = -b;
            match i64::try_from(&n) {
                Ok(small) => Constant::Int(small),
                Err(_) => Constant::BigInt(n),
            }
        }
        ast::Constant::Float(f) => Constant::Float(-f),
        _ => return None,
    })
}
