//! Where each mode's point goes on the trade-off chart, how big its latency halo is, and on
//! which side its label sits so that no label covers another label or any point's halo.
//! Plain data, tested natively.

use crate::core::eval::EvalReport;
use crate::core::modes::Mode;
use crate::ui::components::chart::{mode_short, Linear};

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
    /// To the right, raised to end just below the point's centre: beside a point near 0%, a
    /// centred label would cross the x axis.
    UpRight,
    /// To the left, raised the same way.
    UpLeft,
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

/// A band above the canvas for the y axis title; labels drawn above a point at 100% may use
/// its lower part.
pub(crate) const TITLE_BAND: f64 = 44.0;

/// Label type in SVG units: the phone's sizes (tradeoff.css), the larger, so a placement clear
/// there is clear on a desktop, where the same label is smaller. The value line sits
/// [`VALUE_LINE`] below the name.
const NAME_PX: f64 = 22.0;
const VALUE_PX: f64 = 19.0;
/// The value line's offset below the name, in ems of the value's type (SVG `dy`), so it
/// follows the type size on every screen.
pub(crate) const VALUE_LINE: f64 = 1.2;
/// Average glyph advance per unit of type size (bold DejaVu Sans measures about 0.61).
const GLYPH: f64 = 0.62;
/// Above a baseline and below one, as shares of the type size.
const ASCENT: f64 = 0.78;
const DESCENT: f64 = 0.24;
/// Where a label may go: right of the y axis, above the x axis, not into the axis title.
const BOUNDS: Rect = Rect {
    left: AXIS_LEFT,
    top: -TITLE_BAND / 2.0,
    right: WIDTH,
    bottom: AXIS_BOTTOM,
};

/// An axis-aligned box in SVG units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rect {
    /// Smallest x.
    pub(crate) left: f64,
    /// Smallest y.
    pub(crate) top: f64,
    /// Largest x.
    pub(crate) right: f64,
    /// Largest y.
    pub(crate) bottom: f64,
}

impl Rect {
    fn area(&self) -> f64 {
        (self.right - self.left).max(0.0) * (self.bottom - self.top).max(0.0)
    }

    fn overlap(&self, other: &Rect) -> f64 {
        Rect {
            left: self.left.max(other.left),
            top: self.top.max(other.top),
            right: self.right.min(other.right),
            bottom: self.bottom.min(other.bottom),
        }
        .area()
    }

    /// How far a circle reaches into the box (0 when clear), as an area: depth times diameter.
    fn overlap_circle(&self, x: f64, y: f64, r: f64) -> f64 {
        let nearest_x = x.clamp(self.left, self.right);
        let nearest_y = y.clamp(self.top, self.bottom);
        let depth = r - (x - nearest_x).hypot(y - nearest_y);
        depth.max(0.0) * 2.0 * r
    }
}

/// The two lines of a point's label.
pub(crate) fn label_lines(mode: Mode, knowledge: f64, format: f64) -> (&'static str, String) {
    (
        mode_short(mode),
        format!("{:.0}% · {:.0}%", knowledge * 100.0, format * 100.0),
    )
}

/// The box the label of `p` covers when drawn on `side`, at the phone's type.
pub(crate) fn label_box(p: &PlotPoint, side: Side) -> Rect {
    let (name, value) = label_lines(p.mode, p.knowledge, p.format);
    let width = (name.chars().count() as f64 * NAME_PX)
        .max(value.chars().count() as f64 * VALUE_PX)
        * GLYPH;
    let (dx, dy, anchor) = label_offset(side, p.halo);
    let left = match anchor {
        "start" => p.x + dx,
        "end" => p.x + dx - width,
        _ => p.x + dx - width / 2.0,
    };
    Rect {
        left,
        top: p.y + dy - ASCENT * NAME_PX,
        right: left + width,
        bottom: p.y + dy + (VALUE_LINE + DESCENT) * VALUE_PX,
    }
}

/// The label's height at the phone's type.
const LABEL_HEIGHT: f64 = ASCENT * NAME_PX + (VALUE_LINE + DESCENT) * VALUE_PX;

/// How badly labels on `sides` collide: the area each label shares with another label, with
/// any point's halo (its own included) and with the space outside [`BOUNDS`]. 0 is clear.
pub(crate) fn collision(points: &[PlotPoint], sides: &[Side]) -> f64 {
    let boxes: Vec<Rect> = points
        .iter()
        .zip(sides)
        .map(|(p, &side)| label_box(p, side))
        .collect();
    let mut cost = 0.0;
    for (i, b) in boxes.iter().enumerate() {
        cost += b.area() - b.overlap(&BOUNDS);
        cost += points
            .iter()
            .map(|p| b.overlap_circle(p.x, p.y, p.halo))
            .sum::<f64>();
        cost += boxes[i + 1..].iter().map(|o| b.overlap(o)).sum::<f64>();
    }
    cost
}

