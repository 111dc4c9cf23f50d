//! The process's standard streams: `sys.stdin`, `sys.stdout`, `sys.stderr`.
//!
//! stdout is line-buffered on a terminal and block-buffered otherwise; it is
//! flushed at exit (`flush_std`), on `flush=True` and before reading stdin.
//! One `print` builds its whole text first and appends it under the buffer's
//! lock, so the output of two threads never interleaves within a call.

use std::io::Write;

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

/// Appends `text` to stdout's buffer, writing it out as the buffering mode says.
pub fn write_stdout(text: &[u8]) {
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
