//! Runs a script, calls one of its functions, reads a global.
//!
//! `cargo run --release --example embed_basic`

use gilvm::{Interpreter, Object};

const SCRIPT: &str = r#"
inventory = {"apples": 3, "pears": 5}

def restock(item, count=10):
    inventory[item] = inventory.get(item, 0) + count
    return inventory[item]

def report():
    return ", ".join(f"{k}={v}" for k, v in sorted(inventory.items()))
"#;

fn main() -> Result<(), gilvm::Error> {
    let interp = Interpreter::builder().build()?;
    interp.run(SCRIPT)?;

    let pears: i64 = interp.call("restock", ("pears",))?;
    println!("restock('pears') -> {pears}");

    let figs = interp.with(|py| {
        let restock: Object = py.global("restock")?;
        let count = py.object(2)?;
        restock.call_kw(py, ("figs",), vec![("count", count)])?.extract::<i64>(py)
    })?;
    println!("restock('figs', count=2) -> {figs}");

    let inventory: std::collections::HashMap<String, i64> = interp.global("inventory")?;
    println!("inventory has {} items; report(): {}", inventory.len(), interp.call::<String>("report", ())?);

    match interp.call::<i64>("restock", ()) {
        Ok(_) => println!("unexpected success"),
        Err(e) => println!("calling restock() raised:\n{e}"),
    }
    Ok(())
}
