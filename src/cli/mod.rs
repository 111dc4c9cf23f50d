//! The `gilvm` command line: run a script, `-c CODE`, `-` (stdin), `--dis FILE`,
//! the REPL when given nothing, and the `bench` subcommand.

use clap::{Args as ClapArgs, Parser, Subcommand};

mod bench;
mod repl;
mod report;

#[derive(Parser)]
#[command(name = "gilvm", version, about = "A Python 3 subset interpreter with a real GIL", args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Subcommand)]
pub enum Command {
    /// Run the bundled CPU-bound, I/O-bound and mixed workloads at 1, 2, 4, 8
    /// threads and show what the GIL does to them.
    Bench(bench::BenchArgs),
}

#[derive(ClapArgs)]
pub struct RunArgs {
    /// Program passed in as a string.
    #[arg(short = 'c', value_name = "CODE")]
    pub code: Option<String>,
    /// Print the bytecode of FILE, function by function, and exit.
    #[arg(long = "dis", value_name = "FILE")]
    pub dis: Option<String>,
    /// GIL switch interval in milliseconds.
    #[arg(long = "switch-interval", value_name = "MS")]
    pub switch_interval: Option<f64>,
    #[command(flatten)]
    pub report: report::ReportArgs,
    /// The script to run (`-` reads it from stdin), then its arguments.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, value_name = "SCRIPT [ARGS]")]
    pub args: Vec<String>,
}

/// Runs the command line; returns the process exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Bench(args)) => bench::main(args),
        None => crate::vm::run::with_main_stack(move || run(cli.run)),
    }
}

fn run(args: RunArgs) -> i32 {
    if let Some(file) = &args.dis {
        return dis(file);
    }
    report::start(&args.report);
    let mut ts = crate::vm::run::new_interpreter_on_stack(crate::vm::run::MAIN_STACK_SIZE);
    if let Some(ms) = args.switch_interval {
        if ms > 0.0 && ms.is_finite() {
            ts.interp.set_switch_interval(std::time::Duration::from_secs_f64(ms / 1000.0));
        }
    }
    crate::vm::signals::install_sigint_handler(&ts.interp);
    let code = run_program(&mut ts, &args);
    report::finish(&ts.interp, &args.report, code)
}

fn run_program(ts: &mut crate::vm::ThreadState, args: &RunArgs) -> i32 {
    if let Some(code) = &args.code {
        return crate::vm::run::run_string(ts, code, "-c", "<string>", &args.args);
    }
    match args.args.split_first() {
        Some((script, rest)) if script == "-" => run_stdin(ts, rest),
        Some((script, rest)) => crate::vm::run::run_file(ts, script, rest),
        // As CPython: the prompt only for a person at a terminal; piped input is a program.
        None if std::io::IsTerminal::is_terminal(&std::io::stdin()) => repl::run(ts),
        None => run_stdin(ts, &[]),
    }
}

fn run_stdin(ts: &mut crate::vm::ThreadState, args: &[String]) -> i32 {
    let mut source = String::new();
    if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut source) {
        eprintln!("gilvm: cannot read stdin: {e}");
        return 2;
    }
    crate::vm::run::run_string(ts, &source, "-", "<stdin>", args)
}

fn dis(file: &str) -> i32 {
    let source = match std::fs::read_to_string(file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("gilvm: can't open file '{file}': {}", crate::vm::run::os_error_text(&e));
            return 2;
        }
    };
    match crate::vm::run::compile(&source, file, crate::frontend::Mode::File) {
        Ok(code) => {
            print!("{}", crate::bytecode::dis::disassemble(&code));
            0
        }
        Err(e) => {
            eprintln!("{e}");
            1
        }
    }
}
