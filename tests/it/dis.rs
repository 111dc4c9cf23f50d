//! Golden disassembly tests (owned by the compiler work).
