//! The SVG scatter plot (points by kind shape and colour, the question, lines to its
//! neighbours), the details of the hovered or focused point, and the legend.
//!
//! Keyboard: one point is in the Tab order at a time (a roving tab stop); the arrow keys move
//! between points, Home and End jump to the first and last.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::label::label_spot;
use super::layout::{zoom_points, MapPoint, Viewport, CANVAS};
use super::MapState;
use crate::core::corpus::DocKind;
use crate::ui::components::badges::QualityBadge;
use crate::ui::components::figure_download::{workbench_caption, Figure, FigureDownload};
use crate::ui::components::kinds::{
    kind_class, kind_label, kind_shape, shape_path, KindTag, KINDS,
};

/// The map as a downloadable figure.
const FIGURE: Figure = Figure {
    slug: "embedding-map",
    what: "the embedding map",
    title: "Embedding map: passages by meaning",
    chart: ".map-svg",
    legend: Some(".map-legend li"),
};

/// Marker radius in canvas units (the canvas is 1000 units wide).
const RADIUS: f32 = 9.0;
/// Marker radius of a retrieved passage.
const RADIUS_RETRIEVED: f32 = 13.0;

fn dom_id(i: usize) -> String {
    format!("map-point-{i}")
}

/// Moves keyboard focus to point `i` (SVG elements have `focus()`, which web-sys only exposes
/// behind a feature this crate does not enable, so it is called by name).
fn focus_point(i: usize) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&dom_id(i)))
    else {
        return;
    };
    if let Ok(f) = js_sys::Reflect::get(&el, &JsValue::from_str("focus")) {
        if let Some(f) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&f) {
            let _ = f.call0(&el);
        }
    }
}

