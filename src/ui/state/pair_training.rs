//! "Train on my pairs": index the documents with the pairs as facts, then run the same training
//! the Training view runs (`Workbench::start_tuning` stepped in `jobs::run_in_slices`), with
//! progress and Cancel. The four modes and the charts then use the pairs as their
//! evaluation set.
//!
//! The run belongs to the learner's work ([`PairTraining`]), not the view's: it goes on when the learner
//! leaves "Your documents", the header shows it, and the view shows where it stands on return.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::workbench::{BuildProgress, Workbench};
use crate::ui::state::jobs::{self, run_in_slices, CancelFlag};
use crate::ui::state::learner_work::{
    build_workbench_stepwise, pair_tune_settings, usable_pairs, LearnerWork,
};
use crate::ui::state::AppStore;

/// What the header calls a run on the pairs while it goes.
const JOB_LABEL: &str = "Training on your pairs";

/// Where the last run on the learner's pairs stands.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum PairRunState {
    /// No run yet (or its refusal was cleared by an edit).
    Idle,
    /// Indexing, then training: `done` of `total` steps of the current stage.
    Running {
        /// Steps done.
        done: usize,
        /// Steps in the stage.
        total: usize,
    },
    /// Trained: the model on "my documents" learnt `pairs` distinct pairs in `ms`.
    Done {
        /// Distinct pairs learnt.
        pairs: usize,
        /// Compute time.
        ms: f64,
    },
    /// Cancelled: the model in use is unchanged.
    Cancelled,
    /// Refused or failed, in words.
    Failed(String),
}

impl PairRunState {
    /// True while indexing or training goes.
    pub(crate) fn is_running(&self) -> bool {
        matches!(self, PairRunState::Running { .. })
    }
}

/// The run on the learner's pairs, owned by the root; `Copy`.
#[derive(Clone, Copy)]
pub(crate) struct PairTraining {
    /// Where it stands.
    pub(crate) state: RwSignal<PairRunState>,
    cancel: CancelFlag,
}

impl PairTraining {
    /// No run yet.
    pub(crate) fn new() -> Self {
        Self {
            state: RwSignal::new(PairRunState::Idle),
            cancel: CancelFlag::new(),
        }
    }

    /// True (and tracked) while a run goes.
    pub(crate) fn running(&self) -> bool {
        self.state.with(PairRunState::is_running)
    }

    /// Starts a run on the learner's pairs and documents, unless one goes already.
    pub(crate) fn start(self, store: AppStore, work: LearnerWork) {
        if self.state.with_untracked(PairRunState::is_running) {
            return;
        }
        let cancel = self.cancel.fresh();
        self.state.set(PairRunState::Running { done: 0, total: 1 });
        spawn_local(async move {
            let end = train(store, work, self.state, cancel).await;
            jobs::end(store);
            self.state.set(end);
        });
    }

    /// Asks the run to stop (the model in use then stays as it was).
    pub(crate) fn cancel(&self) {
        self.cancel.cancel();
    }
}

impl Default for PairTraining {
    fn default() -> Self {
        Self::new()
    }
}

async fn train(
    store: AppStore,
    work: LearnerWork,
    state: RwSignal<PairRunState>,
    cancel: Arc<AtomicBool>,
) -> PairRunState {
    let pairs = usable_pairs(&work.pairs.get_untracked());
    if pairs.is_empty() {
        return PairRunState::Failed(
            "Add at least one pair with both a question and an answer first.".into(),
        );
    }
    let documents = work.documents.get_untracked();
    if documents.is_empty() {
        return PairRunState::Failed(
            "Add your documents first: the answers come from them.".into(),
        );
    }
    let stopped = || cancel.load(Ordering::Relaxed);
    let indexing = |p: BuildProgress| {
        jobs::report(store, JOB_LABEL, p.done, p.total.max(1));
        state.set(PairRunState::Running {
            done: p.done,
            total: p.total.max(1),
        });
    };
    let mut bench: Workbench =
        match build_workbench_stepwise(store, &documents, &pairs, indexing, stopped).await {
            Ok(Some(b)) => b,
            Ok(None) => return PairRunState::Cancelled,
            Err(why) => return PairRunState::Failed(why),
        };
    let run = match bench.start_tuning(&pair_tune_settings()) {
        Ok(run) => run,
        Err(e) => return PairRunState::Failed(format!("Training cannot start: {e}.")),
    };
    let mut compute_ms = 0.0;
    let run = std::cell::RefCell::new(run);
    let progress = std::cell::Cell::new((0, 1));
    let finished = run_in_slices(
        &mut || {
            let mut run = run.borrow_mut();
            let step = run.step(2);
            progress.set((step.batches_done, step.batches_total.max(1)));
            Ok(run.finished())
        },
        &mut |slice_ms| {
            compute_ms += slice_ms;
            let (done, total) = progress.get();
            jobs::report(store, JOB_LABEL, done, total);
            state.set(PairRunState::Running { done, total });
            true
        },
        &|| cancel.load(Ordering::Relaxed),
    )
    .await;
    if finished != Ok(true) {
        return PairRunState::Cancelled;
    }
    let run = run.into_inner();
    let mut model = run.finish();
    model.train_ms = compute_ms;
    bench.install_tuned(model);
    work.pairs.set(pairs.clone());
    work.trained_pairs.set(Some(pairs.clone()));
    work.forget_parked_mine();
    work.install_mine(store, bench);
    let _ = work.switch(store, crate::core::scenario::ActiveCorpus::Own);
    PairRunState::Done {
        // A question asked twice is learned once.
        pairs: pairs.len() - crate::core::own_documents::repeated_questions(&pairs).len(),
        ms: compute_ms,
    }
}
