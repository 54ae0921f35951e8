//! The learner's own work beside the sample corpus: their documents, their question-answer
//! pairs, and which corpus the app is showing. Switching corpus swaps the store's workbench and
//! keeps the other one aside, so switching back is instant and keeps its edits.

use leptos::prelude::*;

use super::document_import::DocumentImport;
use super::pair_training::PairTraining;
use super::persist::Saving;
use super::save_status::SaveStatus;
use super::{AppStore, BrowserClock, LoadState};
use crate::core::own_documents::{self, QaPair, UserDocument};
use crate::core::scenario::ActiveCorpus;
use crate::core::text::thousands;
use crate::core::workbench::{BuildProgress, BuildStage, TuneSettings, Workbench, WorkbenchBuild};
use crate::ui::state::jobs::run_in_slices;
use crate::ui::state::loader::yield_now;
use crate::ui::state::training_panel::TrainingPanel;

/// The learner's work, provided as context next to the [`AppStore`]; `Copy`.
#[derive(Clone, Copy)]
pub(crate) struct LearnerWork {
    /// The documents the learner added, in the order added.
    pub(crate) documents: RwSignal<Vec<UserDocument>>,
    /// The question-answer pairs (labelled examples) as edited in the table.
    pub(crate) pairs: RwSignal<Vec<QaPair>>,
    /// The pairs the tuned model on "my documents" was last trained on (`None`: not trained).
    pub(crate) trained_pairs: RwSignal<Option<Vec<QaPair>>>,
    /// Which corpus the store's workbench holds.
    pub(crate) active: RwSignal<ActiveCorpus>,
    /// Where saving in the browser stands (shown in "Your documents").
    pub(crate) saved: RwSignal<SaveStatus>,
    /// What this tab knows of storage and the save waiting to be written.
    pub(crate) saving: Saving,
    /// A start-up notice about restoring saved work (shown at the top of every view).
    pub(crate) notice: RwSignal<Option<String>>,
    /// While saved work is being rebuilt (the learner's documents, embedded again), how far
    /// it is, in words; `None` otherwise.
    pub(crate) restoring: RwSignal<Option<String>>,
    /// True once the start-up restore of saved work is over (restored, absent or refused).
    /// A link's state is applied after it, so what a link names wins over saved settings.
    pub(crate) restored: RwSignal<bool>,
    /// The Training panel's settings and runs (the settings are saved with the work).
    pub(crate) training: TrainingPanel,
    /// The import of documents that runs now, and how the last one ended.
    pub(crate) import: DocumentImport,
    /// The run of training on the learner's pairs, and how the last one ended.
    pub(crate) pair_training: PairTraining,
    /// The workbench not in use: the sample one while "my documents" shows, or the user's one
    /// (when built and still current) while the sample shows.
    parked: StoredValue<Option<Workbench>, LocalStorage>,
}

impl LearnerWork {
    /// Empty work, showing the sample corpus.
    pub(crate) fn new() -> Self {
        Self {
            documents: RwSignal::new(Vec::new()),
            pairs: RwSignal::new(Vec::new()),
            trained_pairs: RwSignal::new(None),
            active: RwSignal::new(ActiveCorpus::Sample),
            saved: RwSignal::new(SaveStatus::Nothing),
            saving: Saving::new(),
            notice: RwSignal::new(None),
            restoring: RwSignal::new(None),
            restored: RwSignal::new(false),
            training: TrainingPanel::new(),
            import: DocumentImport::new(),
            pair_training: PairTraining::new(),
            parked: StoredValue::new_local(None),
        }
    }

    /// True (untracked) while an import of documents or a training run on the pairs goes:
    /// work on its way that is not in the saved state yet.
    pub(crate) fn runs_going(&self) -> bool {
        self.import.progress.with_untracked(Option::is_some)
            || self
                .pair_training
                .state
                .with_untracked(super::pair_training::PairRunState::is_running)
    }

    /// Stops the learner's document import and training on pairs, if one runs: what replaces
    /// the work (a restore, an imported scenario, Clear, Start over) must not be overwritten by
    /// a run that began on the work before it.
    pub(crate) fn cancel_runs(&self) {
        self.import.cancel();
        self.pair_training.cancel();
    }

    /// The workspace provided at the root.
    pub(crate) fn use_context() -> Self {
        expect_context::<LearnerWork>()
    }

    /// True (and tracked) once the pipeline is ready and saved work is restored: state applied
    /// from then on (a link, the host page, a tour step) is not overwritten by the restore.
    pub(crate) fn settled(&self, store: AppStore) -> bool {
        store.load.get() == LoadState::Ready && self.restored.get()
    }