/// The point an arrow key leads to from `from` among `count` points.
pub(crate) fn next_point(key: &str, from: usize, count: usize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    let last = count - 1;
    match key {
        "ArrowRight" | "ArrowDown" => Some((from + 1).min(last)),
        "ArrowLeft" | "ArrowUp" => Some(from.saturating_sub(1)),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}

/// The plot.
#[component]
pub(crate) fn ScatterPlot() -> impl IntoView {
    let state = expect_context::<MapState>();
    let store = crate::ui::state::AppStore::use_context();
    let caption = workbench_caption(store, move || {
        let question = store.question.get();
        let question = question.trim();
        vec![
            format!(
                "{} passages",
                state.layout.with(|l| l
                    .as_ref()
                    .map_or(0, |l| l.as_ref().map_or(0, |l| l.points.len())))
            ),
            if question.is_empty() {
                "no question".to_string()
            } else {
                format!("question \u{201c}{question}\u{201d}")
            },
        ]
    });
    let points = Memo::new(move |_| {
        state.layout.with(|l| match l {
            Some(Ok(l)) => l.points.clone(),
            _ => Vec::new(),
        })
    });
    let viewport = Memo::new(move |_| {
        let pts = zoom_points(
            state.zoom.get(),
            &points.read(),
            state.query_at.get(),
            &state.query.read().neighbours,
        );
        Viewport::fit(&pts)
    });
    let at = move |p: [f32; 2]| viewport.get().map_or([CANVAS / 2.0; 2], |v| v.to_canvas(p));
    let count = move || points.with(Vec::len);
    let label = move || {
        let n = count();
        match state.query_at.get() {
            Some(_) => format!(
                "Scatter plot of {n} passages by meaning, with the question and lines to its {} retrieved passages.",
                state.query.with(|q| q.neighbours.len())
            ),
            None => format!("Scatter plot of {n} passages by meaning."),
        }
    };
    let lines = move || {
        let Some(q) = state.query_at.get() else {
            return Vec::new();
        };
        let from = at(q);
        let pts = points.read();
        state
            .query
            .read()
            .neighbours
            .iter()
            .filter_map(|&i| pts.get(i).map(|p| at(p.at)))
            .map(|to| {
                view! {
                    <line class="map-line" x1=from[0] y1=from[1] x2=to[0] y2=to[1]></line>
                }
            })
            .collect::<Vec<_>>()
    };
    let query_marker = move || {
        state.query_at.get().map(|q| {
            let [x, y] = at(q);
            let marks: Vec<[f32; 2]> = points.with(|ps| ps.iter().map(|p| at(p.at)).collect());
            let spot = label_spot([x, y], &marks);
            view! {
                <g class="map-query" transform=format!("translate({x:.1} {y:.1})")>
                    <circle r="16"></circle>
                    <path d="M-24 0H-8M8 0H24M0 -24V-8M0 8V24"></path>
                    <text x=spot.dx y=spot.dy text-anchor=spot.anchor>"Your question"</text>
                </g>
            }
        })
    };
    let on_keydown = move |ev: KeyboardEvent| {
        let from = state.focused.get_untracked().unwrap_or(0);
        if let Some(to) = next_point(&ev.key(), from, count()) {
            ev.prevent_default();
            state.focused.set(Some(to));
            focus_point(to);
        }
    };
    let marks = move || {
        points
            .get()
            .into_iter()
            .map(|p| view! { <PointMark point=p viewport=viewport/> })
            .collect_view()
    };
    view! {
        <div class="map-plot">
            <svg
                class="map-svg"
                viewBox=format!("0 0 {CANVAS} {CANVAS}")
                role="group"
                aria-label=label
                aria-describedby="map-keys"
                on:keydown=on_keydown
                on:mouseleave=move |_| state.hovered.set(None)
            >
                <rect class="map-frame" x="0" y="0" width=CANVAS height=CANVAS></rect>
                <g class="map-lines">{lines}</g>
                <g class="map-points">{marks}</g>
                {query_marker}
            </svg>
            <p id="map-keys" class="map-keys">
                "Point at a mark, or Tab into the map and use the arrow keys, to read its passage."
            </p>
            <FigureDownload figure=&FIGURE caption=caption/>
        </div>
    }
}

/// One passage's mark.
#[component]
fn PointMark(point: MapPoint, viewport: Memo<Option<Viewport>>) -> impl IntoView {
    let state = expect_context::<MapState>();
    let i = point.chunk;
    let rank = move || state.rank_of(i);
    let d_plain = shape_path(kind_shape(point.kind), RADIUS);
    let d_big = shape_path(kind_shape(point.kind), RADIUS_RETRIEVED);
    let base = format!("map-point {}", kind_class(point.kind));
    let name = format!("{}, {}", point.title, kind_label(point.kind));
    let xy = point.at;
    view! {
        <g
            id=dom_id(i)
            class=base
            class:map-point--retrieved=move || rank().is_some()
            class:map-point--shown=move || state.shown() == Some(i)
            transform=move || {
                let [x, y] = viewport.get().map_or([CANVAS / 2.0; 2], |v| v.to_canvas(xy));
                format!("translate({x:.1} {y:.1})")
            }
            role="img"
            aria-label=move || match rank() {
                Some(r) => format!("{name}, retrieved rank {r}"),
                None => name.clone(),
            }
            tabindex=move || if state.focused.get().unwrap_or(0) == i { "0" } else { "-1" }
            on:mouseenter=move |_| state.hovered.set(Some(i))
            on:focus=move |_| state.focused.set(Some(i))
        >
            <path d=move || if rank().is_some() { d_big.clone() } else { d_plain.clone() }></path>
        </g>
    }
}

/// The passage of the hovered or focused point (or the question's nearest, as a hint).
#[component]
pub(crate) fn PointDetails() -> impl IntoView {
    let state = expect_context::<MapState>();
    let details = move || {
        let i = state.shown()?;
        let point = state.layout.with(|l| match l {
            Some(Ok(l)) => l.points.get(i).cloned(),
            _ => None,
        })?;
        let rank = state.rank_of(i);
        Some(view! {
            <h3 class="map-details__title">{point.title}</h3>
            <p class="map-details__meta">
                <KindTag kind=point.kind/>
                <QualityBadge quality=point.quality/>
                <span>
                    {match rank {
                        Some(r) => format!("Retrieved, rank {r}"),
                        None => "Not retrieved".to_string(),
                    }}
                </span>
            </p>
            <p class="map-details__text">{point.snippet}</p>
        })
    };
    view! {
        <section class="panel map-details" aria-live="polite" aria-label="Selected passage">
            {move || details().map(|v| v.into_any()).unwrap_or_else(|| view! {
                <p class="inspector__note">"Point at a mark, or focus one, to read its passage here."</p>
            }.into_any())}
        </section>
    }
}

/// Shape and colour of each kind drawn on the map (a kind curated out has no points, so no
/// entry), the question and the retrieved ring.
#[component]
pub(crate) fn Legend(
    /// The kinds the map shows, in legend order.
    kinds: Vec<DocKind>,
) -> impl IntoView {
    let items = kinds
        .into_iter()
        .map(|kind| view! { <li><KindTag kind=kind/></li> })
        .collect_view();
    view! {
        <section class="panel map-legend" aria-labelledby="map-legend-title">
            <h3 id="map-legend-title">"Legend"</h3>
            <ul class="map-legend__kinds">{items}</ul>
            <ul class="map-legend__marks">
                <li>
                    <svg viewBox="-26 -26 52 52" width="20" height="20" aria-hidden="true" class="map-query">
                        <circle r="16"></circle>
                        <path d="M-24 0H-8M8 0H24M0 -24V-8M0 8V24"></path>
                    </svg>
                    " Your question, with lines to the retrieved passages"
                </li>
                <li>
                    <svg viewBox="-16 -16 32 32" width="18" height="18" aria-hidden="true" class="map-point map-point--retrieved kind--product">
                        <path d=shape_path(kind_shape(KINDS[0]), RADIUS_RETRIEVED)></path>
                    </svg>
                    " Retrieved passage (larger, outlined)"
                </li>
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrow_keys_walk_the_points_and_stop_at_the_ends() {
        assert_eq!(next_point("ArrowRight", 0, 3), Some(1));
        assert_eq!(next_point("ArrowDown", 2, 3), Some(2));
        assert_eq!(next_point("ArrowLeft", 0, 3), Some(0));
        assert_eq!(next_point("ArrowUp", 2, 3), Some(1));
        assert_eq!(next_point("Home", 2, 3), Some(0));
        assert_eq!(next_point("End", 0, 3), Some(2));
        assert_eq!(next_point("Enter", 0, 3), None);
        assert_eq!(next_point("ArrowRight", 0, 0), None);
    }
}
