//! Putting a scenario in place, all at once: everything that can fail (validation against the
//! sample corpus, building and training the user's workbench) happens before anything the
//! learner sees changes. The user's documents are embedded again a step at a time, the page
//! answering between steps and the caller hearing how far it is. And "Clear my work": back to
//! the app as shipped.

use leptos::prelude::*;

use super::autosave::agree;
use super::{problem_lines, KEY};
use crate::core::embed::Embedder;
use crate::core::scenario::{self, ActiveCorpus, Restored, Scenario};
use crate::core::workbench::{
    BuildProgress, Edits, RetrievalSettings, TrainData, TrainScope, TuneSettings, Workbench,
};
use crate::ui::state::learner_work::{build_step_label, run_build, LearnerWork};
use crate::ui::state::storage;
use crate::ui::state::training_panel::settings::PanelSettings;
use crate::ui::state::url_schema::{self as url, names};
use crate::ui::state::{AppStore, BrowserClock};

/// What of the page's own state a scenario put in place leaves as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Keep {
    /// Nothing: the scenario's question and toggles too (an import, an undo).
    Nothing,
    /// The question and toggles the page's link names (the start-up restore).
    LinkNamed,
    /// This tab's question and toggles (work saved in another tab, taken over).
    QuestionAndToggles,
}

/// Applies `scenario`. On error (the problems, by path) nothing was changed. `keep` says which
/// of the page's question and toggles stay. `progress` hears how far the rebuild of the
/// user's documents is, in words.
pub(crate) async fn apply_scenario(
    store: AppStore,
    work: LearnerWork,
    scenario: &Scenario,
    keep: Keep,
    progress: impl Fn(String),
) -> Result<(), Vec<String>> {
    let one = |text: String| vec![text];
    let sample = work
        .with_sample(store, |b| b.corpus().clone())
        .ok_or_else(|| one("The sample corpus is still loading.".into()))?;
    let embedder = store
        .with_untracked(|b| b.embedder().clone())
        .ok_or_else(|| one("The embedding model is still loading.".into()))?;
    let restored = scenario::restore(scenario, &sample).map_err(|p| problem_lines(&p))?;
    work.cancel_runs();
    let sample_edits = restored.sample_edits.clone();
    let mine_trained = restored.trained_on.is_some();
    let sample_plan = match restored.active {
        ActiveCorpus::Sample => Some((
            restored.retrieval,
            restored.tuning.clone(),
            restored.trained_on.clone(),
            restored.version.clone(),
        )),
        ActiveCorpus::Own => None,
    };
    let mine_bench = match restored.active {
        ActiveCorpus::Own => Some(
            rebuild_mine(&restored, embedder, progress)
                .await
                .map_err(one)?,
        ),
        ActiveCorpus::Sample => None,
    };

    // From here on nothing fails for a reason the scenario could cause.
    work.update_sample(store, |bench| {
        if bench.edits() != &sample_edits {
            let _ = bench.replace_edits(sample_edits.clone(), &BrowserClock);
        }
        if let Some((retrieval, tuning, trained_on, version)) = &sample_plan {
            let _ = bench.set_settings(*retrieval, &BrowserClock);
            retrain_if_needed(bench, tuning, trained_on.as_deref());
            let _ = bench.set_version(version, &BrowserClock);
        }
    });
    if let Some((_, tuning, _, _)) = &sample_plan {
        // The Training view shows the settings the work was saved with, not the defaults.
        work.training.settings.set(PanelSettings::from_core(tuning));
    }
    work.documents.set(restored.documents.clone());
    work.pairs.set(restored.pairs.clone());
    let pairs = restored.pairs.clone();
    work.trained_pairs
        .set((mine_trained && restored.active == ActiveCorpus::Own).then_some(pairs));
    let link = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    // The question and the toggles a link names win over the saved ones (the link's retrieval
    // settings are applied after the restore anyway).
    let kept = |key: &str| match keep {
        Keep::Nothing => false,
        Keep::LinkNamed => names(&link, key),
        Keep::QuestionAndToggles => true,
    };
    if !kept(url::QUESTION) {
        store.question.set(restored.question.clone());
    }
    if !kept(url::RETRIEVAL) {
        store.retrieval.set(restored.toggles.retrieval);
    }
    if !kept(url::TUNED) {
        store.tuned.set(restored.toggles.tuned);
    }
    match mine_bench {
        Some(bench) => {
            work.forget_parked_mine();
            work.install_mine(store, bench);
            let _ = work.switch(store, ActiveCorpus::Own);
        }
        None => {
            let _ = work.switch(store, ActiveCorpus::Sample);
            work.forget_parked_mine();
        }
    }
    store.update(|_| ());
    Ok(())
}

