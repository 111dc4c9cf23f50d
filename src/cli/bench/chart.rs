//! The speedup chart (`--svg FILE`): speedup over one thread against the
//! thread count, one line per workload, with the ideal (speedup = threads)
//! dashed. With `--compare`, a second panel on the same scale shows the
//! other interpreter.

use super::measure::{Row, Side};
use super::workloads;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use std::path::Path;

const PANEL_WIDTH: u32 = 520;
const HEIGHT: u32 = 400;
/// Warm colours for the CPU-bound workloads (listed first), cool ones for
/// I/O, purple for mixed: the order of `workloads::ALL`.
const COLOURS: [RGBColor; 6] = [
    RGBColor(214, 39, 40),
    RGBColor(255, 127, 14),
    RGBColor(31, 119, 180),
    RGBColor(23, 190, 207),
    RGBColor(44, 160, 44),
    RGBColor(148, 103, 189),
];

pub fn write(path: &Path, rows: &[Row], compare: Option<&str>) -> Result<(), String> {
    let panels = if compare.is_some() { 2 } else { 1 };
    let root = SVGBackend::new(path, (PANEL_WIDTH * panels, HEIGHT)).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let max_threads = rows.iter().map(|r| r.threads).max().unwrap_or(1) as f64;
    let top = rows
        .iter()
        .flat_map(|r| [Some(r.gilvm.speedup), r.other.as_ref().map(|o| o.speedup)])
        .flatten()
        .fold(max_threads, f64::max);
    let scale = Scale { max_threads, top: top * 1.1 };
    match compare {
        Some(name) => {
            let (left, right) = root.split_horizontally(PANEL_WIDTH);
            panel(&left, "gilvm", rows, |r| Some(&r.gilvm), &scale)?;
            panel(&right, short_name(name), rows, |r| r.other.as_ref(), &scale)?;
        }
        None => panel(&root, "gilvm", rows, |r| Some(&r.gilvm), &scale)?,
    }
    root.present().map_err(err)
}

struct Scale {
    max_threads: f64,
    top: f64,
}

fn panel<'a>(
    area: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    title: &str,
    rows: &'a [Row],
    side: impl Fn(&'a Row) -> Option<&'a Side>,
    scale: &Scale,
) -> Result<(), String> {
    let mut chart = ChartBuilder::on(area)
        .caption(format!("{title}: speedup over 1 thread"), ("sans-serif", 20))
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(44)
        .build_cartesian_2d(0.5..scale.max_threads + 0.5, 0.0..scale.top)
        .map_err(err)?;
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .x_labels(scale.max_threads as usize)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .x_desc("threads")
        .y_desc("speedup")
        .draw()
        .map_err(err)?;
    let ideal = vec![(1.0, 1.0), (scale.max_threads, scale.max_threads)];
    let grey = BLACK.mix(0.4).stroke_width(1);
    chart
        .draw_series([DashedPathElement::new(ideal, 6, 4, grey)])
        .map_err(err)?
        .label("ideal")
        .legend(move |(x, y)| PathElement::new([(x, y), (x + 16, y)], grey));
    for name in workload_names(rows) {
        let colour = colour_of(name);
        let points: Vec<(f64, f64)> = rows
            .iter()
            .filter(|r| r.workload.name == name)
            .filter_map(|r| side(r).map(|s| (r.threads as f64, s.speedup)))
            .collect();
        chart
            .draw_series(points.iter().map(|&p| Circle::new(p, 3, colour.filled())))
            .map_err(err)?;
        chart
            .draw_series([PathElement::new(points, colour.stroke_width(2))])
            .map_err(err)?
            .label(name)
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 16, y)], colour.stroke_width(2)));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK.mix(0.3))
        .draw()
        .map_err(err)
}

/// Workload names in the order they were run, each once.
fn workload_names(rows: &[Row]) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for row in rows {
        if !names.contains(&row.workload.name) {
            names.push(row.workload.name);
        }
    }
    names
}

/// The same colour for a workload whichever others are drawn beside it.
fn colour_of(name: &str) -> RGBColor {
    let index = workloads::ALL.iter().position(|w| w.name == name).unwrap_or(0);
    COLOURS[index % COLOURS.len()]
}

fn short_name(interpreter: &str) -> &str {
    interpreter.rsplit('/').next().unwrap_or(interpreter)
}

fn err(e: impl std::fmt::Display) -> String {
    format!("cannot draw the chart: {e}")
}
