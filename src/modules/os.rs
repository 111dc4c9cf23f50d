//! The `os` module. File-system calls release the GIL.

use crate::builtins::args::{bind, int_arg, positional, str_arg};
use crate::builtins::oserror::{os_error, strerror as errno_text};
use crate::builtins::structseq::{new_struct_seq, StructSeq};
use crate::objects::{Args, Gc, NativeFnPtr, PyDict, PyModule, PyResult, Value};
use crate::vm::ThreadState;

pub fn init(ts: &mut ThreadState) -> PyResult<Gc<PyModule>> {
    let m = PyModule::new(ts, "os");
    m.set(ts, "name", Value::str("posix"));
    m.set(ts, "sep", Value::str("/"));
    m.set(ts, "altsep", Value::None);
    m.set(ts, "extsep", Value::str("."));
    m.set(ts, "pathsep", Value::str(":"));
    m.set(ts, "linesep", Value::str("\n"));
    m.set(ts, "curdir", Value::str("."));
    m.set(ts, "pardir", Value::str(".."));
    m.set(ts, "devnull", Value::str("/dev/null"));
    let environ = PyDict::new();
    for (k, v) in std::env::vars_os() {
        environ.set_str(Gc::new(crate::objects::PyStr::new(&k.to_string_lossy())), Value::str(&v.to_string_lossy()));
    }
    m.set(ts, "environ", Value::Dict(Gc::new(environ)));
    let functions: &[(&'static str, NativeFnPtr)] = &[
        ("getpid", getpid),
        ("getppid", getppid),
        ("_exit", exit_now),
        ("getcwd", getcwd),
        ("chdir", chdir),
        ("listdir", listdir),
        ("remove", remove),
        ("unlink", remove),
        ("mkdir", mkdir),
        ("makedirs", makedirs),
        ("rmdir", rmdir),
        ("rename", rename),
        ("replace", rename),
        ("getenv", getenv),
        ("cpu_count", cpu_count),
        ("stat", stat),
        ("strerror", strerror),
        ("fspath", fspath),
    ];
    for &(name, f) in functions {
        m.add_fn(ts, name, f);
    }
    let path = super::os_path::init(ts)?;
    m.set(ts, "path", Value::Module(path));
    Ok(m)
}

/// A path argument (str only: gilvm has no `PathLike` objects).
pub fn path_arg(ts: &mut ThreadState, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Bytes(b) => Ok(String::from_utf8_lossy(&b.value).into_owned()),
        other => {
            let t = ts.type_of(other).name.clone();
            Err(ts.type_error(format!("expected str, bytes or os.PathLike object, not {t}")))
        }
    }
}

fn getpid(_ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(std::process::id() as i64))
}

fn getppid(_ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(std::os::unix::process::parent_id() as i64))
}

fn exit_now(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "_exit", args, 1, 1)?;
    let code = int_arg(ts, &a[0])?;
    std::process::exit(code as i32)
}

fn getcwd(ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    match std::env::current_dir() {
        Ok(p) => Ok(Value::str(&p.to_string_lossy())),
        Err(e) => Err(os_error(ts, &e, None)),
    }
}

fn chdir(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "chdir", args, 1, 1)?;
    let p = path_arg(ts, &a[0])?;
    std::env::set_current_dir(&p).map_err(|e| os_error(ts, &e, Some(&p)))?;
    Ok(Value::None)
}

/// Runs a blocking file-system call without the GIL, mapping errors to OSError.
fn fs_call<R: Send>(ts: &mut ThreadState, path: &str, f: impl FnOnce() -> std::io::Result<R> + Send) -> PyResult<R> {
    let r = ts.allow_threads(f);
    r.map_err(|e| os_error(ts, &e, Some(path)))
}

fn listdir(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "listdir", args, 0, 1)?;
    let p = match a.first() {
        Some(v) => path_arg(ts, v)?,
        None => ".".into(),
    };
    let q = p.clone();
    let names = fs_call(ts, &p, move || {
        std::fs::read_dir(&q)?.map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned())).collect::<std::io::Result<Vec<_>>>()
    })?;
    Ok(Value::list(names.iter().map(|n| Value::str(n)).collect()))
}

