/// mimalloc, not glibc's malloc: see "Memory" in ARCHITECTURE.md for the
/// measurements behind the choice (and why its huge-page advice is off).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(gilvm::cli::main());
}
