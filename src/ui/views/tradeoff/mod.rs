//! Trade-off (`?view=tradeoff`): every mode evaluated on every evaluation question, drawn as
//! knowledge accuracy (across) against format compliance (up). Re-evaluated whenever the
//! workbench changes: an edit in the corpus view, another version, a retrain, another k.

mod evidence;
mod headline;
pub(crate) mod layout;
mod plot;
pub(crate) mod story;
mod table;

use leptos::prelude::*;

use crate::core::workbench::RetrievalSettings;
use crate::ui::components::chart::{EvidenceCard, ModeLegend};
use crate::ui::components::figure_download::{workbench_caption, Figure, FigureDownload};
use crate::ui::components::notice::NoticeCaption;
use crate::ui::components::pending_note::PendingNote;
use crate::ui::components::version_picker::VersionPicker;
use crate::ui::state::evaluation::use_live_eval;
use crate::ui::state::{AppStore, BrowserClock};
use plot::TradeoffPlot;
use table::TradeoffTable;

/// The chart as a downloadable figure.
const FIGURE: Figure = Figure {
    slug: "trade-off",
    what: "the trade-off chart",
    title: "Trade-off: knowledge against behaviour",
    chart: ".tradeoff-chart",
    legend: Some(".tradeoff .chart-legend li"),
};

/// Largest k offered here (the inspector offers the full range).
const MAX_K: usize = 10;

/// The trade-off view.
#[component]
pub(crate) fn TradeoffView() -> impl IntoView {
    let store = AppStore::use_context();
    let report = use_live_eval(store);
    let k = Memo::new(move |_| store.with(|b| b.settings().k).unwrap_or(5));
    let demonstrations = Memo::new(move |_| {
        store
            .with(|b| b.tuned().map_or(0, |m| m.demonstrations))
            .unwrap_or(0)
    });
    let set_k = move |value: String| {
        if let Ok(k) = value.parse::<usize>() {
            store.update(|b| {
                let settings = RetrievalSettings { k, ..b.settings() };
                b.set_settings(settings, &BrowserClock)
            });
        }
    };
    let notice = Signal::derive(move || {
        report
            .get()
            .map(|r| headline::notice(&r))
            .unwrap_or_default()
    });
    let timing = move || report.get().map(|r| story::timing(&r));
    let ours = move |f: fn(&crate::core::eval::EvalReport) -> String| {
        Signal::derive(move || report.get().map(|r| f(&r)).unwrap_or_default())
    };
    let ours_format = Signal::derive(move || {
        report
            .get()
            .map(|r| story::ours_format(&r, demonstrations.get()))
            .unwrap_or_default()
    });
    let base = move || report.get().map(|r| story::base_note(&r));
    let caption = workbench_caption(store, Vec::new);
    // Built once when the first report arrives (not per report), so the points stay the same
    // elements and their moves animate.
    let ready = Memo::new(move |_| report.with(Option::is_some));
    let body = move || match ready.get() {
        false => view! { <PendingNote/> }.into_any(),
        true => view! {
            <NoticeCaption class="tradeoff-caption" summary="The numbers behind it" notice=notice/>
            <div class="chart-controls">
                <VersionPicker/>
                <label class="chart-control">
                    <span>{move || format!("Passages retrieved (k): {}", k.get())}</span>
                    <input
                        type="range"
                        min="1"
                        max=MAX_K.to_string()
                        prop:value=move || k.get().to_string()
                        on:change=move |ev| set_k(event_target_value(&ev))
                    />
                </label>
            </div>
            <div class="chart-layout">
                <div class="chart-frame">
                    <TradeoffPlot report=report/>
                    <FigureDownload figure=&FIGURE caption=caption/>
                </div>
                <aside class="chart-aside">
                    <h3 class="chart-aside__title">"How to read it"</h3>
                    <ModeLegend/>
                    <p class="chart-note">
                        "The pale halo's area grows with the mean time to answer."
                    </p>
                    <p class="chart-note">{base}</p>
                    <p class="chart-note">
                        "Edit a fact in the Corpus view, move the documents to another date, \
                         retrain in the Training or Timeline view, or change k: the points \
                         move to their new scores."
                    </p>
                    <p class="chart-note tradeoff-timing">{timing}</p>
                </aside>
            </div>
            <TradeoffTable report=report/>
            <section class="evidence" aria-labelledby="tradeoff-evidence">
                <h3 id="tradeoff-evidence">"What published studies found"</h3>
                <div class="evidence__cards">
                    <EvidenceCard item=story::OVADIA ours=ours(story::ours_knowledge)/>
                    <EvidenceCard item=story::LIMA ours=ours_format/>
                    <EvidenceCard item=story::BALAGUER ours=ours(story::ours_both)/>
                </div>
            </section>
        }
        .into_any(),
    };
    view! {
        <section class="view tradeoff" aria-labelledby="view-title">
            <h2 id="view-title" class="view__title">"Trade-off: knowledge against behaviour"</h2>
            <p class="view__lead">
                "Each mode answered every evaluation question just now, in your browser. \
                 A point's position is its score: how often it stated the current fact, and how \
                 often its answer followed the house format."
            </p>
            {body}
        </section>
    }
}
