//! Code objects: the compiler's output, one per module, function, class body,
//! lambda and comprehension.
//!
//! A `Code` is immutable plain data (`Send + Sync`): it holds no runtime
//! objects, so one compilation can be shared by every thread and by several
//! interpreters. Each interpreter turns the `constants` and `names` into its
//! own objects when it loads the code (see `vm::code_object`).
//!
//! What the compiler guarantees beyond the fields' own docs:
//! - Docstrings: for `CodeKind::Function` and `CodeKind::Lambda`,
//!   `constants[0]` is the docstring (`Constant::Str`) or `Constant::None`
//!   (as CPython's `co_consts[0]`). The defining code also stores a
//!   docstring into the new function's `__doc__` (`StoreAttr`) right after
//!   `MakeFunction`, so the VM needs nothing special. Module and class
//!   bodies store theirs as `__doc__` (`StoreName`).
//! - A class body starts with `__module__ = __name__` and
//!   `__qualname__ = '<qualname>'` (`LoadName`/`StoreName`), and returns the
//!   `__class__` cell (also stored as `__classcell__`) when a method uses
//!   `super()` or `__class__`, else `None`.
//! - Comprehensions and generator expressions take their outermost iterator
//!   as the single positional argument `.0` (varnames[0]).
//! - Every path ends in `ReturnValue`, `RaiseVarargs` or `Reraise`; the
//!   exception table's ranges do not overlap.

use std::sync::Arc;

use num_bigint::BigInt;

use super::opcode::Instruction;

/// A compile-time constant.
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    Int(i64),
    BigInt(BigInt),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    /// Constant tuples, including the keyword-name tuples of `CallKw`.
    Tuple(Vec<Constant>),
    /// A nested function, lambda, comprehension or class body.
    Code(Arc<Code>),
}

/// One row of the exception table: an exception raised by an instruction in
/// `start..end` jumps to `handler` with the stack cut to `depth` items
/// (plus `lasti` when asked, then the exception). Inner ranges come first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// What kind of scope the code runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Code {
    pub kind: CodeKind,
    /// `f`, `<lambda>`, `<listcomp>`, `<module>`, class name.
    pub name: String,
    /// `C.method.<locals>.inner`, as CPython's `__qualname__`.
    pub qualname: String,
    pub filename: Arc<str>,
    pub first_line: u32,

    /// Positional parameters, including positional-only ones.
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// The function takes `*args` (its slot follows the keyword-only ones).
    pub varargs: bool,
    /// The function takes `**kwargs` (its slot follows `*args`).
    pub varkeywords: bool,
    /// Calling the function creates a generator instead of running the body.
    pub is_generator: bool,

    pub instructions: Vec<Instruction>,
    /// The source line of each instruction (same length as `instructions`).
    pub lines: Vec<u32>,
    /// The columns each instruction came from (same length, or empty).
    pub spans: Vec<Span>,
    pub exception_table: Vec<ExceptionEntry>,
    pub constants: Vec<Constant>,
    /// Global, attribute and imported names, indexed by the name instructions.
    pub names: Vec<String>,
    /// Local variable slots; parameters first, in the order
    /// positional, keyword-only, `*args`, `**kwargs`.
    pub varnames: Vec<String>,
    /// Variables of this scope captured by inner scopes (cells this frame creates).
    pub cellvars: Vec<String>,
    /// Variables of outer scopes this code uses (cells received in the closure).
    pub freevars: Vec<String>,
    /// For each cellvar that is also a parameter: `(cell index, parameter slot)`;
    /// the frame copies the argument into the cell when it starts.
    pub cell_params: Vec<(u32, u32)>,
    /// The largest value-stack depth this code needs, so frames can be laid out
    /// on the thread's value stack without growing it mid-frame.
    pub max_stack: u32,
}

/// The source columns of the expression an instruction belongs to: from
/// `col` on the instruction's line to `end_col` on `end_line`, counted in
/// characters. Tracebacks underline them as CPython 3.11 does (PEP 657).
/// `end_line == 0` marks statement-level instructions, which get no marks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Span {
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

impl Code {
    /// The source line of instruction `pc`.
    pub fn line_of(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(self.first_line)
    }

    /// The columns of instruction `pc`, if it came from an expression.
    pub fn span_of(&self, pc: usize) -> Option<Span> {
        self.spans.get(pc).copied().filter(|s| s.end_line != 0)
    }

    /// Number of local slots (parameters and other locals).
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }

    /// Number of cell and free variables (the deref index space).
    pub fn nderefs(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }
}
