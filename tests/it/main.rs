//! The integration tests, in one binary: the script suite (`scripts`), the
//! compiler's golden disassembly tests (`dis`) and properties of the
//! standard streams (`output`).

mod dis;
mod output;
mod scripts;
mod embed;
mod embed_control;
mod embed_native;
mod embed_parallel;

/// The allocator that the memory-limit tests need (`gilvm::CountingAlloc`).
#[global_allocator]
static ALLOC: gilvm::CountingAlloc = gilvm::CountingAlloc;
