//! Unit tests of the compiler, on hand-built ASTs.
