//! The Training panel's state while the app is open: its settings, the history of runs, the
//! run going now or last (status, loss curve, steps, timing). It lives here, not in the view,
//! because views are unmounted when the learner navigates: a run goes on when the learner
//! leaves (see `state::jobs`), and comparing runs across visits is the point of the panel. The
//! settings are also saved with the learner's work (`persist::capture`). The Training view and
//! the runs it starts are the only writers.

pub(crate) mod history;
pub(crate) mod settings;
pub(crate) mod timing;

use leptos::prelude::*;

use history::RunHistory;
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
/// [`Workspace`](crate::ui::state::workspace::Workspace); `Copy`.
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
