//! `open()` and the methods of file and standard-stream objects (one class,
//! `TextIOWrapper`, whose native data is a `FileObj` or a `StdStream`).
//! Reads and writes release the GIL.

use std::cell::RefCell;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};

use super::args::{bind, method};
use super::io::{self, StdStream};
use crate::vm::gil_stats::BlockingKind;
use super::oserror::os_error;
use crate::objects::module::add_method;
use crate::objects::{Args, Gc, NativeObject, PyBytes, PyResult, Value};
use crate::vm::ThreadState;

pub struct FileObj {
    pub name: String,
    pub mode: String,
    pub binary: bool,
    readable: bool,
    writable: bool,
    state: RefCell<FileState>,
}

struct FileState {
    file: Option<File>,
    /// Bytes read ahead of the caller (for `readline`).
    rbuf: Vec<u8>,
    wbuf: Vec<u8>,
}

impl Drop for FileObj {
    fn drop(&mut self) {
        let st = self.state.get_mut();
        if let Some(f) = st.file.as_mut() {
            let _ = f.write_all(&st.wbuf);
        }
    }
}

fn open(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let names = ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd"];
    let a = bind(ts, "open", args, &names, 1)?;
    let name = match &a[0] {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            let t = ts.type_of(other).name.clone();
            return Err(ts.type_error(format!("expected str, bytes or os.PathLike object, not {t}")));
        }
        None => String::new(),
    };
    let mode = match &a[1] {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => "r".to_string(),
    };
    let binary = mode.contains('b');
    let plus = mode.contains('+');
    let mut opts = OpenOptions::new();
    let kind = mode.chars().find(|c| matches!(c, 'r' | 'w' | 'a' | 'x'));
    let valid = mode.chars().all(|c| "rwaxbt+".contains(c)) && kind.is_some() && !(binary && mode.contains('t'));
    if !valid {
        return Err(ts.value_error(format!("invalid mode: '{mode}'")));
    }
    match kind {
        Some('w') => opts.write(true).create(true).truncate(true).read(plus),
        Some('a') => opts.append(true).create(true).read(plus),
        Some('x') => opts.write(true).create_new(true).read(plus),
        _ => opts.read(true).write(plus),
    };
    let path = name.clone();
    let file = match ts.allow_threads_as(BlockingKind::File, move || opts.open(&path)) {
        Ok(f) => f,
        Err(e) => return Err(os_error(ts, &e, Some(&name))),
    };
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        let e = std::io::Error::from_raw_os_error(libc::EISDIR);
        return Err(os_error(ts, &e, Some(&name)));
    }
    let obj = FileObj {
        name,
        readable: kind == Some('r') || plus,
        writable: kind != Some('r') || plus,
        mode,
        binary,
        state: RefCell::new(FileState { file: Some(file), rbuf: Vec::new(), wbuf: Vec::new() }),
    };
    let class = if binary {
        if obj.writable && !obj.readable { ts.types().buffered_writer.clone() } else { ts.types().buffered_reader.clone() }
    } else {
        ts.types().text_io.clone()
    };
    Ok(Value::Native(Gc::new(NativeObject { class, data: Box::new(obj), dict: None })))
}

enum Stream<'a> {
    File(&'a FileObj),
    Std(&'a StdStream),
}

fn stream<'a>(ts: &mut ThreadState, v: &'a Value) -> PyResult<Stream<'a>> {
    if let Value::Native(n) = v {
        if let Some(f) = n.downcast::<FileObj>() {
            return Ok(Stream::File(f));
        }
        if let Some(s) = n.downcast::<StdStream>() {
            return Ok(Stream::Std(s));
        }
    }
    Err(ts.type_error("descriptor requires a file object"))
}

fn closed_error(ts: &mut ThreadState) -> crate::objects::PyErr {
    ts.value_error("I/O operation on closed file.")
}

