//! The `time` module. Local time is UTC (gilvm reads no time-zone database).

use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::builtins::args::{int_arg, positional, str_arg};
use crate::builtins::structseq::{new_struct_seq, StructSeq};
use crate::objects::num::float_of;
use crate::objects::{Args, Gc, NativeFnPtr, PyModule, PyResult, Value};
use crate::vm::ThreadState;

pub fn init(ts: &mut ThreadState) -> PyResult<Gc<PyModule>> {
    let m = PyModule::new(ts, "time");
    m.set(ts, "timezone", Value::Int(0));
    m.set(ts, "altzone", Value::Int(0));
    m.set(ts, "daylight", Value::Int(0));
    m.set(ts, "tzname", Value::tuple(vec![Value::str("UTC"), Value::str("UTC")]));
    let functions: &[(&'static str, NativeFnPtr)] = &[
        ("time", time),
        ("time_ns", time_ns),
        ("sleep", sleep),
        ("perf_counter", monotonic),
        ("perf_counter_ns", monotonic_ns),
        ("monotonic", monotonic),
        ("monotonic_ns", monotonic_ns),
        ("process_time", monotonic),
        ("thread_time", monotonic),
        ("localtime", gmtime),
        ("gmtime", gmtime),
        ("mktime", mktime),
        ("strftime", strftime),
        ("ctime", ctime),
        ("asctime", asctime),
    ];
    for &(name, f) in functions {
        m.add_fn(ts, name, f);
    }
    Ok(m)
}

fn since_epoch() -> Duration {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default()
}

fn time(_ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(since_epoch().as_secs_f64()))
}

fn time_ns(_ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::from_bigint(since_epoch().as_nanos().into()))
}

/// The process-wide origin of the monotonic clocks.
fn origin() -> Instant {
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    *ORIGIN.get_or_init(Instant::now)
}

fn monotonic(_ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(origin().elapsed().as_secs_f64() + 1.0))
}

fn monotonic_ns(_ts: &mut ThreadState, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::from_bigint((origin().elapsed().as_nanos() + 1_000_000_000).into()))
}

fn sleep(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "sleep", args, 1, 1)?;
    let Some(secs) = float_of(ts, &a[0])? else {
        let t = ts.type_of(&a[0]).name.clone();
        return Err(ts.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    };
    if secs.is_nan() {
        return Err(ts.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(ts.value_error("sleep length must be non-negative"));
    }
    if secs == 0.0 {
        ts.allow_threads_as(crate::vm::gil_stats::BlockingKind::Sleep, std::thread::yield_now);
        return Ok(Value::None);
    }
    if secs > 1e10 {
        return Err(ts.overflow_error("sleep length is too large"));
    }
    ts.interruptible_sleep(Duration::from_secs_f64(secs))?;
    Ok(Value::None)
}

/// Broken-down UTC time: (year, month, day, hour, minute, second, weekday (Mon=0), yearday).
struct Tm {
    year: i64,
    mon: i64,
    mday: i64,
    hour: i64,
    min: i64,
    sec: i64,
    wday: i64,
    yday: i64,
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn broken_down(t: i64) -> Tm {
    let days = t.div_euclid(86400);
    let secs = t.rem_euclid(86400);
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let mday = doy - (153 * mp + 2) / 5 + 1;
    let mon = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(mon <= 2);
    let yday = days - days_from_civil(year, 1, 1) + 1;
    Tm { year, mon, mday, hour: secs / 3600, min: secs % 3600 / 60, sec: secs % 60, wday: (days + 3).rem_euclid(7), yday }
}

const TM_FIELDS: &[&str] =
    &["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"];

fn struct_time(ts: &mut ThreadState, tm: &Tm) -> Value {
    let ints = [tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday, 0];
    let mut values: Vec<Value> = ints.iter().map(|&i| Value::Int(i)).collect();
    values.push(Value::str("UTC"));
    values.push(Value::Int(0));
    let class = ts.types().struct_time.clone();
    new_struct_seq(ts, class, StructSeq { qualified_name: "time.struct_time", names: TM_FIELDS, visible: 9, values })
}

/// Seconds since the epoch from an optional argument (default: now).
fn seconds_arg(ts: &mut ThreadState, a: &[Value]) -> PyResult<i64> {
    match a.first() {
        None | Some(Value::None) => Ok(since_epoch().as_secs() as i64),
        Some(v) => match float_of(ts, v)? {
            Some(f) if f.is_finite() => Ok(f.floor() as i64),
            Some(_) => Err(ts.value_error("Invalid value NaN (not a number)")),
            None => {
                let t = ts.type_of(v).name.clone();
                Err(ts.type_error(format!("'{t}' object cannot be interpreted as an integer")))
            }
        },
    }
}

fn gmtime(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "gmtime", args, 0, 1)?;
    let t = seconds_arg(ts, a)?;
    Ok(struct_time(ts, &broken_down(t)))
}

/// A struct_time or 9-tuple back into its fields.
fn tm_arg(ts: &mut ThreadState, v: &Value) -> PyResult<Tm> {
    let items = ts.collect_items(v)?;
    if items.len() < 9 {
        return Err(ts.type_error("time.struct_time() takes a sequence of length 9"));
    }
    let mut n = [0i64; 8];
    for (slot, item) in n.iter_mut().zip(&items) {
        *slot = int_arg(ts, item)?;
    }
    Ok(Tm { year: n[0], mon: n[1], mday: n[2], hour: n[3], min: n[4], sec: n[5], wday: n[6], yday: n[7] })
}

fn mktime(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "mktime", args, 1, 1)?;
    let tm = tm_arg(ts, &a[0])?;
    let days = days_from_civil(tm.year, tm.mon, tm.mday);
    Ok(Value::Float((days * 86400 + tm.hour * 3600 + tm.min * 60 + tm.sec) as f64))
}

