//! Properties of the standard streams that no single expected output can show:
//! text printed by one `print` call is never interleaved with another thread's.

use std::process::Command;

const THREADS: usize = 8;
const LINES: usize = 500;

/// Each thread prints lines made of its own letter; in the output every line
/// must be whole (one letter, full length) and each thread's count exact.
/// This is gilvm's guarantee, not CPython's (whose `print` writes each piece
/// separately and tears such lines), so it always runs gilvm, never `GILVM_BIN`.
#[test]
fn print_from_threads_never_interleaves() {
    let script = format!(
        "import threading\n\
         def speak(tag):\n    for i in range({LINES}):\n        print(tag * 60, i % 10, sep='|')\n\
         threads = [threading.Thread(target=speak, args=(chr(97 + k),)) for k in range({THREADS})]\n\
         for t in threads:\n    t.start()\n\
         for t in threads:\n    t.join()\n"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_gilvm")).args(["-c", &script]).output().expect("gilvm runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let mut counts = [0usize; THREADS];
    for line in text.lines() {
        let (body, digit) = line.split_once('|').unwrap_or_else(|| panic!("torn line {line:?}"));
        let tag = body.chars().next().unwrap_or_else(|| panic!("empty line"));
        assert!(body.len() == 60 && body.chars().all(|c| c == tag), "torn line {line:?}");
        assert!(digit.len() == 1 && digit.chars().all(|c| c.is_ascii_digit()), "torn line {line:?}");
        counts[(tag as u8 - b'a') as usize] += 1;
    }
    assert_eq!(counts, [LINES; THREADS]);
}
