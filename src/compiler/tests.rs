//! Unit tests of the compiler, on hand-built ASTs (the golden tests in
//! `tests/golden` cover real source).

use std::sync::Arc;

use crate::bytecode::{Code, CodeKind, Constant, Instruction};
use crate::frontend::ast::{self, *};
use crate::frontend::Mode;

fn at(line: u32) -> Loc {
    Loc { line, col: 0 }
}

fn e(kind: ExprKind) -> Expr {
    Expr::new(at(1), kind)
}

fn name(n: &str) -> Expr {
    e(ExprKind::Name(n.into()))
}

fn int(i: i64) -> Expr {
    e(ExprKind::Constant(ast::Constant::Int(i)))
}

fn call(f: Expr, args: Vec<Expr>) -> Expr {
    e(ExprKind::Call { func: Box::new(f), args, keywords: vec![] })
}

fn attr(v: Expr, a: &str) -> Expr {
    e(ExprKind::Attribute { value: Box::new(v), attr: a.into() })
}

fn st(kind: StmtKind) -> Stmt {
    Stmt::new(at(1), kind)
}

fn assign(t: Expr, v: Expr) -> Stmt {
    st(StmtKind::Assign { targets: vec![t], value: v })
}

fn expr_stmt(x: Expr) -> Stmt {
    st(StmtKind::Expr(x))
}

fn param(n: &str) -> Param {
    Param { loc: at(1), name: n.into(), annotation: None }
}

fn def(n: &str, params: &[&str], body: Vec<Stmt>) -> Stmt {
    st(StmtKind::FunctionDef(Box::new(FunctionDef {
        name: n.into(),
        params: Parameters { args: params.iter().map(|p| param(p)).collect(), ..Default::default() },
        body,
        decorators: vec![],
        returns: None,
    })))
}

fn class(n: &str, body: Vec<Stmt>) -> Stmt {
    st(StmtKind::ClassDef(Box::new(ClassDef { name: n.into(), bases: vec![], keywords: vec![], body, decorators: vec![] })))
}

fn ret(v: Expr) -> Stmt {
    st(StmtKind::Return(Some(v)))
}

fn compile_ok(body: Vec<Stmt>) -> Arc<Code> {
    let module = Module { body };
    let (code, bad) = super::compile_checked(&module, "", "t.py", Mode::File, super::HELPER_BUDGET).expect("compiles");
    assert!(bad.is_empty(), "inconsistent stack in {bad:?}\n{}", crate::bytecode::dis::disassemble(&code));
    code
}

fn compile_err(body: Vec<Stmt>) -> String {
    let module = Module { body };
    super::compile(&module, "", "t.py", Mode::File).expect_err("must fail").message
}

fn nested(code: &Code, name: &str) -> Arc<Code> {
    code.constants
        .iter()
        .find_map(|c| match c {
            Constant::Code(c) if c.name == name => Some(c.clone()),
            _ => None,
        })
        .expect("nested code")
}

#[test]
fn module_assignment_uses_names() {
    let code = compile_ok(vec![assign(name("x"), int(1)), expr_stmt(call(name("print"), vec![name("x")]))]);
    assert_eq!(code.names, vec!["x", "print"]);
    assert!(code.instructions.contains(&Instruction::StoreName(0)));
    assert_eq!(code.instructions.last(), Some(&Instruction::ReturnValue));
    assert_eq!(code.instructions.len(), code.lines.len());
}

#[test]
fn function_locals_are_fast_and_globals_global() {
    let f = def("f", &["a"], vec![assign(name("b"), name("a")), ret(call(name("len"), vec![name("b")]))]);
    let code = compile_ok(vec![f]);
    let f = nested(&code, "f");
    assert_eq!(f.varnames, vec!["a", "b"]);
    assert_eq!(f.argcount, 1);
    assert!(f.instructions.contains(&Instruction::LoadFast(0)));
    assert!(f.instructions.contains(&Instruction::StoreFast(1)));
    assert!(f.instructions.contains(&Instruction::LoadGlobal(0)));
    assert_eq!(f.constants[0], Constant::None, "no docstring");
}