const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

fn format_tm(fmt: &str, tm: &Tm) -> String {
    let day = DAYS[tm.wday.rem_euclid(7) as usize];
    let month = MONTHS[(tm.mon - 1).rem_euclid(12) as usize];
    let hour12 = if tm.hour % 12 == 0 { 12 } else { tm.hour % 12 };
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(spec) = chars.next() else {
            out.push('%');
            break;
        };
        let piece = match spec {
            'Y' => tm.year.to_string(),
            'y' => format!("{:02}", tm.year.rem_euclid(100)),
            'm' => format!("{:02}", tm.mon),
            'd' => format!("{:02}", tm.mday),
            'e' => format!("{:2}", tm.mday),
            'H' => format!("{:02}", tm.hour),
            'I' => format!("{:02}", hour12),
            'M' => format!("{:02}", tm.min),
            'S' => format!("{:02}", tm.sec),
            'j' => format!("{:03}", tm.yday),
            'a' => day[..3].to_string(),
            'A' => day.to_string(),
            'b' | 'h' => month[..3].to_string(),
            'B' => month.to_string(),
            'p' => if tm.hour < 12 { "AM" } else { "PM" }.to_string(),
            'Z' => "UTC".to_string(),
            'z' => "+0000".to_string(),
            'w' => ((tm.wday + 1) % 7).to_string(),
            'u' => (tm.wday + 1).to_string(),
            'c' => format_tm("%a %b %e %H:%M:%S %Y", tm),
            'x' => format_tm("%m/%d/%y", tm),
            'X' | 'T' => format_tm("%H:%M:%S", tm),
            'D' => format_tm("%m/%d/%y", tm),
            'F' => format_tm("%Y-%m-%d", tm),
            'R' => format_tm("%H:%M", tm),
            'n' => "\n".to_string(),
            't' => "\t".to_string(),
            '%' => "%".to_string(),
            other => format!("%{other}"),
        };
        out.push_str(&piece);
    }
    out
}

fn strftime(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "strftime", args, 1, 2)?;
    let fmt = str_arg(ts, &a[0], "strftime() argument 1")?.to_string();
    let tm = match a.get(1) {
        Some(t) => tm_arg(ts, t)?,
        None => broken_down(since_epoch().as_secs() as i64),
    };
    Ok(Value::str(&format_tm(&fmt, &tm)))
}

fn ctime(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "ctime", args, 0, 1)?;
    let t = seconds_arg(ts, a)?;
    Ok(Value::str(&format_tm("%a %b %e %H:%M:%S %Y", &broken_down(t))))
}

fn asctime(ts: &mut ThreadState, args: Args<'_>) -> PyResult<Value> {
    let a = positional(ts, "asctime", args, 0, 1)?;
    let tm = match a.first() {
        Some(t) => tm_arg(ts, t)?,
        None => broken_down(since_epoch().as_secs() as i64),
    };
    Ok(Value::str(&format_tm("%a %b %e %H:%M:%S %Y", &tm)))
}
