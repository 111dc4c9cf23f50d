/// Small blocks from pools of fixed sizes (see ARCHITECTURE.md, "Memory:
/// the allocator"); an embedder chooses its own allocator.
#[global_allocator]
static ALLOC: gilvm::PoolAlloc = gilvm::PoolAlloc;

fn main() {
    std::process::exit(gilvm::cli::main());
}
