//! Unit tests of the eval loop on hand-built code objects.

use std::sync::Arc;

use crate::bytecode::{BinOp, CmpOp, Code, CodeKind, Constant, ExceptionEntry, Instruction as I};
use crate::objects::{CodeObject, Gc, PyDict, Value};
use crate::vm::eval::run_code;
use crate::vm::run::new_interpreter;

fn code(kind: CodeKind, name: &str, argcount: u32, varnames: &[&str], consts: Vec<Constant>, names: &[&str], instructions: Vec<I>) -> Code {
    let n = instructions.len();
    Code {
        kind,
        name: name.into(),
        qualname: name.into(),
        filename: Arc::from("<test>"),
        first_line: 1,
        argcount,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        varargs: false,
        varkeywords: false,
        is_generator: false,
        instructions,
        lines: vec![1; n],
        spans: Vec::new(),
        exception_table: Vec::new(),
        constants: consts,
        names: names.iter().map(|s| s.to_string()).collect(),
        varnames: varnames.iter().map(|s| s.to_string()).collect(),
        cellvars: Vec::new(),
        freevars: Vec::new(),
        cell_params: Vec::new(),
        max_stack: 8,
    }
}

fn run(module: Code) -> Value {
    let mut ts = new_interpreter();
    let co = CodeObject::load(&mut ts, Arc::new(module));
    let globals = Gc::new(PyDict::new());
    run_code(&mut ts, co, globals.clone(), Some(globals), Box::default()).expect("runs")
}

#[test]
fn calls_a_python_function() {
    let f = code(CodeKind::Function, "f", 1, &["n"], vec![Constant::Int(1)], &[], vec![
        I::LoadFast(0), I::LoadConst(0), I::BinaryOp(BinOp::Add), I::ReturnValue,
    ]);
    let m = code(CodeKind::Module, "<module>", 0, &[], vec![Constant::Code(Arc::new(f)), Constant::Int(41)], &["f"], vec![
        I::LoadConst(0), I::MakeFunction(0), I::StoreName(0), I::LoadName(0), I::LoadConst(1), I::Call(1), I::ReturnValue,
    ]);
    assert!(matches!(run(m), Value::Int(42)));
}

#[test]
fn loops_and_recursion() {
    // def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
    let fib = code(CodeKind::Function, "fib", 1, &["n"], vec![Constant::Int(2), Constant::Int(1)], &["fib"], vec![
        I::LoadFast(0), I::LoadConst(0), I::Compare(CmpOp::Lt), I::PopJumpIfFalse(6),
        I::LoadFast(0), I::ReturnValue,
        I::LoadGlobal(0), I::LoadFast(0), I::LoadConst(1), I::BinaryOp(BinOp::Sub), I::Call(1),
        I::LoadGlobal(0), I::LoadFast(0), I::LoadConst(0), I::BinaryOp(BinOp::Sub), I::Call(1),
        I::BinaryOp(BinOp::Add), I::ReturnValue,
    ]);
    // i = 0; while i < 3: i = i + 1; return fib(15) + i
    let m = code(CodeKind::Module, "<module>", 0, &[], vec![Constant::Code(Arc::new(fib)), Constant::Int(0), Constant::Int(3), Constant::Int(1), Constant::Int(15)], &["fib", "i"], vec![
        I::LoadConst(0), I::MakeFunction(0), I::StoreName(0),
        I::LoadConst(1), I::StoreName(1),
        I::LoadName(1), I::LoadConst(2), I::Compare(CmpOp::Lt), I::PopJumpIfFalse(14),
        I::LoadName(1), I::LoadConst(3), I::BinaryOp(BinOp::Add), I::StoreName(1), I::JumpBackward(5),
        I::LoadName(0), I::LoadConst(4), I::Call(1), I::LoadName(1), I::BinaryOp(BinOp::Add), I::ReturnValue,
    ]);
    assert!(matches!(run(m), Value::Int(613)));
}

#[test]
fn catches_an_exception() {
    // try: raise NameError-ish (undefined name) except: result = 7
    let mut m = code(CodeKind::Module, "<module>", 0, &[], vec![Constant::Int(7)], &["undefined"], vec![
        I::LoadName(0), I::ReturnValue,
        I::PushExcInfo, I::PopTop, I::PopExcept, I::LoadConst(0), I::ReturnValue,
    ]);
    m.exception_table.push(ExceptionEntry { start: 0, end: 2, handler: 2, depth: 0, lasti: false });
    assert!(matches!(run(m), Value::Int(7)));
}

#[test]
fn deep_recursion_is_a_recursion_error() {
    let f = code(CodeKind::Function, "f", 0, &[], vec![], &["f"], vec![I::LoadGlobal(0), I::Call(0), I::ReturnValue]);
    let m = code(CodeKind::Module, "<module>", 0, &[], vec![Constant::Code(Arc::new(f))], &["f"], vec![
        I::LoadConst(0), I::MakeFunction(0), I::StoreName(0), I::LoadName(0), I::Call(0), I::ReturnValue,
    ]);
    let mut ts = new_interpreter();
    let co = CodeObject::load(&mut ts, Arc::new(m));
    let globals = Gc::new(PyDict::new());
    let err = run_code(&mut ts, co, globals.clone(), Some(globals), Box::default()).err().expect("raises");
    assert_eq!(err.class_name(), "RecursionError");
    assert!(ts.exec.frames.is_empty() && ts.exec.stack.is_empty());
}

/// Runs `source` as a module and returns its global `result`.
fn run_source(source: &str) -> Value {
    let mut ts = new_interpreter();
    let module = crate::vm::run::main_module(&mut ts, None);
    if let Err(e) = crate::vm::run::compile_and_run(&mut ts, source, "<test>", &module.dict) {
        panic!("raised {}", e.class_name());
    }
    let key = ts.intern("result");
    module.dict.get_str(&key).unwrap_or(Value::Null)
}

fn as_int(v: Value) -> i64 {
    match v {
        Value::Int(i) => i,
        other => panic!("not an int: {other:?}"),
    }
}

#[test]
fn generators_delegate_send_and_return() {
    let src = "def inner():\n    x = yield 1\n    return x * 10\ndef outer():\n    r = yield from inner()\n    yield r\ng = outer()\nnext(g)\nresult = g.send(4)\n";
    assert_eq!(as_int(run_source(src)), 40);
}

#[test]
fn zero_argument_super_and_class_cells() {
    let src = "class A:\n    def f(self): return 1\nclass B(A):\n    def f(self): return super().f() + 10\nresult = B().f()\n";
    assert_eq!(as_int(run_source(src)), 11);
}

#[test]
fn exceptions_chain_implicitly_and_finally_runs() {
    let src = "result = 0\ntry:\n    try:\n        raise ValueError\n    except ValueError:\n        raise KeyError('k')\nexcept KeyError as e:\n    result = 1 if isinstance(e.__context__, ValueError) else 2\nfinally:\n    result += 100\n";
    assert_eq!(as_int(run_source(src)), 101);
}

#[test]
fn keyword_and_default_binding() {
    let src = "def f(a, b=2, *args, c, d=4, **kw): return a + b + sum(args) + c + d + sum(kw.values())\nresult = f(1, c=3, z=100) + f(1, 1, 1, c=1, d=1)\n";
    assert_eq!(as_int(run_source(src)), 110 + 5);
}
