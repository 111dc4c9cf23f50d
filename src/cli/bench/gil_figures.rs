//! Reads the GIL figures a gilvm child wrote with `--gil-stats-json FILE`.
//!
//! Only the `total` object is used: its `acquisitions` (each one a switch of
//! the GIL to a thread), `forced_drops`, and the wait time per acquisition.

use serde_json::Value;

/// What the bench table shows of one run's GIL statistics.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GilFigures {
    pub switches: u64,
    pub forced_drops: u64,
    pub mean_wait_s: f64,
}

pub fn read(path: &std::path::Path) -> Result<GilFigures, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    parse(&text)
}

pub fn parse(text: &str) -> Result<GilFigures, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("GIL stats are not JSON: {e}"))?;
    let total = value.get("total").ok_or("GIL stats have no \"total\"")?;
    let count = |field: &str| {
        total.get(field).and_then(Value::as_u64).ok_or_else(|| format!("GIL stats total has no integer \"{field}\""))
    };
    let switches = count("acquisitions")?;
    let forced_drops = count("forced_drops")?;
    Ok(GilFigures { switches, forced_drops, mean_wait_s: mean_wait(total, switches)? })
}

/// The mean over all acquisitions of every thread: the total wait divided by
/// the total count (a mean of the per-thread means would weigh a thread that
/// switched twice like one that switched a thousand times).
fn mean_wait(total: &Value, switches: u64) -> Result<f64, String> {
    if let Some(wait) = seconds(total, "wait_total") {
        return Ok(if switches == 0 { 0.0 } else { wait / switches as f64 });
    }
    seconds(total, "wait_mean").ok_or_else(|| "GIL stats total has no wait time".to_string())
}

/// A time in seconds, named `field` or `field_s` (both spellings exist).
fn seconds(object: &Value, field: &str) -> Option<f64> {
    object.get(field).or_else(|| object.get(format!("{field}_s").as_str())).and_then(Value::as_f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_are_read_and_the_mean_weighs_every_acquisition() {
        let text = r#"{"switch_interval_s": 0.005, "wall_s": 1.0, "threads": [],
            "total": {"acquisitions": 4, "forced_drops": 1, "wait_total_s": 0.002, "wait_mean_s": 0.1}}"#;
        let figures = parse(text).unwrap();
        assert_eq!(figures.switches, 4);
        assert_eq!(figures.forced_drops, 1);
        assert!((figures.mean_wait_s - 0.0005).abs() < 1e-12);
    }

    #[test]
    fn times_may_be_named_without_the_unit() {
        let text = r#"{"total": {"acquisitions": 2, "forced_drops": 0, "wait_mean": 0.25}}"#;
        assert_eq!(parse(text).unwrap().mean_wait_s, 0.25);
    }

    #[test]
    fn missing_fields_are_errors() {
        assert!(parse("{}").is_err());
        assert!(parse(r#"{"total": {"acquisitions": 1}}"#).is_err());
        assert!(parse("not json").is_err());
    }
}
