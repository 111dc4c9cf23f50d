//! Front-end unit tests.

use super::ast::*;
use super::{parse, Mode};

fn smoke(src: &str) {
    match parse(src, "t.py", Mode::File) {
        Ok(m) => println!("{src:?}\n  => {:?}", m.body),
        Err(e) => println!("{src:?}\n  => ERR {:?} {:?} {}:{}", e.kind, e.message, e.line, e.offset),
    }
}

#[test]
fn frontend_smoke() {
    for s in [
        "x = 1 + 2 * 3\n",
        "if x:\n    y = 1\nelif z:\n    pass\nelse:\n    w\n",
        "def f(a, b=1, *c, d, **e):\n    return a\n",
        "class A(B, metaclass=M):\n    x: int = 3\n",
        "for i, j in x:\n  print(f'{i!r:>{w}} {j=}')\n",
        "a, *b = c = d\n",
        "x[1:2, ::3]\n",
        "f(x for x in y)\n",
        "[x for x in y if x for z in w]\n",
        "{1: 2, **d}\n{1, *s}\n{k: v for k, v in x}\n",
        "lambda x, *y, z=1: x\n",
        "try:\n  x\nexcept (A, B) as e:\n  y\nexcept:\n  z\nelse:\n  w\nfinally:\n  q\n",
        "with a as b, c:\n  pass\n",
        "from ..a.b import (c as d, e,)\nimport a.b as c, d\nfrom . import *\n",
        "x = yield\n",
        "a if b else c\n",
        "not a < b <= c is not d not in e\n",
        "-x ** -y\n",
        "'a' 'b' \"c\"\n",
        "b'a' b'\\xff'\n",
        "1_000.5 + .5 + 5. + 0x_ff + 0o17 + 0b1 + 123456789012345678901234567890\n",
        "if x:\n  a\n b\n",
        "  x\n",
        "if x:\npass\n",
        "x = (1,\n2\n",
        "if x\n  pass\n",
        "x = 1 +\n",
        "f'{}'\n",
        "@d\n@e(1)\ndef f(): pass\n",
    ] {
        smoke(s);
    }
}
