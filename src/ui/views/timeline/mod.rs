//! Freshness timeline (`?view=timeline`): how each mode's knowledge holds up as the documents
//! change. Every change the learner makes (another version, an edit, a retrain) adds a moment
//! with every mode's accuracy; the story starts with each version up to the current one,
//! scored with the tuned model in use.

mod caption;
mod controls;
mod evidence;
mod follow;
mod plot;
mod table;

use leptos::prelude::*;

use crate::ui::components::chart::{EvidenceCard, ModeLegend};
use crate::ui::components::figure_download::{workbench_caption, Figure, FigureDownload};
use crate::ui::components::notice::NoticeCaption;
use crate::ui::components::pending_note::PendingNote;
use crate::ui::state::evaluation::use_live_eval;
use crate::ui::state::remembered::Remembered;
use crate::ui::state::AppStore;
use caption::caption;
use controls::TimelineControls;
use evidence::{ours_fresh, ours_updates, FINETUNEBENCH, FRESHQA};
use follow::follow_workbench;
use plot::TimelinePlot;
use table::TimelineTable;

/// The chart as a downloadable figure.
const FIGURE: Figure = Figure {
    slug: "freshness-timeline",
    what: "the freshness timeline chart",
    title: "Freshness timeline: accuracy on today's facts",
    chart: ".timeline-chart",
    legend: Some(".timeline .chart-legend li"),
};

/// The timeline view.
#[component]
pub(crate) fn TimelineView() -> impl IntoView {
    let store = AppStore::use_context();
    let report = use_live_eval(store);
    let story = Remembered::use_context().story.story;
    follow_workbench(store, report, story);

    let moments = Memo::new(move |_| story.with(|s| s.moments().to_vec()));
    let notice = Signal::derive(move || moments.with(|m| caption(m)));
    let figure_caption = workbench_caption(store, move || {
        vec![format!("{} moments", moments.with(Vec::len))]
    });
    let ours_updates = Signal::derive(move || moments.with(|m| ours_updates(m)));
    let ours_fresh = Signal::derive(move || moments.with(|m| ours_fresh(m)));
    let ready = Memo::new(move |_| report.with(Option::is_some));
    let single_version = Memo::new(move |_| {
        store
            .with(|b| b.corpus().versions.len() == 1)
            .unwrap_or(false)
    });
    let body = move || {
        if !ready.get() {
            return view! { <PendingNote/> }.into_any();
        }
        if single_version.get() {
            return view! {
                <p class="view__note" role="status">
                    "Your documents have one version, so there is no history for facts to go \
                     stale in. The timeline follows the sample company's documents through three \
                     versions: choose \u{201c}Sample corpus\u{201d} under \u{201c}Answer from\u{201d} in Ask \
                     or Your documents to see it."
                </p>
            }
            .into_any();
        }
        view! {
            <NoticeCaption class="timeline-caption" summary="What changed at each moment" notice=notice/>
            <TimelineControls story=story/>
            <div class="chart-layout">
                <div class="chart-frame">
                    <TimelinePlot moments=moments/>
                    <FigureDownload figure=&FIGURE caption=figure_caption/>
                </div>
                <aside class="chart-aside">
                    <h3 class="chart-aside__title">"How to read it"</h3>
                    <ModeLegend/>
                    <p class="chart-note">
                        "Each column is a moment: a version published, a document you edited, or \
                         a retrain (dashed line). The fine-tuned model answers from what it \
                         learned; retrieval reads the documents as they are."
                    </p>
                    <p class="chart-note">
                        "The base model is at 0% throughout: it declines every company question."
                    </p>
                </aside>
            </div>
            <TimelineTable moments=moments/>
            <section class="evidence" aria-labelledby="timeline-evidence">
                <h3 id="timeline-evidence">"What published studies found"</h3>
                <div class="evidence__cards">
                    <EvidenceCard item=FINETUNEBENCH ours=ours_updates/>
                    <EvidenceCard item=FRESHQA ours=ours_fresh/>
                </div>
            </section>
        }
        .into_any()
    };
    view! {
        <section class="view timeline" aria-labelledby="view-title">
            <h2 id="view-title" class="view__title">"Freshness timeline"</h2>
            <p class="view__lead">
                "The company's documents change over time. Publish the next version, edit a \
                 document or retrain, and watch each mode's accuracy on today's facts."
            </p>
            {body}
        </section>
    }
}
