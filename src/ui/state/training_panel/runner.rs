//! Runs a training in time-boxed slices (`state::jobs`), yielding to the browser between them
//! so input is never blocked for long and the loss curve draws as it trains; then measures the
//! model, installs it (every view updates) and returns the history record. It reports to the
//! root-owned [`Live`] signals and `AppStore::job`, so it goes on when the learner leaves the view.

use std::cell::RefCell;

use leptos::prelude::*;

use crate::core::clock::Clock;
use crate::core::tune::{TrainingSetCounts, TuneError};
use crate::core::workbench::{TrainScope, TunedModel};
use crate::ui::state::jobs::{self, run_in_slices};
use crate::ui::state::training_panel::history::RunRecord;
use crate::ui::state::training_panel::settings::{PanelSettings, ScopeChoice};
use crate::ui::state::training_panel::timing::SliceTiming;
use crate::ui::state::{AppStore, BrowserClock};

/// What the header calls a training run while it goes.
pub(crate) const JOB_LABEL: &str = "Training";

/// Gradient steps between clock checks within a slice.
const BATCHES_PER_CHECK: usize = 2;

/// What the panel watches while a run goes.
#[derive(Clone, Copy)]
pub(crate) struct Live {
    /// Loss per completed epoch so far.
    pub(crate) losses: RwSignal<Vec<f32>>,
    /// Epochs the run will do.
    pub(crate) epochs: RwSignal<usize>,
    /// Gradient steps done and in total (knowledge head).
    pub(crate) batches: RwSignal<(usize, usize)>,
}

/// A finished run.
pub(crate) struct Finished {
    /// The history row (number assigned by the history).
    pub(crate) record: RunRecord,
    /// The installed model.
    pub(crate) model: TunedModel,
    /// How long it took.
    pub(crate) timing: SliceTiming,
}

/// Why a run with `settings` cannot start, in words a learner can act on.
pub(crate) fn explain(
    error: &TuneError,
    settings: &PanelSettings,
    model_version: Option<&str>,
) -> String {
    let core = settings.to_core();
    match (error, core.scope, model_version) {
        (TuneError::EmptyDataset, TrainScope::ChangesOnly | TrainScope::Replay(_), Some(v)) => {
            format!(
                "Nothing changed since the model in use learned {v}, so there is nothing new to \
                 teach. Move the documents to a later version above and pick \u{201c}Current \
                 version\u{201d}, or put an earlier run's model back in use from the history."
            )
        }
        (TuneError::EmptyDataset, ..) => "There are no facts to train on.".to_string(),
        (other, ..) => format!("Training cannot start: {other}."),
    }
}

/// True when continuing would teach nothing new: no fact changed since the model in use
/// learned its facts (a replay-only run would just rehearse what it knows).
pub(crate) fn nothing_new(
    counts: &TrainingSetCounts,
    settings: &PanelSettings,
    model: Option<&str>,
) -> bool {
    model.is_some() && settings.scope != ScopeChoice::Fresh && counts.changed_facts == 0
}

/// Trains with `settings` in slices, telling the header how far it is. `Ok(None)` when cancelled.
pub(crate) async fn train(
    store: AppStore,
    settings: PanelSettings,
    live: Live,
    cancelled: &dyn Fn() -> bool,
) -> Result<Option<Finished>, String> {
    let core = settings.to_core();
    let previous = store
        .with_untracked(|b| b.tuned().map(|m| m.version.clone()))
        .flatten();
    let run = store
        .with_untracked(|b| b.start_tuning(&core))
        .ok_or("The documents are still loading.")?
        .map_err(|e| explain(&e, &settings, previous.as_deref()))?;
    if nothing_new(run.counts(), &settings, previous.as_deref()) {
        return Err(explain(
            &TuneError::EmptyDataset,
            &settings,
            previous.as_deref(),
        ));
    }

    let clock = BrowserClock;
    let began = clock.now_ms();
    let mut timing = SliceTiming::default();
    live.epochs.try_set(core.config.epochs);
    let run = RefCell::new(run);
    let progress = RefCell::new(None);
    let finished = run_in_slices(
        &mut || {
            let mut run = run.borrow_mut();
            *progress.borrow_mut() = Some(run.step(BATCHES_PER_CHECK));
            Ok(run.finished())
        },
        &mut |slice_ms| {
            timing.add(slice_ms);
            let (done, total) = progress
                .borrow()
                .as_ref()
                .map_or((0, 1), |p| (p.batches_done, p.batches_total));
            jobs::report(store, JOB_LABEL, done, total);
            // A disposed signal means the panel's state is gone: stop quietly.
            live.losses
                .try_set(run.borrow().loss_curve().to_vec())
                .is_none()
                && live.batches.try_set((done, total)).is_none()
        },
        cancelled,
    )
    .await?;
    if !finished {
        return Ok(None);
    }
    let run = run.into_inner();

    let mut model = run.finish();
    model.train_ms = timing.compute_ms;
    let since = store
        .with_untracked(|b| b.report_since(&core, previous.as_deref()))
        .unwrap_or_default();
    let report = store
        .with_untracked(|b| b.knowledge_report(&model, &model.version, &since, core.phrasings))
        .ok_or("The documents are no longer loaded.")?
        .map_err(|e| format!("The run finished but could not be measured: {e}."))?;
    store.update(|b| b.install_tuned(model.clone()));
    timing.wall_ms = clock.now_ms() - began;
    Ok(Some(Finished {
        record: RunRecord {
            number: 0,
            settings: Some(settings),
            trained_on: model.version.clone(),
            trained: report.trained_accuracy,
            heldout: report.heldout_accuracy,
            old_facts: report.unchanged_accuracy,
            old_since: since,
            train_ms: timing.compute_ms,
        },
        model,
        timing,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_continuation_says_what_to_do() {
        let settings = PanelSettings {
            scope: ScopeChoice::ChangesOnly,
            ..PanelSettings::default()
        };
        let text = explain(&TuneError::EmptyDataset, &settings, Some("v2"));
        assert!(
            text.contains("learned v2") && text.contains("later version"),
            "{text}"
        );
        let other = explain(&TuneError::InvalidConfig("x"), &settings, None);
        assert!(other.starts_with("Training cannot start"), "{other}");
    }

    #[test]
    fn a_continuation_with_no_changed_fact_is_nothing_new() {
        let counts = TrainingSetCounts {
            replayed_examples: 33,
            ..TrainingSetCounts::default()
        };
        let replay = PanelSettings {
            scope: ScopeChoice::Replay,
            ..PanelSettings::default()
        };
        assert!(nothing_new(&counts, &replay, Some("v2")));
        assert!(!nothing_new(&counts, &replay, None), "no model: a full run");
        assert!(
            !nothing_new(&counts, &PanelSettings::default(), Some("v2")),
            "fresh"
        );
        let changed = TrainingSetCounts {
            changed_facts: 3,
            ..counts
        };
        assert!(!nothing_new(&changed, &replay, Some("v1")));
    }

    #[test]
    fn slices_add_up_and_the_longest_is_kept() {
        let mut timing = SliceTiming::default();
        for ms in [10.0, 14.0, 3.0] {
            timing.add(ms);
        }
        assert_eq!(
            (timing.slices, timing.compute_ms, timing.longest_ms),
            (3, 27.0, 14.0)
        );
    }
}