/// The workbench of the saved documents, built a step at a time, with the saved settings and
/// model put back.
async fn rebuild_mine(
    restored: &Restored,
    embedder: Embedder,
    progress: impl Fn(String),
) -> Result<Workbench, String> {
    let show = |step: BuildProgress| progress(build_step_label(&step));
    let bench = run_build(restored.start_build(embedder), show, || false)
        .await?
        .ok_or("The rebuild of your documents was stopped.")?;
    restored
        .complete(bench, &BrowserClock)
        .map_err(|e| format!("Your documents could not be rebuilt: {e}"))
}

/// Retrains the sample model when the saved one differs from the model in use: another
/// version, or settings other than the start-up model's (seeded, so the same weights).
fn retrain_if_needed(bench: &mut Workbench, tuning: &TuneSettings, trained_on: Option<&str>) {
    let Some(version) = trained_on else {
        return;
    };
    let startup = TuneSettings::default();
    let in_use = bench.tuned().map(|m| m.version.clone());
    let same_settings = TuneSettings {
        data: startup.data,
        scope: startup.scope,
        ..tuning.clone()
    } == startup;
    if same_settings && in_use.as_deref() == Some(version) {
        return;
    }
    let shown = bench.version().to_string();
    if bench.set_version(version, &BrowserClock).is_err() {
        return;
    }
    let settings = TuneSettings {
        data: TrainData::Current,
        scope: TrainScope::Fresh,
        ..tuning.clone()
    };
    let _ = bench.train(&settings, &BrowserClock);
    let _ = bench.set_version(&shown, &BrowserClock);
}

/// Forgets everything the learner made: their documents and pairs, the sample edits and
/// settings, the saved value; the sample corpus shows as shipped with the start-up model.
pub(crate) fn clear(store: AppStore, work: LearnerWork) -> Result<(), String> {
    clear_work(store, work)?;
    storage::remove(KEY).map_err(|e| e.to_string())?;
    agree(store, work, None);
    work.saved.set(super::SaveStatus::Nothing);
    Ok(())
}

/// [`clear`] without touching storage: the page as shipped.
pub(super) fn clear_work(store: AppStore, work: LearnerWork) -> Result<(), String> {
    work.cancel_runs();
    work.switch(store, ActiveCorpus::Sample)?;
    work.forget_parked_mine();
    store.update(|bench| {
        let _ = bench.replace_edits(Edits::default(), &BrowserClock);
        let _ = bench.set_settings(RetrievalSettings::default(), &BrowserClock);
        // The model in use may come from a Training-view run: put the start-up one back.
        let _ = bench.train(&TuneSettings::default(), &BrowserClock);
        let latest = bench.corpus().latest().to_string();
        let _ = bench.set_version(&latest, &BrowserClock);
    });
    work.documents.set(Vec::new());
    work.pairs.set(Vec::new());
    work.trained_pairs.set(None);
    work.training.settings.set(PanelSettings::default());
    store.question.set(String::new());
    store.retrieval.set(true);
    store.tuned.set(true);
    Ok(())
}
