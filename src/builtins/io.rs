//! The process's standard streams: `sys.stdin`, `sys.stdout`, `sys.stderr`.
//!
//! stdout is line-buffered on a terminal and block-buffered otherwise; it is
//! flushed at exit (`flush_std`), on `flush=True` and before reading stdin.
//! One `print` builds its whole text first and appends it under the buffer's
//! lock, so the output of two threads never interleaves within a call.
//!
//! An embedder may send an interpreter's stdout and stderr elsewhere
//! (`Output`): a thread attached to that interpreter finds its sinks in a
//! thread-local that `ThreadState` sets at attach and restores at detach.

use std::cell::RefCell;
use std::io::Write;
use std::sync::Arc;

use parking_lot::Mutex;

use crate::objects::{Gc, NativeObject, PyResult, Value};
use crate::vm::ThreadState;

const BLOCK_SIZE: usize = 8192;

struct OutBuf {
    data: Vec<u8>,
    /// `None` until the first write decides (isatty).
    line_buffered: Option<bool>,
}

static STDOUT: Mutex<OutBuf> = Mutex::new(OutBuf { data: Vec::new(), line_buffered: None });

/// Which standard stream a native stream object is.
pub struct StdStream {
    pub fd: i32,
}

fn is_tty(fd: i32) -> bool {
    use std::io::IsTerminal;
    match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        _ => std::io::stderr().is_terminal(),
    }
}

/// Where one standard stream of an interpreter goes.
#[derive(Clone)]
pub enum Sink {
    /// The process's stream.
    Inherit,
    /// Appended to a buffer the host reads.
    Capture(Arc<Mutex<Vec<u8>>>),
    /// Handed to a host function, one `write` at a time.
    Callback(Arc<dyn Fn(&[u8]) + Send + Sync>),
}

/// An interpreter's stdout and stderr.
pub struct Output {
    pub stdout: Sink,
    pub stderr: Sink,
}

thread_local! {
    static OUTPUT: RefCell<Option<Arc<Output>>> = const { RefCell::new(None) };
}

/// Sets the current thread's sinks (`None`: the process's streams); returns the previous ones.
pub fn set_thread_output(output: Option<Arc<Output>>) -> Option<Arc<Output>> {
    OUTPUT.with(|o| o.replace(output))
}

/// Writes to the current thread's sink for `fd` unless it is inherited; true if written.
fn redirected(fd: i32, text: &[u8]) -> bool {
    OUTPUT.with(|o| {
        let output = o.borrow();
        let Some(output) = output.as_ref() else { return false };
        match if fd == 2 { &output.stderr } else { &output.stdout } {
            Sink::Inherit => false,
            Sink::Capture(buffer) => {
                buffer.lock().extend_from_slice(text);
                true
            }
            Sink::Callback(f) => {
                f(text);
                true
            }
        }
    })
}

/// Appends `text` to stdout's buffer, writing it out as the buffering mode says.
pub fn write_stdout(text: &[u8]) {
    if redirected(1, text) {
        return;
    }
    let mut out = STDOUT.lock();
    let line = *out.line_buffered.get_or_insert_with(|| is_tty(1));
    out.data.extend_from_slice(text);
    if out.data.len() >= BLOCK_SIZE || (line && text.contains(&b'\n')) {
        flush_buf(&mut out);
    }
}

fn flush_buf(out: &mut OutBuf) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(&out.data);
    let _ = stdout.flush();
    out.data.clear();
}

pub fn write_stderr(text: &[u8]) {
    if redirected(2, text) {
        return;
    }
    flush_std();
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text);
    let _ = err.flush();
}

/// Writes out everything buffered for stdout (at exit, before reading stdin).
pub fn flush_std() {
    flush_buf(&mut STDOUT.lock());
}

/// `sys.stdin`, `sys.stdout`, `sys.stderr` as native objects.
pub fn std_streams(ts: &mut ThreadState) -> (Value, Value, Value) {
    let class = ts.types().text_io.clone();
    let make = |fd| Value::Native(Gc::new(NativeObject { class: class.clone(), data: Box::new(StdStream { fd }), dict: None }));
    (make(0), make(1), make(2))
}

/// One line from the process's stdin without the GIL; `""` at end of input.
pub fn read_stdin_line(ts: &mut ThreadState) -> PyResult<String> {
    flush_std();
    let result = ts.allow_threads_as(crate::vm::gil_stats::BlockingKind::Input, || {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).map(|_| line)
    });
    result.map_err(|e| ts.os_error_msg(e.to_string()))
}

/// All of stdin without the GIL.
pub fn read_stdin_all(ts: &mut ThreadState) -> PyResult<String> {
    flush_std();
    let result = ts.allow_threads_as(crate::vm::gil_stats::BlockingKind::Input, || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map(|_| s)
    });
    result.map_err(|e| ts.os_error_msg(e.to_string()))
}

/// Writes `text` to the stream `fd` (1 or 2).
pub fn write_fd(fd: i32, text: &[u8]) {
    if fd == 2 {
        write_stderr(text);
    } else {
        write_stdout(text);
    }
}

pub fn fd_is_tty(fd: i32) -> bool {
    is_tty(fd)
}
