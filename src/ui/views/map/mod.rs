//! The embedding map (`?view=map`): every passage's vector projected to 2D by seeded PCA, the
//! question placed on the same axes with lines to the passages retrieval picked, and a table
//! with the same points.

mod label;
pub(crate) mod layout;
mod plot;
mod table;

use leptos::prelude::*;

use crate::ui::components::kinds;
use crate::ui::components::pending_note::PendingNote;
use crate::ui::components::question_box::QuestionBox;
use crate::ui::state::{AppStore, BrowserClock};
use layout::{MapLayout, Zoom};
use plot::{Legend, PointDetails, ScatterPlot};
use table::PointTable;

/// What the map needs from retrieval: the question's vector and the retrieved passages, in
/// rank order (no timings, so the memo only fires when the result changes).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct MapQuery {
    /// The question's embedding (all zeros for an empty question).
    pub(crate) vector: Vec<f32>,
    /// Chunk ids of the retrieved passages, best first.
    pub(crate) neighbours: Vec<usize>,
}

/// Shared reactive state of the map's parts.
#[derive(Clone, Copy)]
pub(crate) struct MapState {
    /// The projected passages: recomputed once per workbench revision, not per render.
    pub(crate) layout: Memo<Option<Result<MapLayout, String>>>,
    /// The question and its neighbours.
    pub(crate) query: Memo<MapQuery>,
    /// The question's place on the map.
    pub(crate) query_at: Memo<Option<[f32; 2]>>,
    /// What the zoom fits.
    pub(crate) zoom: RwSignal<Zoom>,
    /// The point under the pointer.
    pub(crate) hovered: RwSignal<Option<usize>>,
    /// The point with keyboard focus (also the one reachable by Tab).
    pub(crate) focused: RwSignal<Option<usize>>,
}

impl MapState {
    /// The point whose passage is shown: the hovered one, else the focused one, else the
    /// best retrieved passage (so the panel says something useful as soon as a question is in).
    pub(crate) fn shown(&self) -> Option<usize> {
        self.hovered
            .get()
            .or(self.focused.get())
            .or_else(|| self.query.with(|q| q.neighbours.first().copied()))
    }

    /// Rank (1-based) of chunk `i` among the retrieved passages, if retrieved.
    pub(crate) fn rank_of(&self, i: usize) -> Option<usize> {
        self.query
            .with(|q| q.neighbours.iter().position(|&n| n == i))
            .map(|r| r + 1)
    }
}

/// The map view.
#[component]
pub(crate) fn MapView() -> impl IntoView {
    let store = AppStore::use_context();
    let layout = Memo::new(move |_| store.with(|b| MapLayout::build(b).map_err(|e| e.to_string())));
    let query = Memo::new(move |_| {
        let question = store.question.get();
        store
            .with(|b| {
                let r = b.retrieve(&question, &BrowserClock);
                MapQuery {
                    vector: r.query,
                    neighbours: r.hits.iter().map(|h| h.id).collect(),
                }
            })
            .unwrap_or_default()
    });
    let query_at = Memo::new(move |_| {
        layout.with(|l| match l {
            Some(Ok(l)) => query.with(|q| l.place_query(&q.vector)),
            _ => None,
        })
    });
    let state = MapState {
        layout,
        query,
        query_at,
        zoom: RwSignal::new(Zoom::All),
        hovered: RwSignal::new(None),
        focused: RwSignal::new(None),
    };
    provide_context(state);
    let caption = move || {
        layout.with(|l| match l {
            Some(Ok(l)) => {
                let [a, b] = l.explained_variance();
                format!(
                    "Each mark is one of the {} passages; marks close together have similar meaning. \
                     The axes are the two directions in which the passage vectors vary most (together \
                     {:.0}% of the variation), so this flat map is only a rough picture of the \
                     similarity retrieval measures: a retrieved passage can sit further away here \
                     than one that was not retrieved.",
                    l.points.len(),
                    (a + b) * 100.0
                )
            }
            _ => String::new(),
        })
    };
    view! {
        <section class="view map-view" aria-labelledby="view-title">
            <h2 id="view-title" class="view__title">"Embedding map"</h2>
            <p class="view__lead">
                "Every passage's meaning as a point. Ask a question to see where it lands and which \
                 passages retrieval picks."
            </p>
            <QuestionBox id="map-question"/>
            {move || match layout.get() {
                None => view! { <PendingNote/> }.into_any(),
                Some(Err(e)) => view! {
                    <p class="view__note" role="alert">{format!("The map could not be drawn: {e}")}</p>
                }.into_any(),
                Some(Ok(drawn)) => view! {
                    <p class="map-caption">{caption}</p>
                    <ZoomControls/>
                    <div class="map-layout">
                        <ScatterPlot/>
                        <div class="map-aside">
                            <PointDetails/>
                            <Legend kinds=kinds::KINDS
                                .into_iter()
                                .filter(|k| drawn.points.iter().any(|p| p.kind == *k))
                                .collect()/>
                        </div>
                    </div>
                    <PointTable/>
                }.into_any(),
            }}
        </section>
    }
}

/// The two zoom-to-fit buttons.
#[component]
fn ZoomControls() -> impl IntoView {
    let state = expect_context::<MapState>();
    let button = move |zoom: Zoom, label: &'static str| {
        view! {
            <button
                type="button"
                class="map-zoom__button"
                aria-pressed=move || (state.zoom.get() == zoom).to_string()
                on:click=move |_| state.zoom.set(zoom)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="map-zoom" role="group" aria-label="Zoom to fit">
            <span class="map-zoom__label">"Zoom to fit:"</span>
            {button(Zoom::All, "All passages")}
            {button(Zoom::Neighbours, "Question and its neighbours")}
        </div>
    }
}
