//! A native module whose blocking function releases the GIL: four script
//! threads each call it for 300 ms and the calls overlap (about 300 ms in all,
//! not 1200 ms), while a CPU-bound script thread keeps running.
//!
//! `cargo run --release --example embed_native`

use std::time::{Duration, Instant};

use gilvm::{Interpreter, NativeModule};

fn main() -> Result<(), gilvm::Error> {
    let origin = Instant::now();
    let device = NativeModule::new("device")
        .exception("DeviceError", "OSError")
        .function("read", "channel, *, ms=300", move |py, (channel, ms): (i64, u64)| {
            if channel < 0 {
                return Err(gilvm::Error::new("device.DeviceError", format!("no channel {channel}")));
            }
            // Blocking work with the GIL released: the closure is `Send`, so
            // it cannot touch script objects.
            let (start, end) = py.allow_threads(move || {
                let start = origin.elapsed();
                std::thread::sleep(Duration::from_millis(ms));
                (start, origin.elapsed())
            });
            Ok((channel, start.as_secs_f64() * 1000.0, end.as_secs_f64() * 1000.0))
        });
    let interp = Interpreter::builder().module(device).build()?;
    let started = Instant::now();
    interp.run(
        r#"
import device, threading
spans = []
counted = [0]
def reader(ch):
    spans.append(device.read(ch))
def counter():
    while len(spans) < 4:
        counted[0] += 1
threads = [threading.Thread(target=reader, args=(ch,)) for ch in range(4)]
busy = threading.Thread(target=counter)
busy.start()
for t in threads: t.start()
for t in threads: t.join()
busy.join()
try:
    device.read(-1)
except device.DeviceError as e:
    error = f"{type(e).__name__}: {e}"
"#,
    )?;
    let total = started.elapsed();
    let mut spans: Vec<(i64, f64, f64)> = interp.global("spans")?;
    spans.sort_by(|a, b| a.1.total_cmp(&b.1));
    for (channel, start, end) in &spans {
        println!("channel {channel}: blocked from {start:7.1} ms to {end:7.1} ms");
    }
    let overlap = spans.iter().map(|s| s.1).fold(0.0, f64::max) < spans.iter().map(|s| s.2).fold(f64::MAX, f64::min);
    println!("four 300 ms calls took {:.0} ms in all (overlapping: {overlap})", total.as_secs_f64() * 1000.0);
    println!("the CPU-bound thread counted to {} meanwhile", interp.eval::<i64>("counted[0]")?);
    println!("{}", interp.global::<String>("error")?);
    Ok(())
}
