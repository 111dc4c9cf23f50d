//! Golden disassembly tests: every `tests/golden/*.py` is compiled and its
//! disassembly compared with the `.dis` file beside it. Run with
//! `GILVM_BLESS=1 cargo test --test it dis` to (re)write the expectations.

use std::fs;
use std::path::{Path, PathBuf};

use gilvm::bytecode::dis::disassemble;
use gilvm::compiler::compile;
use gilvm::frontend::{parse, Mode};

const HEADER: &str = "# Golden disassembly. Regenerate with: GILVM_BLESS=1 cargo test --test it dis\n";

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn render(path: &Path) -> String {
    let source = fs::read_to_string(path).expect("read golden source");
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let listing = parse(&source, &name, Mode::File)
        .and_then(|module| compile(&module, &source, &name, Mode::File))
        .map(|code| disassemble(&code))
        .unwrap_or_else(|err| format!("{err}\n"));
    format!("{HEADER}{listing}")
}

#[test]
fn dis_golden() {
    let bless = std::env::var_os("GILVM_BLESS").is_some();
    let mut sources: Vec<PathBuf> = fs::read_dir(golden_dir())
        .expect("tests/golden exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    sources.sort();
    assert!(!sources.is_empty(), "no golden sources");
    let mut failures = Vec::new();
    for src in sources {
        let expected_path = src.with_extension("dis");
        let actual = render(&src);
        if bless {
            fs::write(&expected_path, &actual).expect("write .dis");
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            failures.push(format!("{}:\n--- expected\n{expected}\n+++ actual\n{actual}", src.display()));
        }
    }
    assert!(failures.is_empty(), "golden mismatch (GILVM_BLESS=1 to accept):\n{}", failures.join("\n"));
}
