//! The map's data, apart from drawing: every passage projected once per workbench revision,
//! the question projected onto the same axes, and the zoom (a view rectangle from core's
//! bounds) turned into screen coordinates.

use crate::core::corpus::{DocKind, Quality};
use crate::core::projection::{Bounds, Projection, ProjectionError};
use crate::core::workbench::Workbench;

/// Seed of the power iteration: a fixed seed keeps the map the same on every load.
pub(crate) const PROJECTION_SEED: u64 = 0x3A9;
/// Side of the drawing in SVG user units (the SVG scales to its box).
pub(crate) const CANVAS: f32 = 1000.0;
/// Words of a passage shown when a point is hovered or focused.
pub(crate) const SNIPPET_WORDS: usize = 24;
/// Margin around the zoomed points, as a share of the larger side.
const PADDING: f32 = 0.06;

/// One passage on the map.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MapPoint {
    /// Position in [`Workbench::chunks`] (the id search hits carry).
    pub(crate) chunk: usize,
    /// The document's title.
    pub(crate) title: String,
    /// The document's kind (colour and shape).
    pub(crate) kind: DocKind,
    /// The document's quality flag.
    pub(crate) quality: Quality,
    /// The first words of the passage.
    pub(crate) snippet: String,
    /// Map position (principal-component units).
    pub(crate) at: [f32; 2],
}

/// Every passage of one workbench revision, projected.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MapLayout {
    /// One point per passage, in chunk order.
    pub(crate) points: Vec<MapPoint>,
    /// The fitted axes, to place the question on the same map.
    pub(crate) projection: Projection,
}

impl MapLayout {
    /// Fits the projection to the index's vectors and places every passage.
    pub(crate) fn build(bench: &Workbench) -> Result<Self, ProjectionError> {
        let vectors: Vec<&[f32]> = bench.index().vectors().collect();
        let projection = Projection::fit(&vectors, PROJECTION_SEED)?;
        let positions = projection.project_all(&vectors)?;
        let points = bench
            .chunks()
            .iter()
            .zip(positions)
            .enumerate()
            .map(|(chunk, (c, at))| MapPoint {
                chunk,
                title: c.title.clone(),
                kind: c.kind,
                quality: c.quality,
                snippet: first_words(&c.text, SNIPPET_WORDS),
                at,
            })
            .collect();
        Ok(Self { points, projection })
    }

    /// The question's place on the map; `None` for a zero vector (an empty question has no
    /// direction, so it has no meaningful place) or a vector of the wrong size.
    pub(crate) fn place_query(&self, query: &[f32]) -> Option<[f32; 2]> {
        if query.iter().all(|x| *x == 0.0) {
            return None;
        }
        self.projection.project(query).ok()
    }

    /// Share of the vectors' variance the two axes show.
    pub(crate) fn explained_variance(&self) -> [f32; 2] {
        self.projection.explained_variance()
    }
}

/// The first `n` words of `text`, with an ellipsis when cut. Markdown heading marks (`##`)
/// are left out: they are not words a reader needs.
pub(crate) fn first_words(text: &str, n: usize) -> String {
    let mut words = text
        .split_whitespace()
        .filter(|w| !w.chars().all(|c| c == '#'));
    let head: Vec<&str> = words.by_ref().take(n).collect();
    let mut out = head.join(" ");
    if words.next().is_some() {
        out.push('…');
    }
    out
}

/// The visible rectangle, and the mapping from map units to the SVG canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Viewport {
    bounds: Bounds,
}

impl Viewport {
    /// A square view holding `points` with a margin; `None` when there is no finite point.
    pub(crate) fn fit(points: &[[f32; 2]]) -> Option<Self> {
        let bounds = Bounds::of(points)?.padded(PADDING).squared();
        Some(Self { bounds })
    }

    /// The canvas position of a map point: x to the right, y up (SVG's y points down).
    pub(crate) fn to_canvas(self, p: [f32; 2]) -> [f32; 2] {
        let [w, h] = self.bounds.size();
        let scale = |v: f32, min: f32, size: f32| {
            if size > 0.0 {
                (v - min) / size * CANVAS
            } else {
                CANVAS / 2.0
            }
        };
        [
            scale(p[0], self.bounds.min[0], w),
            CANVAS - scale(p[1], self.bounds.min[1], h),
        ]
    }
}

/// What the zoom shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Zoom {
    /// Every passage (and the question).
    All,
    /// The question and its retrieved neighbours.
    Neighbours,
}

