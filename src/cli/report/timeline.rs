//! `--gil-timeline FILE`: the GIL timeline as a self-contained SVG, drawn
//! with plotters' SVG backend (text is emitted as SVG `<text>`, so no font
//! file is read). One lane per thread, coloured by what the thread was doing:
//! running (holding the GIL), waiting for the GIL, or blocked in a call with
//! the GIL released; a time axis; a legend.
//!
//! A run can hold millions of spans, more than a picture can show: each lane
//! is cut into one bin per pixel column and each bin takes the colour of the
//! state that filled most of it, then equal neighbours merge into one
//! rectangle — at most one rectangle per pixel column per lane.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::lanes::{Lane, Lanes};
use crate::vm::gil_stats::GilReport;
use crate::vm::gil_trace::What;

const WIDTH: u32 = 1200;
const HEADER: u32 = 48;
const LANE_HEIGHT: u32 = 28;
const AXIS: u32 = 60;
const LABEL_WIDTH: u32 = 170;

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Running,
    Waiting,
    Blocked,
}

const STATES: [(State, &str, RGBColor); 3] = [
    (State::Running, "running (holds the GIL)", RGBColor(44, 160, 44)),
    (State::Waiting, "waiting for the GIL", RGBColor(214, 39, 40)),
    (State::Blocked, "blocked in I/O, sleep or a lock (GIL released)", RGBColor(31, 119, 180)),
];

const LANE_BACKGROUND: RGBColor = RGBColor(236, 236, 236);

type DrawResult = Result<(), String>;

pub fn write(path: &str, lanes: &Lanes, report: &GilReport) -> DrawResult {
    let n = lanes.lanes.len().max(1);
    let height = HEADER + LANE_HEIGHT * n as u32 + AXIS;
    let root = SVGBackend::new(path, (WIDTH, height)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let (header, body) = root.split_vertically(HEADER);
    draw_header(&header, lanes, report)?;
    let (start, end) = (lanes.start(), lanes.end.max(lanes.start() + 1));
    let (unit, scale) = if end - start >= 10_000_000_000 { ("s", 1e9) } else { ("ms", 1e6) };
    let x_end = (end - start) as f64 / scale;
    let mut chart = ChartBuilder::on(&body)
        .margin_right(30)
        .x_label_area_size(40)
        .y_label_area_size(LABEL_WIDTH)
        .build_cartesian_2d(0f64..x_end, 0f64..n as f64)
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .disable_y_axis()
        .x_desc(format!("time ({unit})"))
        .x_labels(12)
        .draw()
        .map_err(|e| e.to_string())?;
    let bins = chart.plotting_area().dim_in_pixel().0.max(1) as usize;
    // Lane `i` (0 at the top) spans y from n-1-i+0.15 to n-1-i+0.85.
    let band = |i: usize| ((n - 1 - i) as f64 + 0.15, (n - 1 - i) as f64 + 0.85);
    let backgrounds = (0..lanes.lanes.len()).map(|i| Rectangle::new([(0.0, band(i).0), (x_end, band(i).1)], LANE_BACKGROUND.filled()));
    chart.draw_series(backgrounds).map_err(|e| e.to_string())?;
    let runs: Vec<Vec<(usize, usize, State)>> = lanes.lanes.iter().map(|lane| state_runs(lane, start, end, bins)).collect();
    let bin_width = x_end / bins as f64;
    for (state, _, colour) in STATES {
        let rects = runs.iter().enumerate().flat_map(|(i, lane_runs)| {
            let (y0, y1) = band(i);
            lane_runs
                .iter()
                .filter(move |run| run.2 == state)
                .map(move |&(from, to, _)| Rectangle::new([(from as f64 * bin_width, y0), (to as f64 * bin_width, y1)], colour.filled()))
        });
        chart.draw_series(rects).map_err(|e| e.to_string())?;
    }
    let label_style = ("sans-serif", 14).into_font().color(&BLACK).pos(Pos::new(HPos::Left, VPos::Center));
    for (i, lane) in lanes.lanes.iter().enumerate() {
        let (y0, y1) = band(i);
        let (_, y) = chart.backend_coord(&(0.0, (y0 + y1) / 2.0));
        let name: String = lane.name.chars().take(22).collect();
        root.draw(&Text::new(name, (8, y), label_style.clone())).map_err(|e| e.to_string())?;
    }
    root.present().map_err(|e| e.to_string())
}

fn draw_header<DB: DrawingBackend>(area: &DrawingArea<DB, plotters::coord::Shift>, lanes: &Lanes, report: &GilReport) -> DrawResult {
    let title = format!(
        "GIL timeline: {} threads, switch interval {:.3} ms, {} switches",
        lanes.lanes.len(),
        report.switch_interval.as_secs_f64() * 1000.0,
        report.switches
    );
    let text = |s: &str, x: i32, y: i32, size: u32| Text::new(s.to_string(), (x, y), ("sans-serif", size).into_font().color(&BLACK));
    area.draw(&text(&title, 8, 6, 16)).map_err(|e| e.to_string())?;
    let mut x = 8;
    for (_, label, colour) in STATES {
        area.draw(&Rectangle::new([(x, 28), (x + 14, 42)], colour.filled())).map_err(|e| e.to_string())?;
        area.draw(&text(label, x + 20, 28, 13)).map_err(|e| e.to_string())?;
        x += 40 + 7 * label.len() as i32;
    }
    Ok(())
}

/// The lane's states cut into `bins` columns from `start` to `end`: runs of
/// equal columns as (first, past-last, state), empty columns left out.
fn state_runs(lane: &Lane, start: u64, end: u64, bins: usize) -> Vec<(usize, usize, State)> {
    let span = (end - start) as f64;
    let mut share = vec![[0f64; 3]; bins];
    for record in &lane.records {
        let state = match record.what {
            What::Hold => State::Running,
            What::Wait => State::Waiting,
            What::Blocked(_) => State::Blocked,
            _ => continue,
        };
        let from = (record.start.saturating_sub(start)) as f64 / span * bins as f64;
        let to = (record.end.saturating_sub(start)) as f64 / span * bins as f64;
        add_share(&mut share, from, to, state as usize);
    }
    let mut runs: Vec<(usize, usize, State)> = Vec::new();
    for (bin, s) in share.iter().enumerate() {
        let Some(best) = (0..3).filter(|&k| s[k] > 0.0).max_by(|&a, &b| s[a].total_cmp(&s[b])) else { continue };
        let state = STATES[best].0;
        match runs.last_mut() {
            Some(run) if run.1 == bin && run.2 == state => run.1 = bin + 1,
            _ => runs.push((bin, bin + 1, state)),
        }
    }
    runs
}

/// Adds the interval [from, to) (in bins, fractional) to column `k` of each bin it covers.
fn add_share(share: &mut [[f64; 3]], from: f64, to: f64, k: usize) {
    let last = share.len().saturating_sub(1);
    let first_bin = (from.floor() as usize).min(last);
    let last_bin = (to.ceil() as usize).saturating_sub(1).clamp(first_bin, last);
    for (bin, s) in share.iter_mut().enumerate().take(last_bin + 1).skip(first_bin) {
        let overlap = to.min(bin as f64 + 1.0) - from.max(bin as f64);
        if overlap > 0.0 {
            s[k] += overlap;
        }
    }
}
