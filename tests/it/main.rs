//! The integration tests, in one binary: the script suite (`scripts`), the
//! compiler's golden disassembly tests (`dis`), properties of the
//! standard streams (`output`) and the `gilvm bench` command (`bench`).

mod bench;
mod dis;
mod output;
mod scripts;
