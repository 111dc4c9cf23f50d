//! The disassembler: code objects as text, in the layout of CPython's `dis`.
//!
//! ```text
//!   3           0 LOAD_FAST                0 (n)
//!               1 LOAD_CONST               1 (2)
//!               2 COMPARE_OP                 (<)
//!               3 POP_JUMP_IF_FALSE        5 (to 5)
//! ```
//!
//! Columns: source line (printed where it changes), `>>` on jump targets,
//! instruction index, name, operand, and what the operand means. The module
//! comes first, then every nested code object, each followed by its
//! exception table.

use std::fmt::Write;

use super::code::{Code, Constant};
use super::opcode::{BinOp, Conversion, Instruction, UnaryOp};

/// The whole listing: `code`, then every code object nested in it.
pub fn disassemble(code: &Code) -> String {
    let mut out = String::new();
    let mut pending: Vec<&Code> = vec![code];
    let mut first = true;
    while let Some(c) = pending.pop() {
        if !first {
            let _ = writeln!(out, "\nDisassembly of {}:", code_repr(c));
        }
        first = false;
        disassemble_one(c, &mut out);
        let nested = c.constants.iter().filter_map(|k| match k {
            Constant::Code(inner) => Some(&**inner),
            _ => None,
        });
        let mut nested: Vec<&Code> = nested.collect();
        nested.reverse();
        pending.extend(nested);
    }
    out
}

fn code_repr(c: &Code) -> String {
    format!("<code object {} at line {}>", c.name, c.first_line)
}

fn disassemble_one(code: &Code, out: &mut String) {
    let targets: Vec<u32> = code.instructions.iter().filter_map(jump_target).collect();
    let handlers: Vec<u32> = code.exception_table.iter().map(|e| e.handler).collect();
    let mut last_line = None;
    for (pc, ins) in code.instructions.iter().enumerate() {
        let line = code.line_of(pc);
        let line_field = if last_line != Some(line) {
            if last_line.is_some() {
                out.push('\n');
            }
            last_line = Some(line);
            format!("{line:>4}")
        } else {
            String::new()
        };
        let pc32 = pc as u32;
        let mark = if targets.contains(&pc32) || handlers.contains(&pc32) { ">>" } else { "" };
        let operand = operand(ins).map_or(String::new(), |o| o.to_string());
        let meaning = argrepr(code, ins);
        let meaning = if meaning.is_empty() { meaning } else { format!(" ({meaning})") };
        let row = format!("{line_field:<4}    {mark:>2} {pc:>5} {:<22} {operand:>5}{meaning}", opname(ins));
        let _ = writeln!(out, "{}", row.trim_end());
    }
    if !code.exception_table.is_empty() {
        let _ = writeln!(out, "ExceptionTable:");
        for e in &code.exception_table {
            let lasti = if e.lasti { " lasti" } else { "" };
            let _ = writeln!(out, "  {} to {} -> {} [{}]{lasti}", e.start, e.end.saturating_sub(1), e.handler, e.depth);
        }
    }
}

