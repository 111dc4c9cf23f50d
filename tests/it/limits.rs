//! Limits where gilvm must do better than the oracle: CPython 3.11 overflows
//! its C stack (a segfault) on these scripts, so no expected output can come
//! from it. They always run gilvm, never `GILVM_BIN`.

use std::process::Command;

/// `next` on a wrapping iterator (`map`, `filter`, `zip`, `enumerate`) calls
/// `next` on the one it wraps, natively: a chain 100,000 deep ends in
/// `RecursionError` in a thread, whose native stack (256 KiB) it would overflow.
#[test]
fn deep_chains_of_wrapping_iterators_raise_recursion_error() {
    let script = "import threading\n\
        def chain(wrap):\n    x = iter([1])\n    for _ in range(100_000):\n        x = wrap(x)\n    \
            try:\n        next(x)\n        print('no error')\n    except RecursionError:\n        print('RecursionError')\n\
        wraps = [lambda x: map(abs, x), lambda x: filter(None, x), zip, enumerate]\n\
        for w in wraps:\n    t = threading.Thread(target=chain, args=(w,))\n    t.start()\n    t.join()\n";
    let out = Command::new(env!("CARGO_BIN_EXE_gilvm")).args(["-c", script]).output().expect("gilvm runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "RecursionError\n".repeat(4));
}