#[test]
fn closures_make_cells_and_freevars() {
    let inner = def("g", &[], vec![ret(name("x"))]);
    let outer = def("f", &["x"], vec![inner, ret(name("g"))]);
    let code = compile_ok(vec![outer]);
    let f = nested(&code, "f");
    assert_eq!(f.cellvars, vec!["x"]);
    assert_eq!(f.cell_params, vec![(0, 0)]);
    let g = nested(&f, "g");
    assert_eq!(g.freevars, vec!["x"]);
    assert_eq!(g.qualname, "f.<locals>.g");
    assert!(g.instructions.contains(&Instruction::LoadDeref(0)));
    assert!(f.instructions.contains(&Instruction::LoadClosure(0)));
}

#[test]
fn super_gives_methods_a_class_cell() {
    let m = def("m", &["self"], vec![ret(call(attr(call(name("super"), vec![]), "m"), vec![]))]);
    let code = compile_ok(vec![class("C", vec![m])]);
    let body = nested(&code, "C");
    assert_eq!(body.kind, CodeKind::Class);
    assert_eq!(body.cellvars, vec!["__class__"]);
    assert!(body.names.contains(&"__classcell__".to_string()));
    let m = nested(&body, "m");
    assert_eq!(m.freevars, vec!["__class__"]);
    assert_eq!(m.qualname, "C.m");
}

#[test]
fn try_finally_with_return_in_loop_is_consistent() {
    let fin = vec![expr_stmt(call(name("cleanup"), vec![]))];
    let body = vec![st(StmtKind::Try {
        body: vec![ret(int(1))],
        handlers: vec![ExceptHandler { loc: at(1), typ: Some(name("E")), name: Some("e".into()), body: vec![st(StmtKind::Break)] }],
        orelse: vec![st(StmtKind::Continue)],
        finalbody: fin,
    })];
    let f = def("f", &[], vec![st(StmtKind::For { target: name("i"), iter: name("xs"), body, orelse: vec![] })]);
    let code = compile_ok(vec![f]);
    let f = nested(&code, "f");
    assert!(!f.exception_table.is_empty());
    assert!(f.max_stack >= 4);
}

#[test]
fn with_statement_is_consistent() {
    let w = st(StmtKind::With {
        items: vec![WithItem { context: call(name("open"), vec![]), target: Some(name("f")) }],
        body: vec![ret(name("f"))],
    });
    let code = compile_ok(vec![def("g", &[], vec![w])]);
    let g = nested(&code, "g");
    assert!(g.instructions.contains(&Instruction::WithExceptStart));
}

#[test]
fn errors_have_cpython_wording() {
    assert_eq!(compile_err(vec![ret(int(1))]), "'return' outside function");
    assert_eq!(compile_err(vec![st(StmtKind::Break)]), "'break' outside loop");
    assert_eq!(compile_err(vec![st(StmtKind::Continue)]), "'continue' not properly in loop");
    assert_eq!(compile_err(vec![st(StmtKind::Nonlocal(vec!["x".into()]))]), "nonlocal declaration not allowed at module level");
    assert_eq!(compile_err(vec![def("f", &[], vec![st(StmtKind::Nonlocal(vec!["x".into()]))])]), "no binding for nonlocal 'x' found");
    assert_eq!(compile_err(vec![def("f", &["a", "a"], vec![])]), "duplicate argument 'a' in function definition");
    assert_eq!(
        compile_err(vec![assign(int(1), name("x"))]),
        "cannot assign to literal here. Maybe you meant '==' instead of '='?"
    );
    assert_eq!(compile_err(vec![st(StmtKind::Delete(vec![int(1)]))]), "cannot delete literal");
    let meta = Keyword { loc: at(1), arg: Some("metaclass".into()), value: name("M") };
    let c = st(StmtKind::ClassDef(Box::new(ClassDef { name: "C".into(), bases: vec![], keywords: vec![meta], body: vec![], decorators: vec![] })));
    assert_eq!(compile_err(vec![c]), "gilvm does not support metaclasses");
}