fn jump_target(ins: &Instruction) -> Option<u32> {
    use Instruction::*;
    match *ins {
        Jump(t) | JumpBackward(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | JumpIfFalseOrPop(t)
        | JumpIfTrueOrPop(t) | ForIter(t) => Some(t),
        _ => None,
    }
}

/// The instruction's numeric operand, if it has one.
fn operand(ins: &Instruction) -> Option<u32> {
    use Instruction::*;
    match *ins {
        Copy(n) | Swap(n) | LoadConst(n) | LoadFast(n) | LoadFastAttr(n) | StoreFast(n) | DeleteFast(n) | LoadDeref(n)
        | StoreDeref(n) | DeleteDeref(n) | LoadClosure(n) | LoadClassDeref(n) | LoadGlobal(n) | StoreGlobal(n)
        | DeleteGlobal(n) | LoadName(n) | StoreName(n) | DeleteName(n) | LoadAttr(n) | StoreAttr(n)
        | DeleteAttr(n) | LoadMethod(n) | BuildSlice(n) | IsOp(n) | ContainsOp(n) | Jump(n) | JumpBackward(n)
        | PopJumpIfFalse(n) | PopJumpIfTrue(n) | JumpIfFalseOrPop(n) | JumpIfTrueOrPop(n) | ForIter(n)
        | BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildMap(n) | BuildString(n) | ListAppend(n) | SetAdd(n)
        | MapAdd(n) | ListExtend(n) | SetUpdate(n) | DictUpdate(n) | DictMerge(n) | UnpackSequence(n)
        | UnpackEx(n) | Call(n) | CallKw(n) | CallMethod(n) | CallMethodKw(n) | CallFunctionEx(n)
        | MakeFunction(n) | RaiseVarargs(n) | Reraise(n) | ImportName(n) | ImportFrom(n) => Some(n),
        _ => None,
    }
}

fn opname(ins: &Instruction) -> &'static str {
    use Instruction::*;
    match ins {
        Nop => "NOP",
        PopTop => "POP_TOP",
        Copy(_) => "COPY",
        Swap(_) => "SWAP",
        LoadConst(_) => "LOAD_CONST",
        LoadFast(_) => "LOAD_FAST",
        LoadFastAttr(_) => "LOAD_FAST__LOAD_ATTR",
        StoreFast(_) => "STORE_FAST",
        DeleteFast(_) => "DELETE_FAST",
        LoadDeref(_) => "LOAD_DEREF",
        StoreDeref(_) => "STORE_DEREF",
        DeleteDeref(_) => "DELETE_DEREF",
        LoadClosure(_) => "LOAD_CLOSURE",
        LoadClassDeref(_) => "LOAD_CLASSDEREF",
        LoadGlobal(_) => "LOAD_GLOBAL",
        StoreGlobal(_) => "STORE_GLOBAL",
        DeleteGlobal(_) => "DELETE_GLOBAL",
        LoadName(_) => "LOAD_NAME",
        StoreName(_) => "STORE_NAME",
        DeleteName(_) => "DELETE_NAME",
        LoadAttr(_) => "LOAD_ATTR",
        StoreAttr(_) => "STORE_ATTR",
        DeleteAttr(_) => "DELETE_ATTR",
        LoadMethod(_) => "LOAD_METHOD",
        BinarySubscr => "BINARY_SUBSCR",
        StoreSubscr => "STORE_SUBSCR",
        DeleteSubscr => "DELETE_SUBSCR",
        BuildSlice(_) => "BUILD_SLICE",
        BinaryOp(_) => "BINARY_OP",
        InplaceOp(_) => "INPLACE_OP",
        Unary(_) => "UNARY_OP",
        Compare(_) => "COMPARE_OP",
        IsOp(_) => "IS_OP",
        ContainsOp(_) => "CONTAINS_OP",
        Jump(_) => "JUMP_FORWARD",
        JumpBackward(_) => "JUMP_BACKWARD",
        PopJumpIfFalse(_) => "POP_JUMP_IF_FALSE",
        PopJumpIfTrue(_) => "POP_JUMP_IF_TRUE",
        JumpIfFalseOrPop(_) => "JUMP_IF_FALSE_OR_POP",
        JumpIfTrueOrPop(_) => "JUMP_IF_TRUE_OR_POP",
        GetIter => "GET_ITER",
        ForIter(_) => "FOR_ITER",
        BuildTuple(_) => "BUILD_TUPLE",
        BuildList(_) => "BUILD_LIST",
        BuildSet(_) => "BUILD_SET",
        BuildMap(_) => "BUILD_MAP",
        BuildString(_) => "BUILD_STRING",
        ListAppend(_) => "LIST_APPEND",
        SetAdd(_) => "SET_ADD",
        MapAdd(_) => "MAP_ADD",
        ListExtend(_) => "LIST_EXTEND",
        SetUpdate(_) => "SET_UPDATE",
        DictUpdate(_) => "DICT_UPDATE",
        DictMerge(_) => "DICT_MERGE",
        ListToTuple => "LIST_TO_TUPLE",
        UnpackSequence(_) => "UNPACK_SEQUENCE",
        UnpackEx(_) => "UNPACK_EX",
        FormatValue { .. } => "FORMAT_VALUE",
        Call(_) => "CALL",
        CallKw(_) => "CALL_KW",
        CallMethod(_) => "CALL_METHOD",
        CallMethodKw(_) => "CALL_METHOD_KW",
        CallFunctionEx(_) => "CALL_FUNCTION_EX",
        MakeFunction(_) => "MAKE_FUNCTION",
        ReturnValue => "RETURN_VALUE",
        LoadBuildClass => "LOAD_BUILD_CLASS",
        YieldValue => "YIELD_VALUE",
        GetYieldFromIter => "GET_YIELD_FROM_ITER",
        YieldFrom => "YIELD_FROM",
        RaiseVarargs(_) => "RAISE_VARARGS",
        PushExcInfo => "PUSH_EXC_INFO",
        PopExcept => "POP_EXCEPT",
        CheckExcMatch => "CHECK_EXC_MATCH",
        Reraise(_) => "RERAISE",
        BeforeWith => "BEFORE_WITH",
        WithExceptStart => "WITH_EXCEPT_START",
        LoadAssertionError => "LOAD_ASSERTION_ERROR",
        ImportName(_) => "IMPORT_NAME",
        ImportFrom(_) => "IMPORT_FROM",
        ImportStar => "IMPORT_STAR",
        PrintExpr => "PRINT_EXPR",
    }
}

