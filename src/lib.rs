//! gilvm: a bytecode interpreter for a subset of Python 3 whose VM runs real
//! OS threads under a global interpreter lock.

pub mod bytecode;
pub mod frontend;
pub mod objects;
pub mod vm;