/// Tries every combination of sides (6^4 for the four modes) and keeps the one with the least
/// [`collision`]; among equally clear ones, the one nearest to "every label on the right",
/// the way a reader scans. Fixed nudges for known cases missed the cases nobody listed.
fn place_labels(points: &mut [PlotPoint]) {
    const SIDES: [Side; 6] = [
        Side::Right,
        Side::Left,
        Side::UpRight,
        Side::UpLeft,
        Side::Below,
        Side::Above,
    ];
    let mut sides = vec![Side::Right; points.len()];
    let mut best = (f64::INFINITY, sides.clone());
    for code in 0..SIDES.len().pow(points.len() as u32) {
        // `code` in base 6, one digit per point; a larger digit is a less preferred side.
        let (mut rest, mut preference) = (code, 0);
        for side in sides.iter_mut() {
            *side = SIDES[rest % SIDES.len()];
            preference += rest % SIDES.len();
            rest /= SIDES.len();
        }
        // The preference weighs less than a sliver of overlap.
        let cost = collision(points, &sides) + preference as f64 * 0.01;
        if cost < best.0 {
            best = (cost, sides.clone());
        }
    }
    for (p, side) in points.iter_mut().zip(best.1) {
        p.side = side;
    }
}

/// The label's offset from its point (the name's baseline) and its text anchor for `side`,
/// clear of a halo of radius `halo`; beside the point the two lines are centred on it.
pub(crate) fn label_offset(side: Side, halo: f64) -> (f64, f64, &'static str) {
    let gap = halo.max(12.0) + 4.0;
    let ascent = ASCENT * NAME_PX;
    match side {
        Side::Right => (gap, ascent - LABEL_HEIGHT / 2.0, "start"),
        Side::Left => (-gap, ascent - LABEL_HEIGHT / 2.0, "end"),
        Side::UpRight => (gap, ascent + 4.0 - LABEL_HEIGHT, "start"),
        Side::UpLeft => (-gap, ascent + 4.0 - LABEL_HEIGHT, "end"),
        Side::Above => (0.0, ascent - gap - LABEL_HEIGHT, "middle"),
        Side::Below => (0.0, ascent + gap, "middle"),
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

    /// Every label's box is clear of every other label, every halo and the axes.
    fn assert_clear(points: &[PlotPoint]) {
        let sides: Vec<Side> = points.iter().map(|p| p.side).collect();
        let at: Vec<(f64, f64, f64, Side)> =
            points.iter().map(|p| (p.x, p.y, p.halo, p.side)).collect();
        assert_eq!(collision(points, &sides), 0.0, "{at:?}");
    }

    #[test]
    fn the_fine_tuned_label_keeps_off_the_both_halo() {
        // The shipped scene at v3: fine-tuned and both on the 100% line, 22 points apart.
        let points = plot_points(&report([
            (0.0, 0.0, 0.01),
            (0.626, 0.0, 0.3),
            (0.421, 1.0, 0.05),
            (0.638, 1.0, 0.35),
        ]));
        assert_clear(&points);
        assert_ne!(
            points[2].side,
            Side::Right,
            "it would run into the both halo"
        );
        assert!(
            matches!(points[0].side, Side::Right | Side::UpRight),
            "a clear label stays on the right"
        );
    }

    #[test]
    fn crowded_and_stacked_points_get_clear_labels() {
        for scores in [
            [
                (0.0, 0.0, 0.0),
                (0.42, 0.0, 0.1),
                (0.39, 1.0, 0.02),
                (0.42, 1.0, 0.1),
            ],
            [
                (0.0, 0.0, 0.0),
                (0.5, 0.0, 0.1),
                (0.5, 0.9, 0.02),
                (0.5, 1.0, 0.1),
            ],
            [
                (0.0, 0.0, 0.0),
                (0.9, 0.0, 0.1),
                (0.7, 1.0, 0.02),
                (0.85, 1.0, 0.1),
            ],
            [
                (0.0, 0.0, 0.0),
                (0.6, 0.5, 0.1),
                (0.5, 0.5, 0.02),
                (0.7, 0.5, 0.1),
            ],
        ] {
            assert_clear(&plot_points(&report(scores)));
        }
    }

    #[test]
    fn the_collision_measure_sees_overlaps() {
        let points = plot_points(&report([
            (0.0, 0.0, 0.0),
            (0.63, 0.0, 0.3),
            (0.42, 1.0, 0.05),
            (0.64, 1.0, 0.35),
        ]));
        let mut sides: Vec<Side> = points.iter().map(|p| p.side).collect();
        sides[2] = Side::Right;
        assert!(
            collision(&points, &sides) > 0.0,
            "fine-tuned's label on the both halo"
        );
        sides[0] = Side::Left;
        assert!(
            collision(&points, &sides) > 0.0,
            "base's label left of the y axis"
        );
    }
}
