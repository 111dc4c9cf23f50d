fn main() {
    println!("gilvm {}", env!("CARGO_PKG_VERSION"));
}
