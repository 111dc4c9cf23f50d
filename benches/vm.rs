//! Hot paths of the eval loop, each a small Python function run through the
//! VM so that a regression in dispatch, calls, attribute or method lookup
//! (their inline caches), globals, dict lookup or the eval-breaker check shows.
//! Each function does `n` iterations of one shape; the figure is per call of
//! `bench(N)`.
//!
//! `cargo bench --bench vm` (about 20 s once built)

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, Criterion};
use gilvm::objects::{Gc, PyDict, Value};
use gilvm::vm::run::{compile_and_run, init_interpreter, new_interpreter};
use gilvm::vm::ThreadState;

const N: i64 = 10_000;

const SCRIPTS: &[(&str, &str)] = &[
    ("dispatch/while loop", "
def bench(n):
    i = 0
    while i < n:
        i += 1
    return i
"),
    ("dispatch/for range arithmetic", "
def bench(n):
    t = 0
    for i in range(n):
        t += i * 3 % 7
    return t
"),
    ("call/python function", "
def f(a, b):
    return a

def bench(n):
    for i in range(n):
        f(i, n)
"),
    ("call/closure", "
def make(k):
    def add(x):
        return x + k
    return add

add = make(3)

def bench(n):
    t = 0
    for i in range(n):
        t = add(t)
    return t
"),
    ("call/builtin", "
def bench(n):
    t = 0
    for i in range(n):
        t += abs(-i)
    return t
"),
    ("call/class instantiation", "
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def bench(n):
    for i in range(n):
        P(i, n)
"),
    ("attr/instance load", "
class P:
    def __init__(self):
        self.x = 1
        self.y = 2

p = P()

def bench(n):
    t = 0
    for i in range(n):
        t += p.x + p.y
    return t
"),
    ("attr/instance store", "
class P:
    pass

p = P()

def bench(n):
    for i in range(n):
        p.x = i
"),
    ("attr/method call", "
class P:
    def m(self, a):
        return a

p = P()

def bench(n):
    for i in range(n):
        p.m(i)
"),
    ("attr/inherited method call", "
class A:
    def m(self, a):
        return a

class B(A):
    pass

class C(B):
    pass

p = C()

def bench(n):
    for i in range(n):
        p.m(i)
"),
    ("global/load", "
g = 5

def bench(n):
    t = 0
    for i in range(n):
        t += g
    return t
"),
    ("dict/lookup", "
d = {'a': 1, 'b': 2, 3: 4}

def bench(n):
    t = 0
    for i in range(n):
        t += d['a'] + d[3]
    return t
"),
];

/// A fresh interpreter with `source` run as its main module, and its `bench` function.
fn load(source: &str) -> (ThreadState, Value) {
    let mut ts = new_interpreter();
    init_interpreter(&mut ts);
    let globals = Gc::new(PyDict::new());
    let (key, module) = (ts.intern("__name__"), ts.intern("__bench__"));
    globals.set_str(key, Value::Str(module));
    if compile_and_run(&mut ts, source, "<bench>", &globals).is_err() {
        panic!("benchmark script failed: {source}");
    }
    let name = ts.intern("bench");
    let Some(f) = globals.get_str(&name) else { panic!("no bench() in {source}") };
    (ts, f)
}

fn scripts(c: &mut Criterion) {
    let mut group = c.benchmark_group("vm");
    group.sample_size(20).warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(1));
    for (name, source) in SCRIPTS {
        let (mut ts, f) = load(source);
        group.bench_function(format!("{name} x{N}"), |b| {
            b.iter(|| black_box(ts.call_positional(&f, &[Value::Int(N)]).is_ok()))
        });
    }
    group.finish();
}

fn periodic_check(c: &mut Criterion) {
    let mut ts = new_interpreter();
    let mut group = c.benchmark_group("gil");
    group.warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(1));
    group.bench_function("periodic_check idle x1000", |b| {
        b.iter(|| {
            for _ in 0..1000 {
                black_box(ts.periodic_check().is_ok());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, scripts, periodic_check);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