fn one_path(ts: &mut ThreadState, args: Args<'_>, name: &str) -> PyResult<String> {
    let a = bind(ts, name, args, &["path", "mode", "exist_ok"], 1)?;
    path_arg(ts, a[0].as_ref().unwrap_or(&Value::None))
}

fn remove(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let p = one_path(ts, args, "remove")?;
    let q = p.clone();
    fs_call(ts, &p, move || std::fs::remove_file(&q))?;
    Ok(Value::None)
}

fn mkdir(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let p = one_path(ts, args, "mkdir")?;
    let q = p.clone();
    fs_call(ts, &p, move || std::fs::create_dir(&q))?;
    Ok(Value::None)
}

fn makedirs(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = bind(ts, "makedirs", args, &["name", "mode", "exist_ok"], 1)?;
    let p = path_arg(ts, a[0].as_ref().unwrap_or(&Value::None))?;
    let exist_ok = match &a[2] {
        Some(v) => ts.truthy(v)?,
        None => false,
    };
    if std::path::Path::new(&p).exists() {
        if exist_ok && std::path::Path::new(&p).is_dir() {
            return Ok(Value::None);
        }
        let e = std::io::Error::from_raw_os_error(libc::EEXIST);
        return Err(os_error(ts, &e, Some(&p)));
    }
    let q = p.clone();
    fs_call(ts, &p, move || std::fs::create_dir_all(&q))?;
    Ok(Value::None)
}

fn rmdir(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let p = one_path(ts, args, "rmdir")?;
    let q = p.clone();
    fs_call(ts, &p, move || std::fs::remove_dir(&q))?;
    Ok(Value::None)
}

fn rename(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "rename", args, 2, 2)?;
    let (src, dst) = (path_arg(ts, &a[0])?, path_arg(ts, &a[1])?);
    let (s2, d2) = (src.clone(), dst.clone());
    let r = ts.allow_threads(move || std::fs::rename(&s2, &d2));
    match r {
        Ok(()) => Ok(Value::None),
        Err(e) => {
            let err = os_error(ts, &e, Some(&src));
            if let Value::Instance(inst) = err.value() {
                inst.dict().set_str(ts.intern("filename2"), Value::str(&dst));
            }
            Err(err)
        }
    }
}

fn getenv(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = bind(ts, "getenv", args, &["key", "default"], 1)?;
    let key = str_arg(ts, a[0].as_ref().unwrap_or(&Value::None), "str expected, not")?.to_string();
    let os = ts.intern("os");
    let environ = ts.intern("environ");
    if let Some(Value::Module(m)) = ts.objs.modules.get_str(&os) {
        if let Some(Value::Dict(env)) = m.dict.get_str(&environ) {
            if let Some(v) = env.get_str(&ts.intern(&key)) {
                return Ok(v);
            }
            return Ok(a[1].clone().unwrap_or(Value::None));
        }
    }
    Ok(std::env::var(&key).map(|v| Value::str(&v)).unwrap_or_else(|_| a[1].clone().unwrap_or(Value::None)))
}

fn cpu_count(_ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(std::thread::available_parallelism().map(|n| Value::Int(n.get() as i64)).unwrap_or(Value::None))
}

const STAT_FIELDS: &[&str] = &[
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime",
];

fn stat(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    use std::os::unix::fs::MetadataExt;
    let p = one_path(ts, args, "stat")?;
    let q = p.clone();
    let m = fs_call(ts, &p, move || std::fs::metadata(&q))?;
    let ints = [m.mode() as i64, m.ino() as i64, m.dev() as i64, m.nlink() as i64, m.uid() as i64, m.gid() as i64, m.size() as i64];
    let mut values: Vec<Value> = ints.iter().map(|&i| Value::Int(i)).collect();
    for t in [m.atime(), m.mtime(), m.ctime()] {
        values.push(Value::Int(t));
    }
    let class = ts.types().stat_result.clone();
    Ok(new_struct_seq(ts, class, StructSeq { qualified_name: "os.stat_result", names: STAT_FIELDS, visible: 10, values }))
}

fn strerror(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "strerror", args, 1, 1)?;
    let n = int_arg(ts, &a[0])?;
    Ok(Value::str(&errno_text(n as i32)))
}

fn fspath(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "fspath", args, 1, 1)?;
    path_arg(ts, &a[0])?;
    Ok(a[0].clone())
}
