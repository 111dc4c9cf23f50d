//! The integration tests, in one binary: the script suite (`scripts`), the
//! compiler's golden disassembly tests (`dis`) and properties of the
//! standard streams (`output`).

mod dis;
mod output;
mod scripts;
