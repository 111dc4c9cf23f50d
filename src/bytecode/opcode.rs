//! The instruction set: the one definition the compiler, the eval loop and the
//! disassembler share.
//!
//! Each instruction is one `Instruction` value (8 bytes: a tag and a `u32`
//! operand). Jump targets are absolute instruction indices. Stack effects are
//! written `[before] -> [after]`, top of stack on the right.
//!
//! Exceptions do not use a block stack: the compiler emits an exception table
//! (`code::ExceptionEntry`), as CPython 3.11 does, so the happy path of a `try`
//! costs nothing. When an exception is raised at instruction `i`, the VM finds
//! the innermost entry with `start <= i < end`, truncates the value stack to the
//! entry's `depth`, pushes `lasti` (as an int) if the entry asks for it, pushes
//! the exception object and jumps to `handler`. With no entry, the frame is
//! popped and the exception propagates to the caller.

use crate::frontend::ast;

/// Binary operators of `BinaryOp` / `InplaceOp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

/// Comparison operators of `Compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Not,
}

/// `!r`, `!s`, `!a` of an f-string field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Conversion {
    None,
    Str,
    Repr,
    Ascii,
}

/// One VM instruction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Instruction {
    // ---- stack ------------------------------------------------------------
    /// No effect (a jump target placeholder).
    Nop,
    /// `[a] -> []`
    PopTop,
    /// `[.., x_n, .., x_1] -> [.., x_n, .., x_1, x_n]` (`Copy(1)` duplicates TOS).
    Copy(u32),
    /// Swap TOS with the n-th item (`Swap(2)` swaps the top two).
    Swap(u32),

    // ---- constants and names -------------------------------------------------
    /// `[] -> [consts[i]]`
    LoadConst(u32),
    /// `[] -> [locals[i]]`; `UnboundLocalError` if the slot is unset.
    LoadFast(u32),
    /// A superinstruction: `LoadFast(i)` fused with the `LoadAttr(j)` right
    /// after it (`self.x`), which stays in place and is skipped. `[] ->
    /// [locals[i].names[j]]`: the attribute is read through the local slot, so
    /// the object is neither pushed nor referenced. Placed by the assembler.
    LoadFastAttr(u32),
    /// `[v] -> []`, `locals[i] = v`
    StoreFast(u32),
    /// Unset `locals[i]`; `UnboundLocalError` if already unset.
    DeleteFast(u32),
    /// `[] -> [cell_i.contents]`. Deref indices: `cellvars` first, then `freevars`.
    /// An empty cell raises `UnboundLocalError` (cellvar) or `NameError` (freevar):
    /// "cannot access free variable 'x' where it is not associated with a value in enclosing scope".
    LoadDeref(u32),
    /// `[v] -> []`, `cell_i.contents = v`
    StoreDeref(u32),
    DeleteDeref(u32),
    /// `[] -> [cell_i]` — the cell itself, to build a closure tuple.
    LoadClosure(u32),
    /// In a class body: look `freevars[i]`'s name up in the class namespace first,
    /// then in the cell. `[] -> [v]`
    LoadClassDeref(u32),
    /// `[] -> [globals[names[i]] or builtins[names[i]]]`; `NameError` if neither.
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Module and class bodies: locals mapping, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),

    // ---- attributes and items -----------------------------------------------
    /// `[obj] -> [obj.names[i]]`
    LoadAttr(u32),
    /// `[v, obj] -> []`, `obj.names[i] = v`
    StoreAttr(u32),
    /// `[obj] -> []`
    DeleteAttr(u32),
    /// Method-call fast path. `[obj] -> [meth, self]` when `names[i]` is a plain
    /// function found on the type (no bound method is allocated), otherwise
    /// `[obj] -> [attr, NULL]` (the VM's internal `Value::Null`). Always followed,
    /// after the arguments, by `CallMethod`.
    LoadMethod(u32),
    /// `[container, key] -> [container[key]]`
    BinarySubscr,
    /// `[v, container, key] -> []`, `container[key] = v`
    StoreSubscr,
    /// `[container, key] -> []`
    DeleteSubscr,
    /// `[lower, upper] -> [slice]` (n = 2) or `[lower, upper, step] -> [slice]` (n = 3).
    BuildSlice(u32),

    // ---- operators ----------------------------------------------------------
    /// `[a, b] -> [a op b]`, with `__op__` / reflected `__rop__` dispatch.
    BinaryOp(BinOp),
    /// `[a, b] -> [a op= b]`: tries `__iop__` first, then as `BinaryOp`.
    InplaceOp(BinOp),
    /// `[a] -> [op a]`
    Unary(UnaryOp),
    /// `[a, b] -> [a op b]` (rich comparison, reflected on `NotImplemented`).
    Compare(CmpOp),
    /// `[a, b] -> [a is b]`, or `a is not b` when the operand is 1.
    IsOp(u32),
    /// `[a, b] -> [a in b]`, or `a not in b` when the operand is 1.
    ContainsOp(u32),

    // ---- control flow -------------------------------------------------------
    /// Forward jump to an absolute index.
    Jump(u32),
    /// Backward jump (loops). This is where the eval loop checks the eval-breaker
    /// flag (GIL drop request, pending signal, interrupt), so no loop can keep the GIL forever.
    JumpBackward(u32),
    /// `[v] -> []`, jump if `v` is falsy.
    PopJumpIfFalse(u32),
    /// `[v] -> []`, jump if `v` is truthy.
    PopJumpIfTrue(u32),
    /// `[v] -> [v]` and jump if `v` is falsy, else `[v] -> []` (for `and`).
    JumpIfFalseOrPop(u32),
    /// `[v] -> [v]` and jump if `v` is truthy, else `[v] -> []` (for `or`).
    JumpIfTrueOrPop(u32),
    /// `[iterable] -> [iterator]`
    GetIter,
    /// `[it] -> [it, next(it)]`, or, when `it` is exhausted, `[it] -> []` and jump.
    ForIter(u32),

    // ---- building -----------------------------------------------------------
    /// `[x_1 .. x_n] -> [(x_1, .., x_n)]`
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// `[k_1, v_1, .., k_n, v_n] -> [{k_1: v_1, ..}]`
    BuildMap(u32),
    /// `[s_1 .. s_n] -> [s_1 + .. + s_n]` (strings, for f-strings).
    BuildString(u32),
    /// `[list, .. (n-1 items) .., v] -> [list, ..]`: append `v` to the list at depth n
    /// (counted after popping `v`; `ListAppend(1)` appends to the new TOS).
    ListAppend(u32),
    /// As `ListAppend`, for sets.
    SetAdd(u32),
    /// `[dict, .., k, v] -> [dict, ..]`: `dict[k] = v` at depth n (after popping k, v).
    MapAdd(u32),
    /// `[list, .., iterable] -> [list, ..]`: `list.extend(iterable)` at depth n.
    ListExtend(u32),
    /// `[set, .., iterable] -> [set, ..]`
    SetUpdate(u32),
    /// `[dict, .., mapping] -> [dict, ..]`: `dict.update(mapping)` (dict displays `{**m}`).
    DictUpdate(u32),
    /// As `DictUpdate`, but a repeated key is a `TypeError`
    /// ("f() got multiple values for keyword argument 'k'"): for `**kwargs` in calls.
    /// The function being called sits at depth n + 2 (for the message).
    DictMerge(u32),
    /// `[list] -> [tuple(list)]`
    ListToTuple,
    /// `[iterable] -> [x_n, .., x_1]` (x_1 on top); `ValueError` on a length mismatch.
    UnpackSequence(u32),
    /// Starred unpacking `a, *b, c = it`: operand is `before | (after << 8)`.
    /// `[iterable] -> [x_after.., list, x_before..]` with the first item on top.
    UnpackEx(u32),
    /// f-string field. `[v] -> [formatted]`, or `[v, spec] -> [formatted]` when `spec` is set.
    FormatValue { conversion: Conversion, spec: bool },

    // ---- functions and calls ------------------------------------------------
    /// `[callable, a_1 .. a_n] -> [result]`
    Call(u32),
    /// `[callable, a_1 .. a_n, kwnames] -> [result]`: `kwnames` is a constant tuple of
    /// strings naming the last `len(kwnames)` of the n arguments.
    CallKw(u32),
    /// `[meth, self_or_null, a_1 .. a_n] -> [result]` (see `LoadMethod`).
    CallMethod(u32),
    /// `[meth, self_or_null, a_1 .. a_n, kwnames] -> [result]`
    CallMethodKw(u32),
    /// `[callable, args_tuple] -> [result]`, or with operand 1
    /// `[callable, args_tuple, kwargs_dict] -> [result]` (calls with `*` / `**`).
    CallFunctionEx(u32),
    /// Builds a function from a code constant. Operand bits say which optional items
    /// are on the stack below the code object, in this order:
    /// `[defaults_tuple?(1), kwdefaults_dict?(2), closure_tuple?(8), code] -> [function]`.
    /// (Bit 4 is reserved for annotations, which gilvm ignores.)
    MakeFunction(u32),
    /// `[v] -> (return v to the caller)`
    ReturnValue,
    /// `[] -> [builtins.__build_class__]`; the compiler then calls it as
    /// `__build_class__(body_function, name, *bases, **keywords)`.
    LoadBuildClass,

    // ---- generators ---------------------------------------------------------
    /// `[v] -> [sent]`: suspends the generator, handing `v` to the consumer; on
    /// resume the value passed to `send` (None for `next`) is pushed.
    YieldValue,
    /// `[iterable] -> [iterator]`: `iter(x)` unless `x` is a generator already.
    GetYieldFromIter,
    /// `yield from`: `[subiter, sent] -> [subiter, sent']` and suspend while the
    /// sub-iterator yields (resuming re-executes this instruction with the newly sent
    /// value), or `[subiter, sent] -> [return_value]` when it finishes.
    YieldFrom,

    // ---- exceptions ---------------------------------------------------------
    /// `raise` (n = 0: re-raise the exception being handled), `raise exc` (n = 1),
    /// `raise exc from cause` (n = 2). `[exc?, cause?] -> (raises)`
    RaiseVarargs(u32),
    /// First instruction of an `except` handler. `[exc] -> [prev_exc, exc]` and makes
    /// `exc` the exception being handled (what `sys.exc_info()` and bare `raise` see).
    PushExcInfo,
    /// `[prev_exc] -> []`: restores `prev_exc` as the exception being handled.
    PopExcept,
    /// `[exc, type] -> [exc, isinstance(exc, type)]` (type may be a tuple); a
    /// non-class type raises `TypeError`.
    CheckExcMatch,
    /// `[.., exc] -> (raises exc again, keeping its traceback)`. With operand 1 the
    /// item below `exc` is the `lasti` of the frame to restore (pushed by the handler entry).
    Reraise(u32),
    /// `[ctx] -> [exit, enter_result]`: looks up `__enter__`/`__exit__`, calls `__enter__`.
    BeforeWith,
    /// In a `with` cleanup handler: `[exit, .., lasti?, prev_exc, exc] -> [exit, .., lasti?, prev_exc, exc, res]`
    /// where `res = exit(type(exc), exc, exc.__traceback__)`. The exit function sits at
    /// depth 4 when `lasti` is present (the compiler's exception table asks for it).
    WithExceptStart,
    /// `[] -> [AssertionError]` (the class, not a name lookup, as CPython).
    LoadAssertionError,

    // ---- modules ------------------------------------------------------------
    /// `[level, fromlist] -> [module]`: `__import__(names[i], globals, None, fromlist, level)`.
    ImportName(u32),
    /// `[module] -> [module, module.names[i]]` (`ImportError` "cannot import name").
    ImportFrom(u32),
    /// `[module] -> []`: copies the module's public names into the current namespace.
    ImportStar,

    /// REPL only: `[v] -> []`, echoes `repr(v)` unless `v` is None (sys.displayhook).
    PrintExpr,
}

