//! Runs a script file through the embedding API, optionally under a memory
//! limit; used to measure what memory accounting costs (BENCHMARKS.md):
//!
//! `cargo run --release --example embed_run -- SCRIPT.py [--memory-limit BYTES]`

#[global_allocator]
static ALLOC: gilvm::CountingAlloc = gilvm::CountingAlloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(script) = args.first() else {
        eprintln!("usage: embed_run SCRIPT.py [--memory-limit BYTES]");
        std::process::exit(2);
    };
    let mut builder = gilvm::Interpreter::builder();
    if let Some(limit) = args.iter().position(|a| a == "--memory-limit").and_then(|i| args.get(i + 1)) {
        match limit.parse() {
            Ok(bytes) => builder = builder.memory_limit(bytes),
            Err(_) => {
                eprintln!("embed_run: --memory-limit takes a number of bytes");
                std::process::exit(2);
            }
        }
    }
    let outcome = builder.build().and_then(|interp| interp.run_file(script));
    if let Err(e) = outcome {
        eprintln!("{e}");
        std::process::exit(1);
    }
}