#[test]
fn too_many_nested_blocks() {
    let mut body = vec![st(StmtKind::Pass)];
    for _ in 0..21 {
        body = vec![st(StmtKind::While { test: name("x"), body, orelse: vec![] })];
    }
    assert_eq!(compile_err(body), "too many statically nested blocks");
}

#[test]
fn negative_literals_fold() {
    let neg = e(ExprKind::UnaryOp { op: ast::UnaryOp::USub, operand: Box::new(int(5)) });
    let code = compile_ok(vec![assign(name("x"), neg)]);
    assert!(code.constants.contains(&Constant::Int(-5)));
    assert!(!code.instructions.iter().any(|i| matches!(i, Instruction::Unary(_))));
}

/// Compiles real source; returns the error as `(message, line, offset)`.
fn source_error(src: &str) -> Option<(String, u32, u32)> {
    let module = match crate::frontend::parse(src, "t.py", Mode::File) {
        Ok(m) => m,
        Err(e) => return Some((e.message, e.line, e.offset)),
    };
    match super::compile_checked(&module, src, "t.py", Mode::File, super::HELPER_BUDGET) {
        Ok((_, bad)) => {
            assert!(bad.is_empty(), "inconsistent stack in {bad:?} for {src:?}");
            None
        }
        Err(e) => Some((e.message, e.line, e.offset)),
    }
}

