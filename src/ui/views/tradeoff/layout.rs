//! Where each mode's point goes on the trade-off chart, how big its latency halo is, and on
//! which side its label sits so close points do not cover each other's names. Plain data,
//! tested natively.

use crate::core::eval::EvalReport;
use crate::core::modes::Mode;
use crate::ui::components::chart::Linear;

/// The SVG canvas.
pub(crate) const WIDTH: f64 = 540.0;
/// The SVG canvas.
pub(crate) const HEIGHT: f64 = 420.0;
/// Where the axes are drawn.
pub(crate) const AXIS_LEFT: f64 = 70.0;
/// Where the axes are drawn.
pub(crate) const AXIS_BOTTOM: f64 = 352.0;
/// Where 0% and 100% fall: inset from the axes, so points at the extremes stay clear of them
/// and their labels fit.
pub(crate) const LEFT: f64 = 88.0;
/// x of 100% knowledge.
pub(crate) const RIGHT: f64 = 512.0;
/// y of 100% format.
pub(crate) const TOP: f64 = 40.0;
/// y of 0% format.
pub(crate) const BOTTOM: f64 = 334.0;
/// Smallest and largest halo radius (the halo's area grows with mean latency: a coarse
/// browser clock makes medians of sub-millisecond times unreliable).
pub(crate) const HALO: (f64, f64) = (10.0, 30.0);

/// Knowledge accuracy to x.
pub(crate) fn x_scale() -> Linear {
    Linear::new((0.0, 1.0), (LEFT, RIGHT))
}

/// Format compliance to y.
pub(crate) fn y_scale() -> Linear {
    Linear::new((0.0, 1.0), (BOTTOM, TOP))
}

/// Which side of its marker a label is drawn on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    /// To the right.
    Right,
    /// To the left.
    Left,
    /// Above.
    Above,
    /// Below.
    Below,
}

/// One mode's point.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PlotPoint {
    /// Which mode.
    pub(crate) mode: Mode,
    /// Knowledge accuracy (0 when not measured).
    pub(crate) knowledge: f64,
    /// Format compliance (0 when not measured).
    pub(crate) format: f64,
    /// Mean answer time, ms.
    pub(crate) latency_ms: f64,
    /// SVG position.
    pub(crate) x: f64,
    /// SVG position.
    pub(crate) y: f64,
    /// Halo radius (area proportional to mean latency, relative to the slowest mode).
    pub(crate) halo: f64,
    /// Where the label goes.
    pub(crate) side: Side,
}

/// Points closer than this (SVG units) get their labels pushed apart.
const CROWDED: f64 = 70.0;

/// The four points of `report`.
pub(crate) fn plot_points(report: &EvalReport) -> Vec<PlotPoint> {
    let (xs, ys) = (x_scale(), y_scale());
    let slowest = Mode::ALL
        .iter()
        .map(|m| report.modes.get(*m).latency_ms_mean)
        .fold(0.0, f64::max);
    let mut points: Vec<PlotPoint> = Mode::ALL
        .iter()
        .map(|&mode| {
            let m = report.modes.get(mode);
            let knowledge = m.knowledge_accuracy.unwrap_or(0.0);
            let format = m.format_compliance.unwrap_or(0.0);
            let share = if slowest > 0.0 {
                (m.latency_ms_mean / slowest).clamp(0.0, 1.0)
            } else {
                0.0
            };
            PlotPoint {
                mode,
                knowledge,
                format,
                latency_ms: m.latency_ms_mean,
                x: xs.at(knowledge),
                y: ys.at(format),
                halo: HALO.0 + (HALO.1 - HALO.0) * share.sqrt(),
                side: Side::Right,
            }
        })
        .collect();
    place_labels(&mut points);
    points
}

/// Labels go right, or left near the right edge; of two crowded points the one further left
/// takes the left side, and of two stacked on the same x the higher one's label goes above.
fn place_labels(points: &mut [PlotPoint]) {
    for p in points.iter_mut() {
        p.side = if p.x > RIGHT - 110.0 {
            Side::Left
        } else {
            Side::Right
        };
    }
    for i in 0..points.len() {
        for j in i + 1..points.len() {
            let (dx, dy) = (points[j].x - points[i].x, points[j].y - points[i].y);
            if dx.hypot(dy) >= CROWDED || dy.abs() >= 24.0 {
                continue;
            }
            if dx.abs() < 8.0 {
                let i_higher = points[i].y <= points[j].y;
                points[i].side = if i_higher { Side::Above } else { Side::Below };
                points[j].side = if i_higher { Side::Below } else { Side::Above };
            } else if dx > 0.0 {
                points[i].side = Side::Left;
                points[j].side = Side::Right;
            } else {
                points[i].side = Side::Right;
                points[j].side = Side::Left;
            }
        }
    }
}

/// The label's offset from the point and its text anchor for `side`, clear of a halo of
/// radius `halo`.
pub(crate) fn label_offset(side: Side, halo: f64) -> (f64, f64, &'static str) {
    let gap = halo.max(12.0) + 4.0;
    match side {
        Side::Right => (gap, 5.0, "start"),
        Side::Left => (-gap, 5.0, "end"),
        Side::Above => (0.0, -gap, "middle"),
        Side::Below => (0.0, gap + 12.0, "middle"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::eval::ModeMetrics;

    fn metrics(knowledge: f64, format: f64, latency: f64) -> ModeMetrics {
        ModeMetrics {
            knowledge_accuracy: Some(knowledge),
            format_compliance: Some(format),
            latency_ms_mean: latency,
            ..ModeMetrics::default()
        }
    }

    fn report(points: [(f64, f64, f64); 4]) -> EvalReport {
        let mut r = EvalReport::default();
        let [b, g, t, h] = points.map(|(k, f, l)| metrics(k, f, l));
        r.modes.base = b;
        r.modes.rag = g;
        r.modes.tuned = t;
        r.modes.both = h;
        r
    }

    #[test]
    fn positions_are_the_scores_on_the_axes() {
        let points = plot_points(&report([
            (0.0, 0.0, 0.0),
            (0.9, 0.0, 0.1),
            (0.4, 1.0, 0.02),
            (0.9, 1.0, 0.12),
        ]));
        let rag = &points[1];
        assert_eq!(rag.mode, Mode::Rag);
        assert_eq!(rag.x, LEFT + 0.9 * (RIGHT - LEFT));
        assert_eq!(rag.y, BOTTOM);
        assert_eq!(points[2].y, TOP);
        assert_eq!(points[0].halo, HALO.0, "no latency, smallest halo");
        assert_eq!(points[3].halo, HALO.1, "slowest, largest halo");
        assert!(points[1].halo > points[2].halo);
    }

    #[test]
    fn crowded_labels_move_apart() {
        let points = plot_points(&report([
            (0.0, 0.0, 0.0),
            (0.42, 0.0, 0.1),
            (0.39, 1.0, 0.02),
            (0.42, 1.0, 0.1),
        ]));
        assert_eq!(points[2].side, Side::Left, "tuned, a little to the left");
        assert_eq!(points[3].side, Side::Right);
        let stacked = plot_points(&report([
            (0.0, 0.0, 0.0),
            (0.5, 0.0, 0.1),
            (0.5, 0.99, 0.02),
            (0.5, 1.0, 0.1),
        ]));
        assert_eq!(
            (stacked[2].side, stacked[3].side),
            (Side::Below, Side::Above)
        );
        assert_eq!(stacked[0].side, Side::Right);
    }
}
