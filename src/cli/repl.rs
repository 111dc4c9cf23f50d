//! The interactive prompt: `>>> ` / `... `, multi-line blocks, echo of
//! expression values, history in `~/.gilvm_history`.

use crate::frontend::Mode;
use crate::vm::ThreadState;
use rustyline::error::ReadlineError;
use rustyline::DefaultEditor;

fn history_path() -> Option<std::path::PathBuf> {
    std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".gilvm_history"))
}

pub fn run(ts: &mut ThreadState) -> i32 {
    let Ok(mut editor) = DefaultEditor::new() else {
        eprintln!("gilvm: cannot start the line editor");
        return 1;
    };
    let history = history_path();
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    println!("gilvm {} (Python 3.11 subset)", env!("CARGO_PKG_VERSION"));
    crate::vm::run::set_argv(ts, &[String::new()], None);
    let module = crate::vm::run::main_module(ts, None);
    let mut buffer = String::new();
    let code = loop {
        let prompt = if buffer.is_empty() { ">>> " } else { "... " };
        match editor.readline(prompt) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.as_str());
                }
                buffer.push_str(&line);
                buffer.push('\n');
                let blank = line.trim().is_empty();
                if crate::frontend::is_incomplete(&buffer) && !(blank && buffer.lines().count() > 1) {
                    continue;
                }
                let source = std::mem::take(&mut buffer);
                if source.trim().is_empty() {
                    continue;
                }
                let result = crate::vm::run::run_source_in(ts, &source, "<stdin>", Mode::Interactive, &module.dict, Some(module.dict.clone()));
                crate::vm::run::flush_std_streams(ts);
                if let Err(e) = result {
                    let system_exit = ts.types().system_exit.clone();
                    if ts.err_matches(&e, &system_exit) {
                        break crate::vm::run::finish(ts, Err(e));
                    }
                    crate::vm::run::print_uncaught(ts, &e);
                }
            }
            Err(ReadlineError::Interrupted) => {
                buffer.clear();
                println!("KeyboardInterrupt");
            }
            Err(_) => break crate::vm::run::finish(ts, Ok(())),
        }
    };
    if let Some(h) = &history {
        let _ = editor.save_history(h);
    }
    code
}