/// What the operand means: the constant, the name, the jump target...
fn argrepr(code: &Code, ins: &Instruction) -> String {
    use Instruction::*;
    let name = |list: &[String], i: u32| list.get(i as usize).cloned().unwrap_or_else(|| "?".into());
    let deref = |i: u32| {
        let i = i as usize;
        code.cellvars.get(i).or_else(|| code.freevars.get(i.wrapping_sub(code.cellvars.len()))).cloned().unwrap_or_else(|| "?".into())
    };
    match *ins {
        LoadConst(i) => code.constants.get(i as usize).map_or("?".into(), constant_repr),
        LoadFast(i) | LoadFastAttr(i) | StoreFast(i) | DeleteFast(i) => name(&code.varnames, i),
        LoadDeref(i) | StoreDeref(i) | DeleteDeref(i) | LoadClosure(i) | LoadClassDeref(i) => deref(i),
        LoadGlobal(i) | StoreGlobal(i) | DeleteGlobal(i) | LoadName(i) | StoreName(i) | DeleteName(i)
        | LoadAttr(i) | StoreAttr(i) | DeleteAttr(i) | LoadMethod(i) | ImportName(i) | ImportFrom(i) => {
            name(&code.names, i)
        }
        Jump(t) | JumpBackward(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | JumpIfFalseOrPop(t)
        | JumpIfTrueOrPop(t) | ForIter(t) => format!("to {t}"),
        BinaryOp(op) => binop_symbol(op).to_string(),
        InplaceOp(op) => format!("{}=", binop_symbol(op)),
        Unary(op) => unary_symbol(op).to_string(),
        Compare(op) => op.symbol().to_string(),
        IsOp(n) => if n == 0 { "is" } else { "is not" }.to_string(),
        ContainsOp(n) => if n == 0 { "in" } else { "not in" }.to_string(),
        FormatValue { conversion, spec } => format_repr(conversion, spec),
        MakeFunction(flags) => make_function_repr(flags),
        UnpackEx(n) => format!("{} before, {} after", n & 0xff, n >> 8),
        CallFunctionEx(1) => "with kwargs".into(),
        _ => String::new(),
    }
}

fn binop_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Pow => "**",
        other => other.symbol(),
    }
}

fn unary_symbol(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Neg => "-",
        UnaryOp::Pos => "+",
        UnaryOp::Invert => "~",
        UnaryOp::Not => "not",
    }
}

fn format_repr(conversion: Conversion, spec: bool) -> String {
    let conv = match conversion {
        Conversion::None => "",
        Conversion::Str => "str",
        Conversion::Repr => "repr",
        Conversion::Ascii => "ascii",
    };
    match (conv, spec) {
        ("", false) => String::new(),
        ("", true) => "with format".into(),
        (c, false) => c.into(),
        (c, true) => format!("{c}, with format"),
    }
}

fn make_function_repr(flags: u32) -> String {
    let parts: Vec<&str> = [(1, "defaults"), (2, "kwdefaults"), (4, "annotations"), (8, "closure")]
        .iter()
        .filter(|(bit, _)| flags & bit != 0)
        .map(|(_, n)| *n)
        .collect();
    parts.join(", ")
}

/// A constant as Python's `repr` shows it.
pub fn constant_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(b) => b.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(constant_repr).collect();
            if inner.len() == 1 {
                format!("({},)", inner[0])
            } else {
                format!("({})", inner.join(", "))
            }
        }
        Constant::Code(code) => code_repr(code),
    }
}

fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if (-4..16).contains(&exp) {
        let plain = format!("{f}");
        if plain.contains('.') {
            plain
        } else {
            format!("{plain}.0")
        }
    } else {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exp.abs())
    }
}

fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::from("b");
    out.push(quote as char);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}
