//! Assembly: turns a finished unit's instruction list (jumps holding label
//! ids, each instruction tagged with its active exception handler) into the
//! final instruction vector, exception table and `max_stack`.

use crate::bytecode::{ExceptionEntry, Instruction};

/// A not-yet-placed jump target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label(pub u32);

/// An exception handler: where to go, and the stack depth to unwind to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handler {
    pub label: Label,
    pub depth: u32,
    pub lasti: bool,
}

/// The jump operand of `ins`, if it is a jump.
pub fn jump_target(ins: &mut Instruction) -> Option<&mut u32> {
    use Instruction::*;
    match ins {
        Jump(t) | JumpBackward(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | JumpIfFalseOrPop(t)
        | JumpIfTrueOrPop(t) | ForIter(t) => Some(t),
        _ => None,
    }
}

/// Replaces label ids by instruction indices in every jump.
pub fn resolve_jumps(instructions: &mut [Instruction], labels: &[u32]) {
    for ins in instructions.iter_mut() {
        if let Some(t) = jump_target(ins) {
            *t = labels.get(*t as usize).copied().unwrap_or(0);
        }
    }
}

/// Places superinstructions: a `LoadFast` followed by a `LoadAttr` becomes
/// `LoadFastAttr`, the `LoadAttr` staying where it was (a jump to it, or a
/// traceback pointing at it, sees the instruction it always saw).
pub fn fuse(instructions: &mut [Instruction]) {
    use Instruction::*;
    for i in 1..instructions.len() {
        if let (LoadFast(a), LoadAttr(_)) = (instructions[i - 1], instructions[i]) {
            instructions[i - 1] = LoadFastAttr(a);
        }
    }
}

/// One entry per run of consecutive instructions sharing a handler. Runs never
/// overlap, so "innermost first" holds trivially.
pub fn exception_table(handler_of: &[Option<u32>], handlers: &[Handler], labels: &[u32]) -> Vec<ExceptionEntry> {
    let mut table: Vec<ExceptionEntry> = Vec::new();
    let mut start = 0;
    while start < handler_of.len() {
        let mut end = start + 1;
        while end < handler_of.len() && handler_of[end] == handler_of[start] {
            end += 1;
        }
        if let Some(h) = handler_of[start].and_then(|i| handlers.get(i as usize)) {
            table.push(ExceptionEntry {
                start: start as u32,
                end: end as u32,
                handler: labels.get(h.label.0 as usize).copied().unwrap_or(0),
                depth: h.depth,
                lasti: h.lasti,
            });
        }
        start = end;
    }
    table
}

/// Stack effect of `ins` on the path where a branch is taken (`jump`) or not.
pub fn stack_effect(ins: &Instruction, jump: bool) -> i32 {
    use Instruction::*;
    let n = |k: &u32| *k as i32;
    match ins {
        Nop | Swap(_) | Jump(_) | JumpBackward(_) | DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_)
        | DeleteName(_) | LoadAttr(_) | Unary(_) | GetIter | ListToTuple | YieldValue | GetYieldFromIter
        | CheckExcMatch => 0,
        PopTop | StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) | DeleteAttr(_) | BinarySubscr
        | BinaryOp(_) | InplaceOp(_) | Compare(_) | IsOp(_) | ContainsOp(_) | PopJumpIfFalse(_)
        | PopJumpIfTrue(_) | ListAppend(_) | SetAdd(_) | ListExtend(_) | SetUpdate(_) | DictUpdate(_)
        | DictMerge(_) | ReturnValue | YieldFrom | PopExcept | ImportName(_) | ImportStar | PrintExpr => -1,
        Copy(_) | LoadConst(_) | LoadFast(_) | LoadFastAttr(_) | LoadDeref(_) | LoadClosure(_) | LoadClassDeref(_)
        | LoadGlobal(_) | LoadName(_) | LoadMethod(_) | LoadBuildClass | PushExcInfo | BeforeWith
        | WithExceptStart | LoadAssertionError | ImportFrom(_) => 1,
        StoreAttr(_) | DeleteSubscr | MapAdd(_) => -2,
        StoreSubscr => -3,
        BuildSlice(k) | BuildTuple(k) | BuildList(k) | BuildSet(k) | BuildString(k) => 1 - n(k),
        BuildMap(k) => 1 - 2 * n(k),
        JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => {
            if jump {
                0
            } else {
                -1
            }
        }
        ForIter(_) => {
            if jump {
                -1
            } else {
                1
            }
        }
        UnpackSequence(k) => n(k) - 1,
        UnpackEx(k) => (k & 0xff) as i32 + (k >> 8) as i32,
        FormatValue { spec, .. } => -(*spec as i32),
        Call(k) => -n(k),
        CallKw(k) | CallMethod(k) => -n(k) - 1,
        CallMethodKw(k) => -n(k) - 2,
        CallFunctionEx(k) => -1 - (k & 1) as i32,
        MakeFunction(flags) => -((flags & 0b1011).count_ones() as i32),
        RaiseVarargs(k) => -n(k),
        Reraise(k) => -1 - n(k),
    }
}

