//! The embedding API: running code, values both ways, errors.

use std::collections::HashMap;

use gilvm::{Error, Interpreter, Object, Stream};
use num_bigint::BigInt;

fn interp() -> Interpreter {
    Interpreter::builder().stdout(Stream::Capture).stderr(Stream::Capture).build().expect("interpreter")
}

#[test]
fn run_source_file_and_named_module() {
    let i = interp();
    i.run("x = 40\nprint('ran', __name__)").unwrap();
    assert_eq!(i.take_stdout(), "ran __main__\n");
    let dir = std::env::temp_dir().join(format!("gilvm_embed_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("helper.py"), "def inc(n):\n    return n + 1\n").unwrap();
    std::fs::write(dir.join("main.py"), "import helper\ny = helper.inc(x)\n").unwrap();
    i.run_file(dir.join("main.py")).unwrap();
    assert_eq!(i.global::<i64>("y").unwrap(), 41);
    let name = i
        .with(|py| {
            let m = py.run_module("tools", "VERSION = 3\ndef twice(s): return s * 2")?;
            assert_eq!(m.getattr(py, "VERSION")?.extract::<i64>(py)?, 3);
            m.getattr(py, "__name__")?.extract::<String>(py)
        })
        .unwrap();
    assert_eq!(name, "tools");
    assert_eq!(i.eval::<String>("__import__('tools').twice('ab')").unwrap(), "abab");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn eval_globals_import_and_calls() {
    let i = interp();
    i.set_global("base", 7).unwrap();
    assert_eq!(i.eval::<i64>("base * 6").unwrap(), 42);
    i.run("class Acc:\n    def __init__(self): self.items = []\n    def add(self, x, times=1):\n        self.items += [x] * times\n        return len(self.items)\nacc = Acc()").unwrap();
    let n = i
        .with(|py| {
            let acc: Object = py.global("acc")?;
            acc.call_method(py, "add", ("a",))?;
            let times = py.object(3)?;
            acc.getattr(py, "add")?.call_kw(py, ("b",), vec![("times", times)])?.extract::<i64>(py)
        })
        .unwrap();
    assert_eq!(n, 4);
    assert_eq!(i.eval::<Vec<String>>("acc.items").unwrap(), ["a", "b", "b", "b"]);
    let pi = i.with(|py| py.import("math")?.getattr(py, "pi")?.extract::<f64>(py)).unwrap();
    assert_eq!(pi, std::f64::consts::PI);
    i.run("def pair(a, b): return (b, a)").unwrap();
    assert_eq!(i.call::<(String, i64)>("pair", (1, "x")).unwrap(), ("x".to_string(), 1));
}

#[test]
fn values_round_trip() {
    let i = interp();
    let big = BigInt::parse_bytes(b"123456789012345678901234567890", 10).unwrap();
    i.set_global("big", big.clone()).unwrap();
    assert_eq!(i.eval::<String>("str(big + 1)").unwrap(), "123456789012345678901234567891");
    assert_eq!(i.eval::<BigInt>("big").unwrap(), big);
    i.set_global("f", 1.25).unwrap();
    i.set_global("flag", true).unwrap();
    i.set_global("s", "héllo").unwrap();
    i.set_global("raw", vec![0u8, 255]).unwrap();
    i.set_global("nums", vec![1i64, 2, 3]).unwrap();
    i.set_global("nothing", None::<i64>).unwrap();
    i.set_global("tup", (1, "two", 3.0)).unwrap();
    let mut map = HashMap::new();
    map.insert("b".to_string(), vec![Some(2i64), None]);
    map.insert("a".to_string(), vec![]);
    i.set_global("m", map.clone()).unwrap();
    let shown = i.eval::<String>("repr((f, flag, s, raw, nums, nothing, tup, m))").unwrap();
    assert_eq!(shown, "(1.25, True, 'héllo', b'\\x00\\xff', [1, 2, 3], None, (1, 'two', 3.0), {'a': [], 'b': [2, None]})");
    assert_eq!(i.global::<f64>("f").unwrap(), 1.25);
    assert!(i.global::<bool>("flag").unwrap());
    assert_eq!(i.global::<String>("s").unwrap(), "héllo");
    assert_eq!(i.global::<Vec<u8>>("raw").unwrap(), vec![0, 255]);
    assert_eq!(i.global::<Option<i64>>("nothing").unwrap(), None);
    assert_eq!(i.global::<(i64, String, f64)>("tup").unwrap(), (1, "two".to_string(), 3.0));
    assert_eq!(i.global::<HashMap<String, Vec<Option<i64>>>>("m").unwrap(), map);
    assert_eq!(i.eval::<(i32, u32, usize, u64)>("(-5, 6, 7, 2**63)").unwrap(), (-5, 6, 7, 1 << 63));
}

#[test]
fn wrong_types_are_type_errors() {
    let i = interp();
    assert_eq!(i.eval::<i64>("'x'").unwrap_err().to_string(), "TypeError: expected int, got str");
    assert_eq!(i.eval::<i32>("2**40").unwrap_err().class(), "OverflowError");
    assert_eq!(i.eval::<(i64, i64)>("(1, 2, 3)").unwrap_err().class(), "ValueError");
    assert_eq!(i.eval::<HashMap<String, i64>>("{1: 2}").unwrap_err().class(), "TypeError");
}

#[test]
fn handles_outlive_attachments_and_stay_in_their_interpreter() {
    let a = interp();
    let b = interp();
    let h = a.with(|py| py.eval::<Object>("{'k': [1]}")?.to_handle(py)).unwrap();
    let again = a.with(|py| h.bind(py)?.get_item(py, "k")?.extract::<Vec<i64>>(py)).unwrap();
    assert_eq!(again, vec![1]);
    let err = b.with(|py| h.bind(py).map(drop)).unwrap_err();
    assert_eq!(err.class(), "TypeError");
    drop(h);
    assert_eq!(a.eval::<i64>("1").unwrap(), 1);
}

#[test]
fn errors_carry_class_message_and_traceback() {
    let i = interp();
    i.run("def inner():\n    raise KeyError('k')\ndef outer():\n    inner()").unwrap();
    let err: Error = i.call::<()>("outer", ()).unwrap_err();
    assert_eq!(err.class(), "KeyError");
    assert_eq!(err.message(), "'k'");
    let frames: Vec<(String, u32)> = err.traceback().iter().map(|f| (f.function.clone(), f.line)).collect();
    assert_eq!(frames, [("outer".to_string(), 4), ("inner".to_string(), 2)]);
    let text = err.to_string();
    assert!(text.starts_with("Traceback (most recent call last):\n"), "{text}");
    assert!(text.contains("  File \"<string>\", line 4, in outer\n  File \"<string>\", line 2, in inner\n"), "{text}");
    assert!(text.ends_with("KeyError: 'k'"), "{text}");
    let syntax = i.run("def (:").unwrap_err();
    assert_eq!(syntax.class(), "SyntaxError");
    assert!(syntax.is_instance("Exception"));
}
