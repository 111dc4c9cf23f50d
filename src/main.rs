fn main() {
    std::process::exit(gilvm::cli::main());
}