impl From<ast::BinOp> for BinOp {
    fn from(op: ast::BinOp) -> BinOp {
        match op {
            ast::BinOp::Add => BinOp::Add,
            ast::BinOp::Sub => BinOp::Sub,
            ast::BinOp::Mult => BinOp::Mul,
            ast::BinOp::MatMult => BinOp::MatMul,
            ast::BinOp::Div => BinOp::TrueDiv,
            ast::BinOp::Mod => BinOp::Mod,
            ast::BinOp::Pow => BinOp::Pow,
            ast::BinOp::LShift => BinOp::LShift,
            ast::BinOp::RShift => BinOp::RShift,
            ast::BinOp::BitOr => BinOp::Or,
            ast::BinOp::BitXor => BinOp::Xor,
            ast::BinOp::BitAnd => BinOp::And,
            ast::BinOp::FloorDiv => BinOp::FloorDiv,
        }
    }
}

impl BinOp {
    /// The operator as written in source (`+`, `//`, ...), for error messages.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }

    /// The dunder names `(__op__, __rop__, __iop__)`.
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    /// `(__op__, reflected __op__)`: `a < b` falls back to `b > a`.
    pub fn dunders(self) -> (&'static str, &'static str) {
        match self {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::Le => ("__le__", "__ge__"),
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::Ne => ("__ne__", "__ne__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::Ge => ("__ge__", "__le__"),
        }
    }
}

/// Flag bits of `MakeFunction`.
pub mod make_function {
    pub const DEFAULTS: u32 = 1;
    pub const KWDEFAULTS: u32 = 2;
    pub const ANNOTATIONS: u32 = 4;
    pub const CLOSURE: u32 = 8;
}
