//! Bytecode: the instruction set (`opcode`), code objects (`code`) and the
//! disassembler (`dis`). This layer depends on nothing but the AST's operator
//! enums; the compiler writes it and the VM reads it.

pub mod code;
pub mod dis;
pub mod opcode;

pub use code::{Code, CodeKind, Constant, ExceptionEntry, Span};
pub use opcode::{BinOp, CmpOp, Conversion, Instruction, UnaryOp};
