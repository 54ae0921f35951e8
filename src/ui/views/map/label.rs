//! Where the "Your question" label goes: beside the question's crosshair, on the side that
//! covers the fewest passages. A fixed spot (up and to the right) sat on top of the very
//! passages the question is closest to, since they cluster around it.

use super::layout::CANVAS;

/// A label position relative to the crosshair, in canvas units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct LabelSpot {
    /// Horizontal offset of the text's anchor.
    pub(crate) dx: f32,
    /// Baseline offset.
    pub(crate) dy: f32,
    /// SVG `text-anchor`: "start" (text runs right), "end" (runs left) or "middle".
    pub(crate) anchor: &'static str,
}

/// The label's box size in canvas units: the phone's 40 px bold "Your question" (the desktop's
/// 30 px fits inside it).
const TEXT_W: f32 = 310.0;
const TEXT_H: f32 = 44.0;
/// Room kept around the box so a mark at its edge counts as covered.
const MARGIN: f32 = 14.0;

/// The candidate spots, in order of preference (clear of the crosshair, drawn up to 1.7 times
/// larger on a phone): above right, above left, below right, below left, right above, right
/// below.
const SPOTS: [LabelSpot; 6] = [
    LabelSpot {
        dx: 44.0,
        dy: -22.0,
        anchor: "start",
    },
    LabelSpot {
        dx: -44.0,
        dy: -22.0,
        anchor: "end",
    },
    LabelSpot {
        dx: 44.0,
        dy: 52.0,
        anchor: "start",
    },
    LabelSpot {
        dx: -44.0,
        dy: 52.0,
        anchor: "end",
    },
    LabelSpot {
        dx: 0.0,
        dy: -56.0,
        anchor: "middle",
    },
    LabelSpot {
        dx: 0.0,
        dy: 88.0,
        anchor: "middle",
    },
];

/// The box `spot` covers for a crosshair at `at`: (left, top, right, bottom).
fn label_box(at: [f32; 2], spot: LabelSpot) -> (f32, f32, f32, f32) {
    let x = at[0] + spot.dx;
    let (left, right) = match spot.anchor {
        "start" => (x, x + TEXT_W),
        "end" => (x - TEXT_W, x),
        _ => (x - TEXT_W / 2.0, x + TEXT_W / 2.0),
    };
    let baseline = at[1] + spot.dy;
    (left, baseline - TEXT_H + 6.0, right, baseline + 6.0)
}

/// The spot for a crosshair at `at` among `points` (canvas coordinates): the one covering the
/// fewest points, never one that leaves the canvas if another fits; the earlier on a tie.
pub(crate) fn label_spot(at: [f32; 2], points: &[[f32; 2]]) -> LabelSpot {
    let cost = |spot: &LabelSpot| {
        let (l, t, r, b) = label_box(at, *spot);
        let outside = l < 0.0 || r > CANVAS || t < 0.0 || b > CANVAS;
        let covered = points
            .iter()
            .filter(|p| {
                p[0] >= l - MARGIN && p[0] <= r + MARGIN && p[1] >= t - MARGIN && p[1] <= b + MARGIN
            })
            .count();
        (outside, covered)
    };
    SPOTS
        .iter()
        .copied()
        .enumerate()
        .min_by_key(|(i, s)| (cost(s), *i))
        .map_or(SPOTS[0], |(_, s)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_moves_off_the_passages_around_the_question() {
        let at = [400.0, 400.0];
        assert_eq!(label_spot(at, &[]), SPOTS[0], "nothing near: above right");
        // A cluster above right of the question, where the label used to sit.
        let cluster: Vec<[f32; 2]> = (0..6).map(|i| [480.0 + 40.0 * i as f32, 365.0]).collect();
        let spot = label_spot(at, &cluster);
        assert_ne!(spot, SPOTS[0]);
        let (l, t, r, b) = label_box(at, spot);
        assert!(cluster
            .iter()
            .all(|p| p[0] < l || p[0] > r || p[1] < t || p[1] > b));
    }

    #[test]
    fn the_label_stays_on_the_canvas() {
        // Near the right edge, text running right would leave the canvas.
        let spot = label_spot([900.0, 500.0], &[]);
        assert_eq!(spot.anchor, "end");
        // Near the top, the label goes below.
        let spot = label_spot([100.0, 20.0], &[]);
        assert!(spot.dy > 0.0);
    }
}
