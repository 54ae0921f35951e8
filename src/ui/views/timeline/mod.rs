//! Freshness timeline (`?view=timeline`): how each mode's knowledge holds up as the documents
//! change. Every change the learner makes (another version, an edit, a retrain) adds a moment
//! with every mode's accuracy; the story starts with each version up to the current one,
//! scored with the tuned model in use.

mod caption;
mod evidence;
mod plot;
mod table;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::eval::evaluate_versions;
use crate::core::workbench::{TrainData, TuneSettings};
use crate::ui::components::chart::{EvidenceCard, ModeKey};
use crate::ui::components::compare::count;
use crate::ui::components::figure_download::{workbench_caption, Figure, FigureDownload};
use crate::ui::components::notice::NoticeCaption;
use crate::ui::components::pending_note::PendingNote;
use crate::ui::components::version_picker::VersionPicker;
use crate::ui::state::evaluation::{eval_set, remember, use_live_eval};
use crate::ui::state::loader::yield_now;
use crate::ui::state::remembered::Remembered;
use crate::ui::state::timeline_story::{Moment, MomentKey, MomentKind, Story};
use crate::ui::state::{AppStore, BrowserClock};
use caption::caption;
use evidence::{ours_fresh, ours_updates, FINETUNEBENCH, FRESHQA};
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

/// What the retrain button is doing.
#[derive(Clone, Debug, PartialEq)]
enum Busy {
    Idle,
    Working(&'static str),
    Done(String),
    Failed(String),
}

/// Fills an empty story: each version from the first to the current one, scored with the
/// model in use (the workbench visits each version and comes back).
fn seed(store: AppStore, story: RwSignal<Story>) {
    let outcome = store.update(|b| {
        let set = eval_set(b);
        let now = MomentKey::of(b);
        let versions: Vec<String> = b
            .corpus()
            .versions
            .iter()
            .map(|v| v.id.clone())
            .take_while(|v| *v != now.version)
            .chain(std::iter::once(now.version.clone()))
            .collect();
        evaluate_versions(b, &set, &versions, &BrowserClock).map(|reports| (now, versions, reports))
    });
    if let Some(Ok((now, versions, reports))) = outcome {
        story.update(|story| {
            story.clear();
            for (version, report) in versions.iter().zip(&reports) {
                story.push(Moment::new(
                    now.at_version(version),
                    MomentKind::Start,
                    report,
                ));
            }
        });
        if let Some(last) = reports.into_iter().last() {
            remember(untrack(|| store.revision()), Arc::new(last));
        }
    }
}

/// The timeline view.
#[component]
pub(crate) fn TimelineView() -> impl IntoView {
    let store = AppStore::use_context();
    let report = use_live_eval(store);
    let story = Remembered::use_context().story.story;
    let seeding = RwSignal::new(false);
    let busy = RwSignal::new(Busy::Idle);

    // Every new workbench state becomes a moment; an empty story is seeded first.
    Effect::new(move |_| {
        let Some(report) = report.get() else {
            return;
        };
        if story.with_untracked(Story::is_empty) {
            if !seeding.get_untracked() {
                seeding.set(true);
                spawn_local(async move {
                    yield_now().await;
                    seed(store, story);
                    seeding.set(false);
                });
            }
            return;
        }
        let Some(key) = store.with_untracked(MomentKey::of) else {
            return;
        };
        story.maybe_update(|s| s.observe(key, &report));
    });

    let moments = Memo::new(move |_| story.with(|s| s.moments().to_vec()));
    let versions = Memo::new(move |_| {
        store
            .with(|b| {
                let ids = b.corpus().version_ids();
                let at = ids.iter().position(|v| v == b.version());
                (ids, at)
            })
            .unwrap_or_default()
    });
    let next_version = move || {
        let (ids, at) = versions.get();
        at.and_then(|i| ids.get(i + 1).cloned())
    };
    let advance = move |_| {
        if let Some(next) = next_version() {
            store.update(|b| b.set_version(&next, &BrowserClock));
        }
    };
    let start_over = move |_| {
        let (ids, _) = versions.get_untracked();
        let Some(first) = ids.first().cloned() else {
            return;
        };
        story.update(Story::clear);
        store.update(|b| b.set_version(&first, &BrowserClock));
    };
    let retrain = move |_| {
        busy.set(Busy::Working("Retraining on the current version…"));
        spawn_local(async move {
            yield_now().await;
            let settings = TuneSettings {
                data: TrainData::Current,
                ..TuneSettings::default()
            };
            let outcome = store.update(|b| {
                b.train(&settings, &BrowserClock).map(|()| {
                    b.tuned().map(|m| {
                        (
                            m.version.clone(),
                            m.train_ms,
                            m.counts.new_examples + m.counts.replayed_examples,
                            m.loss.len(),
                        )
                    })
                })
            });
            busy.set(match outcome {
                Some(Ok(Some((version, ms, examples, epochs)))) => Busy::Done(format!(
                    "Retrained on {version} in {ms:.0} ms ({}, {}).",
                    count(examples, "example", "examples"),
                    count(epochs, "epoch", "epochs")
                )),
                Some(Err(e)) => Busy::Failed(format!("Retraining failed: {e}")),
                _ => Busy::Idle,
            });
        });
    };

    let notice = Signal::derive(move || moments.with(|m| caption(m)));
    let figure_caption = workbench_caption(store, move || {
        vec![format!("{} moments", moments.with(Vec::len))]
    });
    let ours_updates = Signal::derive(move || moments.with(|m| ours_updates(m)));
    let ours_fresh = Signal::derive(move || moments.with(|m| ours_fresh(m)));
    let status = move || match busy.get() {
        Busy::Idle => String::new(),
        Busy::Working(text) => text.to_string(),
        Busy::Done(text) | Busy::Failed(text) => text,
    };
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
            <div class="chart-controls timeline-controls">
                <VersionPicker/>
                <div class="timeline-actions">
                    <button
                        type="button"
                        class="primary timeline-next"
                        disabled=move || next_version().is_none()
                        on:click=advance
                    >
                        {move || match next_version() {
                            Some(v) => format!("Publish {v} →"),
                            None => "Latest version reached".to_string(),
                        }}
                    </button>
                    <button type="button" class="timeline-retrain" on:click=retrain
                        disabled=move || matches!(busy.get(), Busy::Working(_))>
                        "Retrain now on the current version"
                    </button>
                    <button type="button" class="timeline-restart" on:click=start_over>
                        "Start over from the first version"
                    </button>
                </div>
                <p class="timeline-status" role="status" aria-live="polite">{status}</p>
            </div>
            <div class="chart-layout">
                <div class="chart-frame">
                    <TimelinePlot moments=moments/>
                    <FigureDownload figure=&FIGURE caption=figure_caption/>
                </div>
                <aside class="chart-aside">
                    <h3 class="chart-aside__title">"How to read it"</h3>
                    <ul class="chart-legend">
                        {crate::core::modes::Mode::ALL
                            .into_iter()
                            .map(|m| view! { <li><ModeKey mode=m/></li> })
                            .collect_view()}
                    </ul>
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
