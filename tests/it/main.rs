//! The integration tests, in one binary: the script suite (`scripts`), the
//! compiler's golden disassembly tests (`dis`), properties of the
//! standard streams (`output`) and of the GIL reports (`gil_view`).

mod dis;
mod gil_view;
mod output;
mod scripts;
