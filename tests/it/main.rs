//! The integration tests, in one binary: the script suite (`scripts`) and the
//! compiler's golden disassembly tests (`dis`).

mod dis;
mod scripts;
