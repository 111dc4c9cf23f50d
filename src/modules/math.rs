//! The `math` module.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::builtins::args::{bind, int_arg, positional};
use crate::builtins::core::float_to_int;
use crate::objects::num::{float_of, int_of};
use crate::objects::{Args, Gc, NativeFnPtr, PyModule, PyResult, Value};
use crate::vm::ThreadState;

pub fn init(ts: &mut ThreadState) -> PyResult<Gc<PyModule>> {
    let m = PyModule::new(ts, "math");
    m.set(ts, "pi", Value::Float(std::f64::consts::PI));
    m.set(ts, "e", Value::Float(std::f64::consts::E));
    m.set(ts, "tau", Value::Float(std::f64::consts::TAU));
    m.set(ts, "inf", Value::Float(f64::INFINITY));
    m.set(ts, "nan", Value::Float(f64::NAN));
    let functions: &[(&'static str, NativeFnPtr)] = &[
        ("sqrt", sqrt),
        ("exp", exp),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("fabs", fabs),
        ("degrees", degrees),
        ("radians", radians),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("log1p", log1p),
        ("expm1", expm1),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("atan2", atan2),
        ("pow", pow),
        ("hypot", hypot),
        ("copysign", copysign),
        ("fmod", fmod),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("isclose", isclose),
        ("gcd", gcd),
        ("lcm", lcm),
        ("factorial", factorial),
        ("comb", comb),
        ("perm", perm),
        ("isqrt", isqrt),
        ("fsum", fsum),
        ("prod", prod),
        ("dist", dist),
        ("modf", modf),
        ("frexp", frexp),
        ("ldexp", ldexp),
    ];
    for &(name, f) in functions {
        m.add_fn(ts, name, f);
    }
    Ok(m)
}

fn num(ts: &mut ThreadState, v: &Value) -> PyResult<f64> {
    if let Some(f) = float_of(ts, v)? {
        return Ok(f);
    }
    if let Some(r) = ts.call_special(v, "__float__", &[])? {
        if let Value::Float(f) = r {
            return Ok(f);
        }
    }
    let t = ts.type_of(v).name.clone();
    Err(ts.type_error(format!("must be real number, not {t}")))
}

fn domain(ts: &mut ThreadState) -> crate::objects::PyErr {
    ts.value_error("math domain error")
}

fn range_error(ts: &mut ThreadState) -> crate::objects::PyErr {
    ts.overflow_error("math range error")
}

/// A one-argument float function with CPython's domain/range checks.
fn unary(ts: &mut ThreadState, args: Args<'_>, name: &str, f: fn(f64) -> f64, ok: fn(f64) -> bool) -> PyResult<Value> {
    let a = positional(ts, name, args, 1, 1)?;
    let x = num(ts, &a[0])?;
    if !ok(x) {
        return Err(domain(ts));
    }
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(ts));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(range_error(ts));
    }
    Ok(Value::Float(r))
}

fn any(_: f64) -> bool {
    true
}

fn sqrt(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    unary(ts, args, "sqrt", f64::sqrt, |x| x >= 0.0 || x.is_nan())
}

fn exp(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    unary(ts, args, "exp", f64::exp, any)
}

fn expm1(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    unary(ts, args, "expm1", f64::exp_m1, any)
}

fn sin(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    unary(ts, args, "sin", f64::sin, |x| !x.is_infinite())
}

fn cos(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    unary(ts, args, "cos", f64::cos, |x| !x.is_infinite())
}

fn tan(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    unary(ts, args, "tan", f64::tan, |x| !x.is_infinite())
}

fn asin(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    unary(ts, args, "asin", f64::asin, |x| (-1.0..=1.0).contains(&x) || x.is_nan())
}

fn acos(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    unary(ts, args, "acos", f64::acos, |x| (-1.0..=1.0).contains(&x) || x.is_nan())
}

fn atan(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    unary(ts, args, "atan", f64::atan, any)
}

fn sinh(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    unary(ts, args, "sinh", f64::sinh, any)
}

fn cosh(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    unary(ts, args, "cosh", f64::cosh, any)
}

fn tanh(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    unary(ts, args, "tanh", f64::tanh, any)
}

fn fabs(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    unary(ts, args, "fabs", f64::abs, any)
}

fn degrees(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    unary(ts, args, "degrees", f64::to_degrees, any)
}

fn radians(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    unary(ts, args, "radians", f64::to_radians, any)
}

fn log1p(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    unary(ts, args, "log1p", f64::ln_1p, |x| x > -1.0 || x.is_nan())
}

