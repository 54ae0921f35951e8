//! The timeline's controls: the version picker, "Publish the next version", "Retrain now on
//! the current version", "Start over from the first version", and what the last action did.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::workbench::{TrainData, TuneSettings};
use crate::ui::components::compare::count;
use crate::ui::components::version_picker::VersionPicker;
use crate::ui::state::loader::yield_now;
use crate::ui::state::timeline_story::Story;
use crate::ui::state::{AppStore, BrowserClock};

/// What the retrain button is doing.
#[derive(Clone, Debug, PartialEq)]
enum Busy {
    Idle,
    Working(&'static str),
    Done(String),
    Failed(String),
}

/// The controls above the chart.
#[component]
pub(crate) fn TimelineControls(
    /// The story, cleared by "Start over".
    story: RwSignal<Story>,
) -> impl IntoView {
    let store = AppStore::use_context();
    let busy = RwSignal::new(Busy::Idle);
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

    let status = move || match busy.get() {
        Busy::Idle => String::new(),
        Busy::Working(text) => text.to_string(),
        Busy::Done(text) | Busy::Failed(text) => text,
    };
    view! {
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
    }
}
