//! gilvm: a bytecode interpreter for a subset of Python 3 whose VM runs real
//! OS threads under a global interpreter lock.

pub mod builtins;
pub mod bytecode;
pub mod cli;
pub mod compiler;
pub mod frontend;
pub mod modules;
pub mod objects;
pub mod pylib;
pub mod vm;