impl FileObj {
    /// The file's state; another thread may be inside a blocking call on the
    /// same file (the GIL is released there), which is an error, not a panic.
    fn lock(&self, ts: &mut ThreadState) -> PyResult<std::cell::RefMut<'_, FileState>> {
        match self.state.try_borrow_mut() {
            Ok(st) => Ok(st),
            Err(_) => Err(ts.runtime_error("concurrent operation on the same file object")),
        }
    }

    fn is_closed(&self) -> bool {
        self.state.try_borrow().map_or(false, |st| st.file.is_none())
    }

    fn flush_writes(&self, ts: &mut ThreadState) -> PyResult<()> {
        let mut st = self.lock(ts)?;
        let FileState { file, wbuf, .. } = &mut *st;
        let Some(f) = file.as_mut() else { return Ok(()) };
        if wbuf.is_empty() {
            return Ok(());
        }
        let data = std::mem::take(wbuf);
        let r = ts.allow_threads_as(BlockingKind::File, || f.write_all(&data));
        drop(st);
        r.map_err(|e| os_error(ts, &e, None))
    }

    /// Reads until `stop` says the buffered bytes are enough (or end of file).
    fn fill(&self, ts: &mut ThreadState, stop: impl Fn(&[u8]) -> bool) -> PyResult<()> {
        let mut st = self.lock(ts)?;
        let FileState { file, rbuf, .. } = &mut *st;
        let Some(f) = file.as_mut() else {
            drop(st);
            return Err(closed_error(ts));
        };
        while !stop(rbuf) {
            let mut chunk = vec![0u8; 65536];
            let r = ts.allow_threads_as(BlockingKind::File, || f.read(&mut chunk));
            match r {
                Ok(0) => break,
                Ok(n) => rbuf.extend_from_slice(&chunk[..n]),
                Err(e) => {
                    drop(st);
                    return Err(os_error(ts, &e, None));
                }
            }
        }
        Ok(())
    }

    fn take(&self, ts: &mut ThreadState, n: usize) -> PyResult<Vec<u8>> {
        let mut st = self.lock(ts)?;
        let n = n.min(st.rbuf.len());
        Ok(st.rbuf.drain(..n).collect())
    }

    fn to_value(&self, ts: &mut ThreadState, bytes: Vec<u8>) -> PyResult<Value> {
        if self.binary {
            return Ok(Value::Bytes(Gc::new(PyBytes::new(bytes))));
        }
        match String::from_utf8(bytes) {
            Ok(s) => Ok(Value::str(&s.replace("\r\n", "\n"))),
            Err(_) => Err(ts.value_error("'utf-8' codec can't decode bytes")),
        }
    }

    fn check_open(&self, ts: &mut ThreadState, reading: bool) -> PyResult<()> {
        if self.is_closed() {
            return Err(closed_error(ts));
        }
        if reading && !self.readable {
            return Err(unsupported(ts, "not readable"));
        }
        if !reading && !self.writable {
            return Err(unsupported(ts, "not writable"));
        }
        Ok(())
    }

    fn readline(&self, ts: &mut ThreadState) -> PyResult<Value> {
        self.check_open(ts, true)?;
        self.flush_writes(ts)?;
        self.fill(ts, |b| b.contains(&b'\n'))?;
        let n = {
            let st = self.lock(ts)?;
            st.rbuf.iter().position(|&c| c == b'\n').map_or(st.rbuf.len(), |p| p + 1)
        };
        let line = self.take(ts, n)?;
        self.to_value(ts, line)
    }
}

fn unsupported(ts: &mut ThreadState, what: &str) -> crate::objects::PyErr {
    let cls = ts.types().unsupported_operation.clone();
    ts.new_error(&cls, what)
}

fn f_read(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, rest) = method(ts, "read", args, 0, 1)?;
    let size = match rest.first() {
        Some(Value::None) | None => -1,
        Some(v) => super::args::int_arg(ts, v)?,
    };
    match stream(ts, recv)? {
        Stream::Std(_) => Ok(Value::str(&io::read_stdin_all(ts)?)),
        Stream::File(f) => {
            f.check_open(ts, true)?;
            f.flush_writes(ts)?;
            if size < 0 {
                f.fill(ts, |_| false)?;
                let all = f.take(ts, usize::MAX)?;
                return f.to_value(ts, all);
            }
            let want = size as usize;
            f.fill(ts, |b| b.len() >= want)?;
            let part = f.take(ts, want)?;
            f.to_value(ts, part)
        }
    }
}

