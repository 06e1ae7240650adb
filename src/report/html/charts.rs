//! Chart geometry for the HTML report. The SVG elements are written by the templates
//! (`charts.html`), so every label passes the template engine's escaping; this module
//! only places bars and points. Plain SVG with CSS classes: no font files, no script.

use crate::report::fixed;
use serde::Serialize;

/// One bar (or point) of a chart, already placed.
#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    pub label: String,
    /// The value as shown.
    pub text: String,
    pub x: String,
    pub y: String,
    pub w: String,
    pub h: String,
    /// CSS class: `good`, `mid`, `bad`, or `none` when there is no value.
    pub class: &'static str,
}

/// A placed chart: its size, its bars, and for a line chart the polyline points.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    pub width: u32,
    pub height: u32,
    pub bars: Vec<Bar>,
    pub points: String,
    /// Accessible summary of the chart.
    pub title: String,
}

fn px(v: f64) -> String {
    fixed(v, 1)
}

/// Colour class of a rate in 0..=1.
fn class_of(rate: f64) -> &'static str {
    if rate >= 0.9 {
        "good"
    } else if rate >= 0.7 {
        "mid"
    } else {
        "bad"
    }
}

/// Horizontal bars of rates in 0..=1 (step pass rates, fail rates), one row each;
/// `None` is a step that never applied. `good_high` says whether a high rate is good.
pub fn rate_bars(title: &str, items: &[(String, Option<f64>)], good_high: bool) -> Chart {
    const LABEL: f64 = 190.0;
    const BAR: f64 = 330.0;
    const ROW: f64 = 22.0;
    let bars = items
        .iter()
        .enumerate()
        .map(|(i, (label, rate))| {
            let r = rate.unwrap_or(0.0).clamp(0.0, 1.0);
            Bar {
                label: label.clone(),
                text: rate.map_or("n/a".into(), |r| format!("{}%", fixed(r * 100.0, 1))),
                x: px(LABEL),
                y: px(i as f64 * ROW + 4.0),
                w: px(r * BAR),
                h: px(ROW - 6.0),
                class: match rate {
                    None => "none",
                    Some(r) if good_high => class_of(*r),
                    Some(r) => class_of(1.0 - r),
                },
            }
        })
        .collect();
    Chart {
        width: (LABEL + BAR + 70.0) as u32,
        height: (items.len() as f64 * ROW + 8.0) as u32,
        bars,
        points: String::new(),
        title: title.to_string(),
    }
}

/// Vertical bars of counts (a histogram), labels under the bars.
pub fn count_bars(title: &str, items: &[(String, u64)]) -> Chart {
    const H: f64 = 160.0;
    const COL: f64 = 52.0;
    let max = items.iter().map(|i| i.1).max().unwrap_or(0).max(1) as f64;
    let bars = items
        .iter()
        .enumerate()
        .map(|(i, (label, n))| {
            let h = *n as f64 / max * H;
            Bar {
                label: label.clone(),
                text: n.to_string(),
                x: px(i as f64 * COL + 10.0),
                y: px(20.0 + H - h),
                w: px(COL - 10.0),
                h: px(h),
                class: "count",
            }
        })
        .collect();
    Chart {
        width: (items.len() as f64 * COL + 20.0) as u32,
        height: (H + 50.0) as u32,
        bars,
        points: String::new(),
        title: title.to_string(),
    }
}

/// A line of scores (0..=100) over days, a dot and label per day.
pub fn score_line(title: &str, items: &[(String, f64)]) -> Chart {
    const H: f64 = 140.0;
    const COL: f64 = 70.0;
    let place = |i: usize, v: f64| {
        (
            i as f64 * COL + 40.0,
            20.0 + H - v.clamp(0.0, 100.0) / 100.0 * H,
        )
    };
    let bars: Vec<Bar> = items
        .iter()
        .enumerate()
        .map(|(i, (label, v))| {
            let (x, y) = place(i, *v);
            Bar {
                label: label.clone(),
                text: fixed(*v, 1),
                x: px(x),
                y: px(y),
                w: String::new(),
                h: String::new(),
                class: class_of(v / 100.0),
            }
        })
        .collect();
    let points = bars
        .iter()
        .map(|b| format!("{},{}", b.x, b.y))
        .collect::<Vec<_>>()
        .join(" ");
    Chart {
        width: (items.len() as f64 * COL + 60.0) as u32,
        height: (H + 60.0) as u32,
        bars,
        points,
        title: title.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_their_values() {
        let c = rate_bars(
            "t",
            &[
                ("a".into(), Some(1.0)),
                ("b".into(), Some(0.5)),
                ("c".into(), None),
            ],
            true,
        );
        assert_eq!(c.bars[0].w, "330.0");
        assert_eq!(c.bars[1].w, "165.0");
        assert_eq!((c.bars[1].class, c.bars[2].class), ("bad", "none"));
        assert_eq!(c.bars[2].text, "n/a");
        let h = count_bars("t", &[("0".into(), 2), ("1".into(), 4)]);
        assert_eq!(
            (h.bars[0].h.as_str(), h.bars[1].h.as_str()),
            ("80.0", "160.0")
        );
        let l = score_line("t", &[("d1".into(), 100.0), ("d2".into(), 50.0)]);
        assert_eq!(l.points, "40.0,20.0 110.0,90.0");
    }
}
