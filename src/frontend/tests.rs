//! Front-end unit tests.

use super::{parse, Mode};

/// Differential aid: `GILVM_CASES=dir cargo test frontend_cases -- --ignored --nocapture`
/// prints each file's result in the format of a small CPython script.
#[test]
#[ignore]
fn frontend_cases() {
    let Ok(dir) = std::env::var("GILVM_CASES") else { return };
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let Ok(src) = String::from_utf8(bytes) else {
            println!("{name} NONUTF8");
            continue;
        };
        match parse(&src, "f.py", Mode::File) {
            Ok(_) => println!("{name} OK"),
            Err(e) => println!("{name} {} {:?} {} {}", e.kind.name(), e.message, e.line, e.offset),
        }
    }
}