fn f_readline(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = method(ts, "readline", args, 0, 1)?;
    match stream(ts, recv)? {
        Stream::Std(_) => Ok(Value::str(&io::read_stdin_line(ts)?)),
        Stream::File(f) => f.readline(ts),
    }
}

fn f_readlines(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = method(ts, "readlines", args, 0, 1)?;
    let mut lines = Vec::new();
    loop {
        let line = match stream(ts, recv)? {
            Stream::Std(_) => Value::str(&io::read_stdin_line(ts)?),
            Stream::File(f) => f.readline(ts)?,
        };
        if !ts.truthy(&line)? {
            return Ok(Value::list(lines));
        }
        lines.push(line);
    }
}

fn f_next(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let line = f_readline(ts, args)?;
    if ts.truthy(&line)? {
        Ok(line)
    } else {
        Err(ts.stop_iteration(Value::None))
    }
}

fn f_write(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, rest) = method(ts, "write", args, 1, 1)?;
    let data = &rest[0];
    match stream(ts, recv)? {
        Stream::Std(s) => {
            let Value::Str(text) = data else {
                let t = ts.type_of(data).name.clone();
                return Err(ts.type_error(format!("write() argument must be str, not {t}")));
            };
            io::write_fd(s.fd, text.as_str().as_bytes());
            Ok(Value::Int(text.char_len() as i64))
        }
        Stream::File(f) => {
            f.check_open(ts, false)?;
            let (bytes, count) = match (data, f.binary) {
                (Value::Str(s), false) => (s.as_str().as_bytes().to_vec(), s.char_len()),
                (Value::Bytes(b), true) => (b.value.to_vec(), b.value.len()),
                (other, binary) => {
                    let t = ts.type_of(other).name.clone();
                    let msg = if binary {
                        format!("a bytes-like object is required, not '{t}'")
                    } else {
                        format!("write() argument must be str, not {t}")
                    };
                    return Err(ts.type_error(msg));
                }
            };
            let full = {
                let mut st = f.lock(ts)?;
                st.rbuf.clear();
                st.wbuf.extend_from_slice(&bytes);
                st.wbuf.len() >= 65536
            };
            if full {
                f.flush_writes(ts)?;
            }
            Ok(Value::Int(count as i64))
        }
    }
}

fn f_writelines(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, rest) = method(ts, "writelines", args, 1, 1)?;
    for line in ts.collect_items(&rest[0])? {
        f_write(ts, Args::positional_only(&[recv.clone(), line]))?;
    }
    Ok(Value::None)
}

fn f_flush(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = method(ts, "flush", args, 0, 0)?;
    match stream(ts, recv)? {
        Stream::Std(_) => io::flush_std(),
        Stream::File(f) => f.flush_writes(ts)?,
    }
    Ok(Value::None)
}

fn f_close(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = method(ts, "close", args, 0, 0)?;
    if let Stream::File(f) = stream(ts, recv)? {
        f.flush_writes(ts)?;
        f.lock(ts)?.file = None;
    }
    Ok(Value::None)
}

fn f_seek(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, rest) = method(ts, "seek", args, 1, 2)?;
    let offset = super::args::int_arg(ts, &rest[0])?;
    let whence = match rest.get(1) {
        Some(v) => super::args::int_arg(ts, v)?,
        None => 0,
    };
    let Stream::File(f) = stream(ts, recv)? else { return Err(unsupported(ts, "underlying stream is not seekable")) };
    f.flush_writes(ts)?;
    let mut st = f.lock(ts)?;
    let buffered = st.rbuf.len() as i64;
    st.rbuf.clear();
    let Some(file) = st.file.as_mut() else {
        drop(st);
        return Err(closed_error(ts));
    };
    let pos = match whence {
        0 => SeekFrom::Start(offset.max(0) as u64),
        1 => SeekFrom::Current(offset - buffered),
        _ => SeekFrom::End(offset),
    };
    let r = file.seek(pos);
    drop(st);
    match r {
        Ok(p) => Ok(Value::Int(p as i64)),
        Err(e) => Err(os_error(ts, &e, None)),
    }
}