/// The natural log of any positive int, even one too big for a float.
fn ln_value(ts: &mut ThreadState, v: &Value) -> PyResult<f64> {
    if let Value::BigInt(b) = v {
        if !b.is_positive() {
            return Err(domain(ts));
        }
        let bits = b.bits();
        if bits > 1000 {
            // As CPython: log(m) + e*log(2) with x == m * 2**e, 0.5 <= m < 1.
            let top: BigInt = &**b >> (bits - 64);
            let m = top.to_f64().unwrap_or(1.0) / 2f64.powi(64);
            return Ok(m.ln() + bits as f64 * std::f64::consts::LN_2);
        }
    }
    let x = num(ts, v)?;
    if x <= 0.0 {
        return Err(domain(ts));
    }
    Ok(x.ln())
}

fn log(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "log", args, 1, 2)?;
    let x = ln_value(ts, &a[0])?;
    match a.get(1) {
        None => Ok(Value::Float(x)),
        Some(b) => {
            let lb = ln_value(ts, b)?;
            if lb == 0.0 {
                return Err(ts.zero_division_error("float division by zero"));
            }
            Ok(Value::Float(x / lb))
        }
    }
}

fn log2(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "log2", args, 1, 1)?;
    if let Value::Int(i) = a[0] {
        if i > 0 {
            return Ok(Value::Float((i as f64).log2()));
        }
    }
    Ok(Value::Float(ln_value(ts, &a[0])? / std::f64::consts::LN_2))
}

fn log10(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "log10", args, 1, 1)?;
    if let Value::Int(i) = a[0] {
        if i > 0 {
            return Ok(Value::Float((i as f64).log10()));
        }
    }
    if let Value::Float(f) = a[0] {
        if f > 0.0 {
            return Ok(Value::Float(f.log10()));
        }
    }
    Ok(Value::Float(ln_value(ts, &a[0])? / std::f64::consts::LN_10))
}