fn ends_block(ins: &Instruction) -> bool {
    use Instruction::*;
    matches!(ins, Jump(_) | JumpBackward(_) | ReturnValue | RaiseVarargs(_) | Reraise(_))
}

/// Result of the stack-depth pass.
pub struct StackDepth {
    pub max: u32,
    /// False when two paths reach an instruction with different depths, a
    /// path pops below zero, or a jump other than `JumpBackward` goes back:
    /// a compiler bug, reported by the unit tests.
    pub consistent: bool,
}

/// Walks every reachable path (including exception edges) and records the
/// deepest stack. `handler_of[i]` names the handler active at instruction `i`.
pub fn max_stack_depth(
    instructions: &[Instruction],
    handler_of: &[Option<u32>],
    handlers: &[Handler],
    labels: &[u32],
) -> StackDepth {
    let mut depth_at: Vec<i32> = vec![-1; instructions.len()];
    let mut result = StackDepth { max: 0, consistent: true };
    let mut work: Vec<(usize, i32)> = vec![(0, 0)];
    let mut visit = |at: usize, depth: i32, work: &mut Vec<(usize, i32)>, result: &mut StackDepth| {
        if at >= depth_at.len() || depth < 0 {
            result.consistent = false;
            return;
        }
        if depth_at[at] == -1 {
            depth_at[at] = depth;
            work.push((at, depth));
        } else if depth_at[at] != depth {
            result.consistent = false;
        }
    };
    while let Some((pc, depth)) = work.pop() {
        let Some(ins) = instructions.get(pc) else { continue };
        result.max = result.max.max(depth as u32);
        if let Some(h) = handler_of.get(pc).copied().flatten().and_then(|i| handlers.get(i as usize)) {
            let target = labels.get(h.label.0 as usize).copied().unwrap_or(0) as usize;
            let entry = h.depth as i32 + h.lasti as i32 + 1;
            result.max = result.max.max(entry as u32);
            if h.depth as i32 > depth {
                result.consistent = false;
            }
            visit(target, entry, &mut work, &mut result);
        }
        let mut ins_copy = *ins;
        if let Some(t) = jump_target(&mut ins_copy) {
            // Only `JumpBackward` may go back: the VM checks the eval breaker there.
            if matches!(ins, Instruction::JumpBackward(_)) != (*t as usize <= pc) {
                result.consistent = false;
            }
            let after = depth + stack_effect(ins, true);
            result.max = result.max.max(after.max(0) as u32);
            visit(*t as usize, after, &mut work, &mut result);
        }
        if !ends_block(ins) && !matches!(ins, Instruction::ReturnValue) {
            let after = depth + stack_effect(ins, false);
            result.max = result.max.max(after.max(0) as u32);
            visit(pc + 1, after, &mut work, &mut result);
        }
    }
    result
}