fn f_tell(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = method(ts, "tell", args, 0, 0)?;
    let Stream::File(f) = stream(ts, recv)? else { return Err(unsupported(ts, "underlying stream is not seekable")) };
    f.flush_writes(ts)?;
    let mut st = f.lock(ts)?;
    let buffered = st.rbuf.len() as u64;
    let Some(file) = st.file.as_mut() else {
        drop(st);
        return Err(closed_error(ts));
    };
    let r = file.stream_position();
    drop(st);
    match r {
        Ok(p) => Ok(Value::Int(p.saturating_sub(buffered) as i64)),
        Err(e) => Err(os_error(ts, &e, None)),
    }
}

fn f_enter(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = method(ts, "__enter__", args, 0, 0)?;
    if let Stream::File(f) = stream(ts, recv)? {
        if f.is_closed() {
            return Err(closed_error(ts));
        }
    }
    Ok(recv.clone())
}

fn f_exit(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let recv = args.positional().first().cloned().unwrap_or(Value::None);
    f_close(ts, Args::positional_only(&[recv]))?;
    Ok(Value::Bool(false))
}

fn f_iter(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = method(ts, "__iter__", args, 0, 0)?;
    Ok(recv.clone())
}

fn f_fileno(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = method(ts, "fileno", args, 0, 0)?;
    match stream(ts, recv)? {
        Stream::Std(s) => Ok(Value::Int(s.fd as i64)),
        Stream::File(f) => {
            use std::os::fd::AsRawFd;
            let fd = f.lock(ts)?.file.as_ref().map(|f| f.as_raw_fd());
            match fd {
                Some(fd) => Ok(Value::Int(fd as i64)),
                None => Err(closed_error(ts)),
            }
        }
    }
}

fn f_isatty(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = method(ts, "isatty", args, 0, 0)?;
    Ok(Value::Bool(match stream(ts, recv)? {
        Stream::Std(s) => io::fd_is_tty(s.fd),
        Stream::File(_) => false,
    }))
}

fn getter_target<'a>(ts: &mut ThreadState, args: &Args<'a>) -> PyResult<&'a Value> {
    match args.values.first() {
        Some(v) => Ok(v),
        None => Err(ts.type_error("descriptor needs an argument")),
    }
}

fn f_name(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let v = getter_target(ts, &args)?;
    Ok(match stream(ts, v)? {
        Stream::File(f) => Value::str(&f.name),
        Stream::Std(s) => Value::str(["<stdin>", "<stdout>", "<stderr>"][s.fd.clamp(0, 2) as usize]),
    })
}

fn f_mode(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let v = getter_target(ts, &args)?;
    Ok(match stream(ts, v)? {
        Stream::File(f) => Value::str(&f.mode),
        Stream::Std(s) => Value::str(if s.fd == 0 { "r" } else { "w" }),
    })
}

fn f_closed(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let v = getter_target(ts, &args)?;
    Ok(Value::Bool(match stream(ts, v)? {
        Stream::File(f) => f.is_closed(),
        Stream::Std(_) => false,
    }))
}

fn f_encoding(_ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::str("utf-8"))
}

pub fn install(ts: &mut ThreadState) {
    let t = ts.types();
    let classes = [t.text_io.clone(), t.buffered_reader.clone(), t.buffered_writer.clone()];
    for class in classes {
        let d = class.dict.clone();
        let methods: [(&'static str, crate::objects::NativeFnPtr); 15] = [
            ("read", f_read),
            ("readline", f_readline),
            ("readlines", f_readlines),
            ("write", f_write),
            ("writelines", f_writelines),
            ("flush", f_flush),
            ("close", f_close),
            ("seek", f_seek),
            ("tell", f_tell),
            ("__enter__", f_enter),
            ("__exit__", f_exit),
            ("__iter__", f_iter),
            ("__next__", f_next),
            ("fileno", f_fileno),
            ("isatty", f_isatty),
        ];
        for (name, f) in methods {
            add_method(ts, &d, "TextIOWrapper", name, f);
        }
        let getters: [(&'static str, crate::objects::NativeFnPtr); 4] =
            [("name", f_name), ("mode", f_mode), ("closed", f_closed), ("encoding", f_encoding)];
        for (name, f) in getters {
            super::misc_methods::add_getter(ts, &d, "TextIOWrapper", name, f);
        }
    }
    super::core::add_builtin(ts, "open", open);
}
