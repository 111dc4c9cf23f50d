//! The disassembler.
use super::Code;
pub fn disassemble(code: &Code) -> String {
    format!("{:?}", code.instructions)
}