/// The points a zoom must fit: everything, or the question with its neighbours (everything
/// when there is no question yet).
pub(crate) fn zoom_points(
    zoom: Zoom,
    points: &[MapPoint],
    query: Option<[f32; 2]>,
    neighbours: &[usize],
) -> Vec<[f32; 2]> {
    let mut out: Vec<[f32; 2]> = match (zoom, query) {
        (Zoom::Neighbours, Some(_)) => neighbours
            .iter()
            .filter_map(|&i| points.get(i).map(|p| p.at))
            .collect(),
        _ => points.iter().map(|p| p.at).collect(),
    };
    out.extend(query);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(chunk: usize, at: [f32; 2]) -> MapPoint {
        MapPoint {
            chunk,
            title: format!("doc {chunk}"),
            kind: DocKind::Product,
            quality: Quality::Current,
            snippet: String::new(),
            at,
        }
    }

    #[test]
    fn the_layout_places_every_passage_deterministically() {
        use crate::core::clock::NoClock;
        let bench = crate::ui::test_bench::shipped_bench();
        let layout = MapLayout::build(&bench).unwrap();
        assert_eq!(layout.points.len(), bench.chunks().len());
        assert!(layout
            .points
            .iter()
            .all(|p| p.at[0].is_finite() && p.at[1].is_finite()));
        assert_eq!(
            MapLayout::build(&bench).unwrap(),
            layout,
            "same revision, same map"
        );
        let query = bench
            .retrieve("How much does the Pro plan cost?", &NoClock)
            .query;
        let at = layout.place_query(&query).expect("a question has a place");
        assert!(at[0].is_finite() && at[1].is_finite());
        assert_eq!(
            layout.place_query(&bench.retrieve("", &NoClock).query),
            None
        );
        let [a, b] = layout.explained_variance();
        assert!(a >= b && a > 0.0 && a + b <= 1.0, "{a} {b}");
    }

    #[test]
    fn first_words_cuts_and_marks_the_cut() {
        assert_eq!(first_words("a b c d", 2), "a b…");
        assert_eq!(first_words("a  b\n", 2), "a b");
        assert_eq!(first_words("", 5), "");
        assert_eq!(first_words("🙂 <b>x</b> y", 2), "🙂 <b>x</b>…");
        assert_eq!(first_words("Intro. ## Limits\nTen", 3), "Intro. Limits Ten");
    }

    #[test]
    fn the_viewport_maps_corners_and_flips_y() {
        let v = Viewport::fit(&[[0.0, 0.0], [1.0, 1.0]]).unwrap();
        let low = v.to_canvas([0.0, 0.0]);
        let high = v.to_canvas([1.0, 1.0]);
        assert!(low[0] > 0.0 && low[0] < CANVAS / 2.0, "{low:?}");
        assert!(low[1] > CANVAS / 2.0, "y grows upwards on the map: {low:?}");
        assert!(high[0] > CANVAS / 2.0 && high[1] < CANVAS / 2.0, "{high:?}");
        // The square view keeps distances equal in both directions.
        let centre = v.to_canvas([0.5, 0.5]);
        assert!((centre[0] - CANVAS / 2.0).abs() < 1e-3);
        assert!((centre[1] - CANVAS / 2.0).abs() < 1e-3);
    }

    #[test]
    fn a_single_point_or_nothing_is_handled() {
        let v = Viewport::fit(&[[2.0, 3.0]]).unwrap();
        let c = v.to_canvas([2.0, 3.0]);
        assert!((c[0] - CANVAS / 2.0).abs() < 1e-3 && (c[1] - CANVAS / 2.0).abs() < 1e-3);
        assert_eq!(Viewport::fit(&[]), None);
        assert_eq!(Viewport::fit(&[[f32::NAN, 0.0]]), None);
    }

    #[test]
    fn neighbour_zoom_fits_the_question_and_its_neighbours_only() {
        let points = vec![
            point(0, [0.0, 0.0]),
            point(1, [10.0, 10.0]),
            point(2, [1.0, 1.0]),
        ];
        let near = zoom_points(Zoom::Neighbours, &points, Some([0.5, 0.5]), &[0, 2]);
        assert_eq!(near, vec![[0.0, 0.0], [1.0, 1.0], [0.5, 0.5]]);
        let all = zoom_points(Zoom::All, &points, Some([0.5, 0.5]), &[0, 2]);
        assert_eq!(all.len(), 4);
        // Without a question, "neighbours" falls back to everything.
        assert_eq!(zoom_points(Zoom::Neighbours, &points, None, &[]).len(), 3);
    }
}
