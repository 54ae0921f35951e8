//! Training: fine-tune the small model in the browser and watch what it learns and forgets.
//!
//! The run is stepped in time-boxed slices (`state::training_panel::runner`) so the page stays responsive while the
//! loss curve draws; the finished model is installed in the workbench, so every view follows.
//! The settings, the history of runs and the run going now outlive the view (they live in
//! [`TrainingPanel`], in `ui::state`): a learner can look at the Ask view while a run goes (the
//! header shows its progress) and come back to compare.

mod chart;
mod controls;
mod results;
mod training_set;

use leptos::prelude::*;

use crate::core::tune::TuneError;
use crate::ui::components::version_picker::VersionPicker;
use crate::ui::state::learner_work::LearnerWork;
use crate::ui::state::training_panel::history::{RunHistory, RunRecord};
use crate::ui::state::training_panel::runner::{self, Live};
use crate::ui::state::training_panel::settings::PanelSettings;
use crate::ui::state::training_panel::{RunStatus as Status, TrainingPanel};
use crate::ui::state::AppStore;
use chart::LossChart;
use controls::Controls;
use results::{timing_sentence, HistoryTable, LatestRun};
use training_set::{SetPreview, TrainingSet};

/// Records the model in use when the panel first opens, so the first run has a baseline, and
/// shows its loss curve.
fn seed_history(store: AppStore, panel: TrainingPanel, live: Live) {
    if !panel.history.with_untracked(RunHistory::is_empty) {
        return;
    }
    let start = store
        .with(|b| {
            let model = b.tuned()?.clone();
            let since = b.corpus().snapshot.clone();
            let phrasings = PanelSettings::default().phrasings;
            let report = b
                .knowledge_report(&model, &model.version, &since, phrasings)
                .ok()?;
            Some((model, since, report))
        })
        .flatten();
    if let Some((model, since, report)) = start {
        let record = RunRecord {
            number: 0,
            settings: None,
            trained_on: model.version.clone(),
            trained: report.trained_accuracy,
            heldout: report.heldout_accuracy,
            old_facts: report.unchanged_accuracy,
            old_since: since,
            train_ms: model.train_ms,
        };
        let (losses, epochs) = (model.loss.clone(), model.loss.len().max(1));
        panel.history.update(|h| h.push(record, Some(model)));
        live.losses.set(losses);
        live.epochs.set(epochs);
    }
}

/// The Training view.
#[component]
pub(crate) fn TrainingView() -> impl IntoView {
    let store = AppStore::use_context();
    let panel = LearnerWork::use_context().training;
    let TrainingPanel {
        settings,
        history,
        timing,
        ..
    } = panel;
    let status = panel.status;
    let live = panel.live();
    Effect::new(move |_| seed_history(store, panel, live));

    let busy = Signal::derive(move || status.get() == Status::Training);
    let current_version =
        Signal::derive(move || store.with(|b| b.version().to_string()).unwrap_or_default());
    let snapshot = Signal::derive(move || {
        store
            .with(|b| b.corpus().snapshot.clone())
            .unwrap_or_default()
    });
    let in_use = Signal::derive(move || {
        store
            .with(|b| b.tuned().and_then(|m| history.with(|h| h.number_of(m))))
            .flatten()
    });
    let model_line = move || {
        store
            .with(|b| {
                let now = b.version().to_string();
                match b.tuned() {
                    None => "No model is in use yet.".to_string(),
                    Some(m) if m.version == now => format!(
                        "Model in use: learned the facts as of {} ({}); the documents are at {} too.",
                        m.version, m.date, now
                    ),
                    Some(m) => format!(
                        "Model in use: learned the facts as of {} ({}); the documents are now at \
                         {}, so its answers to facts that changed since are stale.",
                        m.version, m.date, now
                    ),
                }
            })
            .unwrap_or_default()
    };
    let preview = Memo::new(move |_| {
        let core = settings.get().to_core();
        store.with(|b| {
            let previous = b.tuned().map(|m| m.version.clone());
            let chosen = settings.get_untracked();
            let why = |e: &TuneError| runner::explain(e, &chosen, previous.as_deref());
            let run = b.start_tuning(&core).map_err(|e| why(&e))?;
            if runner::nothing_new(run.counts(), &chosen, previous.as_deref()) {
                return Err(why(&TuneError::EmptyDataset));
            }
            Ok(SetPreview {
                counts: run.counts().clone(),
                behaviour_examples: b.tuning_data().behaviour_train.len(),
            })
        })
    });

    let start = move |_| panel.start(store);
    let on_cancel = move |_| panel.cancel.set(true);
    let on_use = Callback::new(move |number: usize| {
        if let Some(model) = history.with_untracked(|h| h.model(number).cloned()) {
            store.update(|b| b.install_tuned(model));
        }
    });

    let latest = Memo::new(move |_| history.with(|h| h.records().pop()));
    let lesson = Memo::new(move |_| history.with(RunHistory::lesson));

    view! {
        <section class="view training" aria-labelledby="training-title">
            <h2 id="training-title" class="view__title">"Training"</h2>
            <p class="view__lead">
                "Fine-tune a small network, right here in your browser. Unlike retrieval, which "
                "reads the documents as they are, fine-tuning needs labelled examples: questions "
                "someone wrote, each with the answer it should learn. Train, change a setting, "
                "train again, and compare what it memorises and what it forgets."
            </p>
            <VersionPicker/>
            <p class="training__model">{model_line}</p>

            <section class="training-run" aria-labelledby="training-run-title">
                <div class="training-run__head">
                    <h3 id="training-run-title">"Run"</h3>
                    <button type="button" class="primary training-run__train"
                        prop:disabled=move || busy.get() || !matches!(preview.get(), Some(Ok(_)))
                        on:click=start>
                        {move || if busy.get() { "Training…" } else { "Train" }}
                    </button>
                    <button type="button" class="training-run__cancel"
                        prop:disabled=move || !busy.get()
                        on:click=on_cancel>
                        "Cancel"
                    </button>
                    <span class="training-run__status" role="status" aria-live="polite">
                        {move || match status.get() {
                            Status::Training => {
                                let (done, total) = live.batches.get();
                                format!(
                                    "Training: epoch {} of {} ({done} of {total} steps)",
                                    live.losses.with(Vec::len),
                                    live.epochs.get()
                                )
                            }
                            Status::Cancelled => "Cancelled; the model in use did not change.".to_string(),
                            Status::Failed(message) => message,
                            Status::Idle if store.with(|_| ()).is_none() => {
                                store.pending_note().to_string()
                            }
                            Status::Idle => timing.get().map(|t| timing_sentence(&t)).unwrap_or_else(|| {
                                "Press Train to fine-tune with the settings below.".to_string()
                            }),
                        }}
                    </span>
                </div>
                <div class="training-run__body">
                    <LossChart losses=live.losses.into() epochs=live.epochs.into()/>
                    <div class="training-run__results">
                        {move || latest.get().map(|record| view! {
                            <h4>{format!("After run #{}", record.number)}</h4>
                            <LatestRun record=record/>
                        })}
                    </div>
                </div>
            </section>

            <section class="training-history-section" aria-labelledby="training-history-title">
                <h3 id="training-history-title">"History"</h3>
                {move || lesson.get().map(|text| view! {
                    <p class="training-history__lesson">{text}</p>
                })}
                <HistoryTable history=history in_use=in_use on_use=on_use busy=busy/>
            </section>

            <div class="training-setup">
                <Controls settings=settings busy=busy current_version=current_version snapshot=snapshot/>
                <TrainingSet preview=Signal::derive(move || preview.get())/>
            </div>
        </section>
    }
}