    /// Shows `choice`. Switching to "my documents" builds their workbench when needed.
    pub(crate) fn switch(&self, store: AppStore, choice: ActiveCorpus) -> Result<(), String> {
        if self.active.get_untracked() == choice {
            return Ok(());
        }
        let next = match (choice, self.parked.try_update_value(Option::take).flatten()) {
            (_, Some(bench)) => bench,
            (ActiveCorpus::Own, None) => self.build(store)?,
            (ActiveCorpus::Sample, None) => {
                return Err("The sample corpus is not loaded.".to_string());
            }
        };
        let previous = store.swap(next);
        self.parked.set_value(previous);
        self.active.set(choice);
        Ok(())
    }

    /// Builds the workbench of the learner's documents and pairs (embeds and indexes every
    /// passage) and, when the pairs were trained on before, retrains deterministically.
    pub(crate) fn build(&self, store: AppStore) -> Result<Workbench, String> {
        self.build_with(store, &self.documents.get_untracked())
    }

    /// Like [`Self::build`], with `documents` in place of the current ones (an import builds
    /// before it commits, so a cancelled or failed import changes nothing).
    pub(crate) fn build_with(
        &self,
        store: AppStore,
        documents: &[UserDocument],
    ) -> Result<Workbench, String> {
        let pairs = self.pairs.get_untracked();
        let trained = self.trained_pairs.get_untracked();
        let bench = build_workbench(store, documents, &pairs)?;
        Ok(match trained {
            Some(t) if t == pairs && !pairs.is_empty() => retrain(bench)?,
            _ => bench,
        })
    }

    /// Like [`Self::build_with`], a step at a time (see [`build_workbench_stepwise`]).
    pub(crate) async fn build_with_stepwise(
        &self,
        store: AppStore,
        documents: &[UserDocument],
        progress: impl Fn(BuildProgress),
        cancelled: impl Fn() -> bool,
    ) -> Result<Option<Workbench>, String> {
        let pairs = self.pairs.get_untracked();
        let trained = self.trained_pairs.get_untracked();
        let built = build_workbench_stepwise(store, documents, &pairs, progress, cancelled).await?;
        Ok(match (built, trained) {
            (Some(bench), Some(t)) if t == pairs && !pairs.is_empty() => Some(retrain(bench)?),
            (built, _) => built,
        })
    }

    /// Puts a freshly built workbench of the learner's documents in place: in use when "my
    /// documents" shows, otherwise ready for the next switch.
    pub(crate) fn install_mine(&self, store: AppStore, bench: Workbench) {
        if self.active.get_untracked() == ActiveCorpus::Own {
            store.swap(bench);
        } else {
            self.parked.set_value(Some(bench));
        }
    }

    /// Makes `documents` the learner's documents, with `bench` built from them, and shows them.
    pub(crate) fn commit_documents(
        &self,
        store: AppStore,
        documents: Vec<UserDocument>,
        bench: Workbench,
    ) {
        self.documents.set(documents);
        self.forget_parked_mine();
        self.install_mine(store, bench);
        let _ = self.switch(store, ActiveCorpus::Own);
    }

    /// Forgets the parked workbench of the learner's documents (their documents changed while
    /// the sample showed), so the next switch rebuilds it.
    pub(crate) fn forget_parked_mine(&self) {
        if self.active.get_untracked() == ActiveCorpus::Sample {
            self.parked.set_value(None);
        }
    }

    /// The sample workbench, wherever it is (for saving its edits and settings).
    pub(crate) fn with_sample<R>(
        &self,
        store: AppStore,
        read: impl FnOnce(&Workbench) -> R,
    ) -> Option<R> {
        match self.active.get_untracked() {
            ActiveCorpus::Sample => store.with_untracked(read),
            ActiveCorpus::Own => self.parked.with_value(|b| b.as_ref().map(read)),
        }
    }

    /// Changes the sample workbench, wherever it is (for restoring saved work).
    pub(crate) fn update_sample<R>(
        &self,
        store: AppStore,
        change: impl FnOnce(&mut Workbench) -> R,
    ) -> Option<R> {
        match self.active.get_untracked() {
            ActiveCorpus::Sample => store.update(change),
            ActiveCorpus::Own => self
                .parked
                .try_update_value(|b| b.as_mut().map(change))
                .flatten(),
        }
    }
}

impl Default for LearnerWork {
    fn default() -> Self {
        Self::new()
    }
}

