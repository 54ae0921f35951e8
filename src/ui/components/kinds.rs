//! How a document kind looks wherever it is drawn: a name, a shape and a colour class, so kind
//! is never told by colour alone. The colours (Okabe-Ito, safe for the common colour
//! blindnesses) live in `map.css` as `--kind-*` properties.

use leptos::prelude::*;

use crate::core::corpus::DocKind;

/// A marker shape; every document kind has its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Shape {
    /// A filled circle.
    Circle,
    /// An axis-aligned square.
    Square,
    /// A triangle pointing up.
    TriangleUp,
    /// A square turned 45 degrees.
    Diamond,
    /// A triangle pointing down.
    TriangleDown,
    /// A thick plus sign.
    Plus,
    /// A five-pointed star.
    Star,
    /// A hexagon.
    Hexagon,
}

/// Every kind in legend order.
pub(crate) const KINDS: [DocKind; 8] = [
    DocKind::Product,
    DocKind::Pricing,
    DocKind::Policy,
    DocKind::ReleaseNotes,
    DocKind::Support,
    DocKind::StyleGuide,
    DocKind::Blog,
    DocKind::Marketing,
];

/// The kind's name for people.
pub(crate) fn kind_label(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Product => "Product",
        DocKind::Pricing => "Pricing",
        DocKind::Policy => "Policy",
        DocKind::ReleaseNotes => "Release notes",
        DocKind::Support => "Support",
        DocKind::StyleGuide => "Style guide",
        DocKind::Blog => "Blog",
        DocKind::Marketing => "Marketing",
    }
}

/// The kind's marker shape.
pub(crate) fn kind_shape(kind: DocKind) -> Shape {
    match kind {
        DocKind::Product => Shape::Circle,
        DocKind::Pricing => Shape::Square,
        DocKind::Policy => Shape::TriangleUp,
        DocKind::ReleaseNotes => Shape::Diamond,
        DocKind::Support => Shape::TriangleDown,
        DocKind::StyleGuide => Shape::Plus,
        DocKind::Blog => Shape::Star,
        DocKind::Marketing => Shape::Hexagon,
    }
}

/// The CSS class that sets the kind's colour (`kind--pricing`, ...).
pub(crate) fn kind_class(kind: DocKind) -> String {
    format!("kind--{}", kind.key())
}

/// An SVG path of `shape` centred on the origin, fitting a circle of radius `r`. Shapes are
/// scaled so they look about equally large (a square of side 2r would look heavier).
pub(crate) fn shape_path(shape: Shape, r: f32) -> String {
    let polygon = |points: &[(f32, f32)]| {
        let mut d = String::new();
        for (i, (x, y)) in points.iter().enumerate() {
            d.push_str(if i == 0 { "M" } else { "L" });
            d.push_str(&format!("{:.2} {:.2}", x * r, y * r));
        }
        d.push('Z');
        d
    };
    let regular = |n: usize, start_deg: f32, radius: f32| -> Vec<(f32, f32)> {
        (0..n)
            .map(|i| {
                let a = (start_deg + 360.0 * i as f32 / n as f32).to_radians();
                (radius * a.cos(), radius * a.sin())
            })
            .collect()
    };
    match shape {
        Shape::Circle => format!(
            "M{:.2} 0A{r:.2} {r:.2} 0 1 0 {:.2} 0A{r:.2} {r:.2} 0 1 0 {:.2} 0Z",
            -r, r, -r
        ),
        Shape::Square => polygon(&[(-0.8, -0.8), (0.8, -0.8), (0.8, 0.8), (-0.8, 0.8)]),
        Shape::TriangleUp => polygon(&regular(3, -90.0, 1.15)),
        Shape::TriangleDown => polygon(&regular(3, 90.0, 1.15)),
        Shape::Diamond => polygon(&regular(4, -90.0, 1.1)),
        Shape::Hexagon => polygon(&regular(6, 0.0, 1.0)),
        Shape::Plus => {
            let (a, b) = (0.35, 1.0);
            polygon(&[
                (-a, -b),
                (a, -b),
                (a, -a),
                (b, -a),
                (b, a),
                (a, a),
                (a, b),
                (-a, b),
                (-a, a),
                (-b, a),
                (-b, -a),
                (-a, -a),
            ])
        }
        Shape::Star => {
            let outer = regular(5, -90.0, 1.2);
            let inner = regular(5, -54.0, 0.5);
            let points: Vec<(f32, f32)> = outer
                .into_iter()
                .zip(inner)
                .flat_map(|(o, i)| [o, i])
                .collect();
            polygon(&points)
        }
    }
}

/// A small inline marker of `kind` followed by its name, for legends, lists and tables.
#[component]
pub(crate) fn KindTag(kind: DocKind) -> impl IntoView {
    view! {
        <span class=format!("kind-tag {}", kind_class(kind))>
            <svg class="kind-tag__marker" viewBox="-7 -7 14 14" width="14" height="14" aria-hidden="true">
                <path d=shape_path(kind_shape(kind), 5.5)></path>
            </svg>
            <span class="kind-tag__label">{kind_label(kind)}</span>
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_kind_has_its_own_shape_label_and_class() {
        let shapes: HashSet<_> = KINDS.iter().map(|k| kind_shape(*k)).collect();
        let labels: HashSet<_> = KINDS.iter().map(|k| kind_label(*k)).collect();
        let classes: HashSet<_> = KINDS.iter().map(|k| kind_class(*k)).collect();
        assert_eq!(shapes.len(), KINDS.len());
        assert_eq!(labels.len(), KINDS.len());
        assert_eq!(classes.len(), KINDS.len());
        assert_eq!(
            KINDS.len(),
            DocKind::KEYS.len(),
            "the legend lists every kind"
        );
    }

    #[test]
    fn shapes_are_closed_paths_within_their_radius() {
        for kind in KINDS {
            let d = shape_path(kind_shape(kind), 10.0);
            assert!(d.starts_with('M') && d.ends_with('Z'), "{d}");
            let numbers: Vec<f32> = d
                .split(|c: char| c.is_ascii_alphabetic() || c == ' ')
                .filter(|s| !s.is_empty())
                .filter_map(|s| s.parse().ok())
                .collect();
            assert!(!numbers.is_empty());
            // Arc flags (0/1) are numbers too, and within bounds; coordinates stay near r.
            assert!(numbers.iter().all(|n| n.abs() <= 12.5), "{kind:?}: {d}");
        }
    }
}
