//! The Training panel's state while the app is open: its settings, the history of runs, the
//! run going now or last (status, loss curve, steps, timing). It lives here, not in the view,
//! because views are unmounted when the learner navigates: a run goes on when the learner
//! leaves (see `state::jobs`), and comparing runs across visits is the point of the panel. The
//! settings are also saved with the learner's work (`persist::capture`). The Training view and
//! the runs it starts are the only writers.

pub(crate) mod history;
pub(crate) mod runner;
pub(crate) mod settings;
pub(crate) mod timing;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::ui::state::jobs;
use crate::ui::state::loader::yield_now;
use crate::ui::state::AppStore;
use history::RunHistory;
use runner::Live;
use settings::PanelSettings;
use timing::SliceTiming;

/// Where a training run stands.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum RunStatus {
    /// No run goes (none yet, or the last one finished).
    Idle,
    /// A run goes.
    Training,
    /// The last run was cancelled.
    Cancelled,
    /// The last run could not start or finish; the text says why.
    Failed(String),
}

/// The Training panel's memory, provided at the root as part of the
/// [`LearnerWork`](crate::ui::state::learner_work::LearnerWork); `Copy`.
#[derive(Clone, Copy)]
pub(crate) struct TrainingPanel {
    /// The controls' values.
    pub(crate) settings: RwSignal<PanelSettings>,
    /// The runs so far, with their models (the first is the model in use at start-up).
    pub(crate) history: RwSignal<RunHistory>,
    /// How the last finished run was cut into slices.
    pub(crate) timing: RwSignal<Option<SliceTiming>>,
    /// Where the run going now (or the last one) stands.
    pub(crate) status: RwSignal<RunStatus>,
    /// The loss per completed epoch of the run going now, or of the last finished one.
    pub(crate) losses: RwSignal<Vec<f32>>,
    /// The epochs that run does.
    pub(crate) epochs: RwSignal<usize>,
    /// Gradient steps done and in total (knowledge head) in the run going now.
    pub(crate) batches: RwSignal<(usize, usize)>,
    /// Set by Cancel; the run stops before its next slice.
    pub(crate) cancel: RwSignal<bool>,
}

impl TrainingPanel {
    /// Default settings, no runs.
    pub(crate) fn new() -> Self {
        Self {
            settings: RwSignal::new(PanelSettings::default()),
            history: RwSignal::new(RunHistory::default()),
            timing: RwSignal::new(None),
            status: RwSignal::new(RunStatus::Idle),
            losses: RwSignal::new(Vec::new()),
            epochs: RwSignal::new(1),
            batches: RwSignal::new((0, 0)),
            cancel: RwSignal::new(false),
        }
    }

    /// What the run going now reports to.
    pub(crate) fn live(&self) -> Live {
        Live {
            losses: self.losses,
            epochs: self.epochs,
            batches: self.batches,
        }
    }

    /// Starts a run with the panel's settings, unless one goes. It writes root-owned state
    /// only, so leaving the Training view does not stop it.
    pub(crate) fn start(self, store: AppStore) {
        if self.status.get_untracked() == RunStatus::Training {
            return;
        }
        let live = self.live();
        self.cancel.set(false);
        self.status.set(RunStatus::Training);
        live.losses.set(Vec::new());
        live.batches.set((0, 0));
        jobs::report(store, runner::JOB_LABEL, 0, 1);
        let chosen = self.settings.get_untracked();
        spawn_local(async move {
            yield_now().await; // let the disabled controls paint before the first slice
            let cancelled = || self.cancel.get_untracked();
            let outcome = runner::train(store, chosen, live, &cancelled).await;
            jobs::end(store);
            let next = match outcome {
                Ok(Some(done)) => {
                    self.history
                        .update(|h| h.push(done.record, Some(done.model)));
                    self.timing.set(Some(done.timing));
                    RunStatus::Idle
                }
                Ok(None) => RunStatus::Cancelled,
                Err(message) => RunStatus::Failed(message),
            };
            self.status.set(next);
        });
    }

    /// The panel's settings as the core takes them (for saving the learner's work).
    pub(crate) fn tune_settings(&self) -> crate::core::workbench::TuneSettings {
        self.settings.with_untracked(PanelSettings::to_core)
    }
}

impl Default for TrainingPanel {
    fn default() -> Self {
        Self::new()
    }
}