#[test]
fn source_errors_match_cpython() {
    let cases: &[(&str, &str, u32, u32)] = &[
        ("return 1", "'return' outside function", 1, 1),
        ("yield 1", "'yield' outside function", 1, 1),
        ("break", "'break' outside loop", 1, 1),
        ("continue", "'continue' not properly in loop", 1, 1),
        ("def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5),
        ("nonlocal x", "nonlocal declaration not allowed at module level", 1, 1),
        ("x = 1\nnonlocal x", "name 'x' is assigned to before nonlocal declaration", 2, 1),
        ("def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3, 5),
        ("def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", 3, 5),
        ("def f(x):\n    global x\n", "name 'x' is parameter and global", 2, 5),
        ("def f(x):\n    nonlocal x\n", "name 'x' is parameter and nonlocal", 2, 5),
        ("1 = x", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1),
        ("f() = 1", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1),
        ("del 1", "cannot delete literal", 1, 5),
        ("del f()", "cannot delete function call", 1, 5),
        ("def f(a, a): pass", "duplicate argument 'a' in function definition", 1, 10),
        ("*a = 1", "starred assignment target must be in a list or tuple", 1, 1),
        ("*a, *b = 1", "multiple starred expressions in assignment", 1, 1),
        ("f(a=1, a=2)", "keyword argument repeated: a", 1, 8),
        ("(a, 1) = 2", "cannot assign to literal", 1, 5),
        ("for 1 in x: pass", "cannot assign to literal", 1, 5),
        ("def g():\n  from m import *", "import * only allowed at module level", 2, 3),
        ("class C:\n  yield 1", "'yield' outside function", 2, 3),
        ("[(yield x) for x in y]", "'yield' inside list comprehension", 1, 3),
        ("class C(metaclass=M): pass", "gilvm does not support metaclasses", 1, 9),
        ("for x in y:\n  def f():\n    break\n", "'break' outside loop", 3, 5),
        ("while 1:\n  class C:\n    continue\n", "'continue' not properly in loop", 3, 5),
        ("with a as 1: pass", "cannot assign to literal", 1, 11),
        ("x = *a", "can't use starred expression here", 1, 5),
        ("None = 1", "cannot assign to None", 1, 1),
    ];
    let mut wrong = Vec::new();
    for (src, msg, line, offset) in cases {
        let got = source_error(src);
        if got != Some((msg.to_string(), *line, *offset)) {
            wrong.push(format!("{src:?}: expected {msg:?} at {line}:{offset}, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn nested_blocks_from_source() {
    let mut src = String::new();
    for depth in 0..21 {
        src.push_str(&"    ".repeat(depth));
        src.push_str("while x:\n");
    }
    src.push_str(&"    ".repeat(21));
    src.push_str("pass\n");
    let err = source_error(&src).expect("too deep");
    assert_eq!(err.0, "too many statically nested blocks");
}

/// Compiles every `.py` file under `$GILVM_CORPUS` (e.g. CPython's Lib/) that
/// the parser accepts; reports compile errors and stack inconsistencies.
#[test]
#[ignore]
fn corpus() {
    let Some(dir) = std::env::var_os("GILVM_CORPUS") else { return };
    // The front end's deepest trees need more than a test thread's stack.
    std::thread::Builder::new().stack_size(256 << 20).spawn(move || compile_corpus(dir)).expect("spawn").join().expect("corpus");
}

fn compile_corpus(dir: std::ffi::OsString) {
    let mut files = vec![std::path::PathBuf::from(dir)];
    let (mut parsed, mut problems) = (0, Vec::new());
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).into_iter().flatten().flatten().map(|e| e.path()));
            continue;
        }
        if path.extension().is_none_or(|x| x != "py") {
            continue;
        }
        let Ok(src) = std::fs::read_to_string(&path) else { continue };
        let Ok(module) = crate::frontend::parse(&src, "t.py", Mode::File) else { continue };
        parsed += 1;
        match super::compile_checked(&module, &src, "t.py", Mode::File, super::HELPER_BUDGET) {
            Ok((_, bad)) if bad.is_empty() => {}
            Ok((_, bad)) => problems.push(format!("{}: stack {bad:?}", path.display())),
            Err(e) if e.message.contains("metaclasses") => {}
            Err(e) => problems.push(format!("{}:{}: {}", path.display(), e.line, e.message)),
        }
    }
    eprintln!("{parsed} files compiled");
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// Deep nesting on a small stack ends in a SyntaxError or success, never an overflow.
#[test]
fn deep_nesting_compiles_on_a_small_stack() {
    let sources = [
        format!("x = {}1{}", "(".repeat(190), ")".repeat(190)),
        format!("x = {}1", "-".repeat(990)),
        format!("x = {}1{}", "[".repeat(990), "]".repeat(990)),
        format!("x = {}1{}", "f(".repeat(990), ")".repeat(990)),
        format!("x = {}", "not ".repeat(990) + "y"),
        format!("x = {}0", "lambda: ".repeat(990)),
    ];
    for src in sources {
        let Ok(module) = crate::frontend::parse(&src, "t.py", Mode::File) else { continue };
        let handle = std::thread::Builder::new()
            .stack_size(512 * 1024)
            .spawn(move || {
                let result = super::compile(&module, &src, "t.py", Mode::File);
                // Freeing a deep tree recurses too: leak it rather than test the front end's Drop here.
                std::mem::forget(module);
                result.map(|_| ()).map_err(|e| e.message)
            })
            .expect("spawn");
        let result = handle.join().expect("no stack overflow");
        assert!(result.as_ref().map_or_else(|m| m.contains("maximum recursion depth"), |_| true), "{result:?}");
    }
}

/// Prints the native stack each level of nesting costs (a development aid:
/// `cargo test --lib measure_stack -- --ignored --nocapture`).
#[test]
#[ignore]
fn measure_stack() {
    for (label, src) in [
        ("list", format!("x = {}1{}", "[".repeat(200), "]".repeat(200))),
        ("call", format!("x = {}1{}", "f(".repeat(200), ")".repeat(200))),
        ("neg", format!("x = {}y", "-".repeat(200))),
        ("attr", format!("x = y{}", ".a".repeat(200))),
        ("binop", format!("x = {}1{}", "(1+".repeat(200), ")".repeat(200))),
        ("lambda", format!("x = {}0", "lambda: ".repeat(200))),
        ("if", (0..99).map(|d| format!("{}if x:\n", " ".repeat(d))).collect::<String>() + &" ".repeat(99) + "pass\n"),
        ("def", (0..99).map(|d| format!("{}def f():\n", " ".repeat(d))).collect::<String>() + &" ".repeat(99) + "pass\n"),
    ] {
        let m = crate::frontend::parse(&src, "t.py", Mode::File).expect("parses");
        let used = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || {
                let _ = super::compile_checked(&m, &src, "t.py", Mode::File, 60 << 20);
                super::STACK_HIGH_WATER.with(|c| c.get())
            })
            .unwrap()
            .join()
            .unwrap();
        let levels = if label == "if" || label == "def" { 99 } else { 200 };
        eprintln!("{label}: {} B/level", used / levels);
    }
}

fn compile_source(src: &str, mode: Mode) -> Arc<Code> {
    let module = crate::frontend::parse(src, "t.py", mode).expect("parses");
    let (code, bad) = super::compile_checked(&module, src, "t.py", mode, super::HELPER_BUDGET).expect("compiles");
    assert!(bad.is_empty(), "inconsistent stack in {bad:?}");
    code
}

#[test]
fn interactive_mode_echoes_expressions() {
    let code = compile_source("1 + 2\nif x:\n    y\nz = 3\n", Mode::Interactive);
    let echoes = code.instructions.iter().filter(|i| **i == Instruction::PrintExpr).count();
    assert_eq!(echoes, 2);
    let f = compile_source("def f():\n    g()\n", Mode::Interactive);
    let body = nested(&f, "f");
    assert!(!body.instructions.contains(&Instruction::PrintExpr));
}

#[test]
fn eval_mode_returns_the_value() {
    let code = compile_source("x + 1", Mode::Eval);
    assert_eq!(code.instructions.last(), Some(&Instruction::ReturnValue));
    assert!(!code.instructions.contains(&Instruction::PopTop));
}

#[test]
fn exception_table_is_sorted_and_disjoint() {
    let src = "def f(xs):\n    for x in xs:\n        try:\n            with a as b, c:\n                if x: break\n                return x\n        except E as e:\n            continue\n        finally:\n            g()\n";
    let code = compile_source(src, Mode::File);
    let f = nested(&code, "f");
    let mut last_end = 0;
    for e in &f.exception_table {
        assert!(e.start >= last_end && e.start < e.end, "{:?}", f.exception_table);
        assert!((e.handler as usize) < f.instructions.len());
        last_end = e.end;
    }
    assert!(f.instructions.iter().all(|i| !matches!(i, Instruction::Jump(t) | Instruction::JumpBackward(t) if *t as usize >= f.instructions.len())));
}

#[test]
fn backward_jumps_use_jump_backward() {
    let code = compile_source("while x:\n    if y:\n        continue\n    z()\nfor i in r:\n    pass\n", Mode::File);
    for (pc, ins) in code.instructions.iter().enumerate() {
        if let Instruction::Jump(t) | Instruction::PopJumpIfFalse(t) | Instruction::PopJumpIfTrue(t) = ins {
            assert!(*t as usize > pc, "forward-only jump {ins:?} at {pc}");
        }
        if let Instruction::JumpBackward(t) = ins {
            assert!((*t as usize) <= pc);
        }
    }
}

#[test]
fn class_body_without_super_returns_none() {
    let code = compile_source("class C:\n    def m(self):\n        return 1\n", Mode::File);
    let body = nested(&code, "C");
    assert!(body.cellvars.is_empty());
    assert_eq!(&body.instructions[body.instructions.len() - 2..], &[Instruction::LoadConst(body.constants.iter().position(|c| *c == Constant::None).unwrap() as u32), Instruction::ReturnValue]);
}

#[test]
fn stack_budget_exhaustion_is_a_recursion_error() {
    let src = format!("x = {}1{}", "[".repeat(100), "]".repeat(100));
    let module = crate::frontend::parse(&src, "t.py", Mode::File).expect("parses");
    let err = super::compile_checked(&module, &src, "t.py", Mode::File, 16 << 10).expect_err("over budget");
    assert_eq!(err.kind, crate::frontend::SyntaxErrorKind::RecursionError);
    assert_eq!(err.message, "maximum recursion depth exceeded during compilation");
}