/// `floor`/`ceil`/`trunc`: ints pass through, floats become ints (big ones too).
fn rounding(ts: &mut ThreadState, args: Args<'_>, name: &str, dunder: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let a = positional(ts, name, args, 1, 1)?;
    match &a[0] {
        Value::Int(_) | Value::BigInt(_) => Ok(a[0].clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(x) => {
            if x.is_nan() {
                return Err(ts.value_error("cannot convert float NaN to integer"));
            }
            if x.is_infinite() {
                return Err(ts.overflow_error("cannot convert float infinity to integer"));
            }
            Ok(float_to_int(f(*x)))
        }
        v => match ts.call_special(v, dunder, &[])? {
            Some(r) => Ok(r),
            None => {
                let x = num(ts, v)?;
                Ok(float_to_int(f(x)))
            }
        },
    }
}

fn floor(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    rounding(ts, args, "floor", "__floor__", f64::floor)
}

fn ceil(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    rounding(ts, args, "ceil", "__ceil__", f64::ceil)
}

fn trunc(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    rounding(ts, args, "trunc", "__trunc__", f64::trunc)
}

fn two(ts: &mut ThreadState, args: Args<'_>, name: &str) -> PyResult<(f64, f64)> {
    let a = positional(ts, name, args, 2, 2)?;
    Ok((num(ts, &a[0])?, num(ts, &a[1])?))
}

fn atan2(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (y, x) = two(ts, args, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}

fn pow(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (x, y) = two(ts, args, "pow")?;
    if x == 0.0 && y < 0.0 || (x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0) {
        return Err(domain(ts));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error(ts));
    }
    Ok(Value::Float(r))
}

fn copysign(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (x, y) = two(ts, args, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn fmod(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let (x, y) = two(ts, args, "fmod")?;
    if y == 0.0 && !x.is_nan() || x.is_infinite() {
        return Err(domain(ts));
    }
    Ok(Value::Float(x % y))
}

fn hypot(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let mut acc: f64 = 0.0;
    for v in args.positional() {
        let x = num(ts, v)?;
        acc = acc.hypot(x);
    }
    Ok(Value::Float(acc))
}

fn dist(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "dist", args, 2, 2)?;
    let (p, q) = (ts.collect_items(&a[0])?, ts.collect_items(&a[1])?);
    if p.len() != q.len() {
        return Err(ts.value_error("both points must have the same number of dimensions"));
    }
    let mut acc: f64 = 0.0;
    for (x, y) in p.iter().zip(&q) {
        let d = num(ts, x)? - num(ts, y)?;
        acc = acc.hypot(d);
    }
    Ok(Value::Float(acc))
}

fn test(ts: &mut ThreadState, args: Args<'_>, name: &str, f: fn(f64) -> bool) -> PyResult<Value> {
    let a = positional(ts, name, args, 1, 1)?;
    let x = num(ts, &a[0])?;
    Ok(Value::Bool(f(x)))
}

fn isfinite(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    test(ts, args, "isfinite", f64::is_finite)
}

fn isinf(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    test(ts, args, "isinf", f64::is_infinite)
}

fn isnan(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    test(ts, args, "isnan", f64::is_nan)
}

fn isclose(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = bind(ts, "isclose", args, &["a", "b", "rel_tol", "abs_tol"], 2)?;
    let x = num(ts, a[0].as_ref().unwrap_or(&Value::None))?;
    let y = num(ts, a[1].as_ref().unwrap_or(&Value::None))?;
    let rel = match &a[2] {
        Some(v) => num(ts, v)?,
        None => 1e-9,
    };
    let abs = match &a[3] {
        Some(v) => num(ts, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(ts.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (x - y).abs();
    Ok(Value::Bool(diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs))
}

fn int_param(ts: &mut ThreadState, v: &Value) -> PyResult<BigInt> {
    match int_of(v) {
        Some(i) => Ok(i),
        None => {
            let t = ts.type_of(v).name.clone();
            Err(ts.type_error(format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

fn gcd(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let mut acc = BigInt::zero();
    for v in args.positional() {
        let i = int_param(ts, v)?;
        acc = acc.gcd(&i);
    }
    Ok(Value::from_bigint(acc))
}

fn lcm(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let mut acc = BigInt::from(1);
    for v in args.positional() {
        let i = int_param(ts, v)?;
        acc = if i.is_zero() { BigInt::zero() } else { acc.lcm(&i) };
    }
    Ok(Value::from_bigint(acc.abs()))
}

fn factorial(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "factorial", args, 1, 1)?;
    if let Value::Float(_) = a[0] {
        return Err(ts.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = int_arg(ts, &a[0])?;
    if n < 0 {
        return Err(ts.value_error("factorial() not defined for negative values"));
    }
    if n > 100_000 {
        return Err(ts.overflow_error("factorial() argument should not exceed 100000"));
    }
    let mut acc = BigInt::from(1);
    for i in 2..=n {
        acc *= i;
    }
    Ok(Value::from_bigint(acc))
}

fn comb_perm(ts: &mut ThreadState, args: Args<'_>, name: &str, choose: bool) -> PyResult<Value> {
    let a = positional(ts, name, args, 1, 2)?;
    let n = int_arg(ts, &a[0])?;
    let k = match a.get(1) {
        Some(v) if !v.is_none() => int_arg(ts, v)?,
        _ => n,
    };
    if n < 0 || k < 0 {
        let which = if n < 0 { "n" } else { "k" };
        return Err(ts.value_error(format!("{which} must be a non-negative integer")));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = if choose { k.min(n - k) } else { k };
    let mut acc = BigInt::from(1);
    for i in 0..k {
        acc *= n - i;
        if choose {
            acc /= i + 1;
        }
    }
    Ok(Value::from_bigint(acc))
}

fn comb(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    comb_perm(ts, args, "comb", true)
}

fn perm(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    comb_perm(ts, args, "perm", false)
}

fn isqrt(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "isqrt", args, 1, 1)?;
    let n = int_param(ts, &a[0])?;
    if n.is_negative() {
        return Err(ts.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn fsum(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "fsum", args, 1, 1)?;
    let mut partials: Vec<f64> = Vec::new();
    for v in ts.collect_items(&a[0])? {
        let mut x = num(ts, &v)?;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    Ok(Value::Float(partials.iter().sum()))
}

fn prod(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = bind(ts, "prod", args, &["iterable", "start"], 1)?;
    let mut acc = a[1].clone().unwrap_or(Value::Int(1));
    for v in ts.collect_items(a[0].as_ref().unwrap_or(&Value::None))? {
        acc = ts.binary_op(crate::bytecode::BinOp::Mul, &acc, &v)?;
    }
    Ok(acc)
}

fn modf(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "modf", args, 1, 1)?;
    let x = num(ts, &a[0])?;
    let frac = if x.is_infinite() { 0.0f64.copysign(x) } else { x.fract() };
    Ok(Value::tuple(vec![Value::Float(frac), Value::Float(x.trunc())]))
}

fn frexp(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "frexp", args, 1, 1)?;
    let x = num(ts, &a[0])?;
    let (m, e) = crate::objects::hash::frexp(x.abs());
    Ok(Value::tuple(vec![Value::Float(m.copysign(x)), Value::Int(e as i64)]))
}

fn ldexp(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "ldexp", args, 2, 2)?;
    let x = num(ts, &a[0])?;
    let e = int_arg(ts, &a[1])?.clamp(-2000, 2000) as i32;
    let r = x * 2f64.powi(e);
    if r.is_infinite() && x.is_finite() {
        return Err(range_error(ts));
    }
    Ok(Value::Float(r))
}
