//! The integration tests, in one binary: the script suite (`scripts`), the
//! compiler's golden disassembly tests (`dis`), properties of the
//! standard streams (`output`), limits beyond the oracle's (`limits`), of the
//! GIL reports (`gil_view`) and of the
//! `gilvm bench` command (`bench`).

mod bench;
mod dis;
mod gil_view;
mod limits;
mod output;
mod scripts;
mod embed;
mod embed_control;
mod embed_native;
mod embed_parallel;

/// The allocator that the memory-limit tests need (`gilvm::CountingAlloc`).
#[global_allocator]
static ALLOC: gilvm::CountingAlloc = gilvm::CountingAlloc;
