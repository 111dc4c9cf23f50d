//! The embedding API: many interpreters, isolated from each other.

use std::thread;

use gilvm::Interpreter;

#[test]
fn eight_interpreters_on_eight_threads_share_nothing() {
    let interps: Vec<Interpreter> = (0..8).map(|_| Interpreter::builder().build().unwrap()).collect();
    let workers: Vec<_> = interps
        .iter()
        .enumerate()
        .map(|(n, interp)| {
            let interp = interp.clone();
            thread::spawn(move || {
                interp.run(&format!("import math\nmine = {n}\nmath.tagged = {n}\ntotal = sum(range({n} * 1000))")).unwrap();
                interp.eval::<(i64, i64, i64)>("(mine, math.tagged, total)").unwrap()
            })
        })
        .collect();
    for (n, w) in workers.into_iter().enumerate() {
        let n = n as i64;
        assert_eq!(w.join().unwrap(), (n, n, (0..n * 1000).sum()));
    }
    let ids: std::collections::HashSet<u64> = interps.iter().map(|i| i.id()).collect();
    assert_eq!(ids.len(), 8);
    // A global set in one is absent in the others, and each has its own module objects.
    interps[0].run("only_here = 1").unwrap();
    for interp in &interps[1..] {
        assert_eq!(interp.eval::<bool>("'only_here' in globals()").unwrap(), false);
        assert_eq!(interp.eval::<i64>("__import__('math').tagged").unwrap(), interp.global::<i64>("mine").unwrap());
    }
    let builtin_ids: std::collections::HashSet<u64> = interps.iter().map(|i| i.eval::<u64>("id(len)").unwrap()).collect();
    assert_eq!(builtin_ids.len(), 8, "every interpreter has its own builtins");
    for interp in interps {
        interp.close().unwrap();
    }
}