/// The pairs a run can learn from: rows with both a question and an answer, trimmed.
pub(crate) fn usable_pairs(rows: &[QaPair]) -> Vec<QaPair> {
    rows.iter()
        .map(|p| QaPair {
            question: p.question.trim().to_string(),
            answer: p.answer.trim().to_string(),
        })
        .filter(|p| !p.question.is_empty() && !p.answer.is_empty())
        .collect()
}

/// The settings a run on the learner's pairs uses: the start-up model's, on the one version of
/// their corpus.
pub(crate) fn pair_tune_settings() -> TuneSettings {
    TuneSettings::default()
}

/// Embeds and indexes `documents` (with `pairs` as facts and evaluation questions) in one go
/// (used where the documents are known to be small or the page is still loading).
pub(crate) fn build_workbench(
    store: AppStore,
    documents: &[UserDocument],
    pairs: &[QaPair],
) -> Result<Workbench, String> {
    let (embedder, corpus) = user_inputs(store, documents, pairs)?;
    Workbench::new(embedder, corpus, &BrowserClock).map_err(index_failed)
}

/// Like [`build_workbench`], a step at a time: the page gets a turn every few milliseconds,
/// `progress` hears how far it is, and it stops with `Ok(None)` as soon as `cancelled` says so.
pub(crate) async fn build_workbench_stepwise(
    store: AppStore,
    documents: &[UserDocument],
    pairs: &[QaPair],
    progress: impl Fn(BuildProgress),
    cancelled: impl Fn() -> bool,
) -> Result<Option<Workbench>, String> {
    let (embedder, corpus) = user_inputs(store, documents, pairs)?;
    run_build(WorkbenchBuild::start(embedder, corpus), progress, cancelled).await
}

/// Runs `build` to the end in slices (`jobs::run_in_slices`), the page getting a turn between
/// them; `Ok(None)` when `cancelled` says so between two steps.
pub(crate) async fn run_build(
    build: WorkbenchBuild,
    progress: impl Fn(BuildProgress),
    cancelled: impl Fn() -> bool,
) -> Result<Option<Workbench>, String> {
    let clock = BrowserClock;
    let build = std::cell::RefCell::new(build);
    progress(build.borrow().progress());
    yield_now().await;
    if !build.borrow().finished() {
        let finished = run_in_slices(
            &mut || {
                let mut build = build.borrow_mut();
                build.step(&clock).map_err(index_failed)?;
                Ok(build.finished())
            },
            &mut |_| {
                progress(build.borrow().progress());
                true
            },
            &cancelled,
        )
        .await?;
        if !finished {
            return Ok(None);
        }
        yield_now().await;
    }
    if cancelled() {
        return Ok(None);
    }
    build
        .into_inner()
        .finish(&clock)
        .map(Some)
        .map_err(index_failed)
}

/// A stepwise build's progress in words ("Embedding passages: 240 of 7,117").
pub(crate) fn build_step_label(progress: &BuildProgress) -> String {
    match progress.stage {
        BuildStage::Splitting => format!(
            "Splitting into passages: document {} of {}",
            (progress.done + 1).min(progress.total),
            progress.total
        ),
        BuildStage::Embedding => format!(
            "Embedding passages: {} of {}",
            thousands(progress.passages_done as u64),
            thousands(progress.passages_total as u64)
        ),
        BuildStage::Indexing => format!(
            "Building the vector index: part {} of {}",
            (progress.done + 1).min(progress.total),
            progress.total
        ),
        BuildStage::Done => "Preparing questions and answers".to_string(),
    }
}

fn user_inputs(
    store: AppStore,
    documents: &[UserDocument],
    pairs: &[QaPair],
) -> Result<(crate::core::embed::Embedder, own_documents::Corpus), String> {
    let embedder = store
        .with_untracked(|b| b.embedder().clone())
        .ok_or("The embedding model is still loading.")?;
    let corpus = own_documents::user_corpus(documents, pairs).map_err(|e| e.to_string())?;
    Ok((embedder, corpus))
}

fn index_failed(e: crate::core::index::IndexError) -> String {
    format!("Your documents could not be indexed: {e}")
}

/// Trains `bench` to the end with [`pair_tune_settings`] (seeded: the same pairs give the same
/// model), for restoring saved work.
pub(crate) fn retrain(mut bench: Workbench) -> Result<Workbench, String> {
    bench
        .train(&pair_tune_settings(), &BrowserClock)
        .map_err(|e| format!("The model could not be trained on your pairs: {e}"))?;
    Ok(bench)
}
