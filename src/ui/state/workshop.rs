//! The workshop start: the documented starting scene a trainer can return to in one step
//! ("Start over" in the header, or a link with `?scene=workshop-start`), and the set-aside
//! copy of the learner's work that every such step keeps, so it can be undone.
//!
//! The starting scene: the sample corpus at its latest version, no edits, default retrieval
//! settings, the tuned model trained on the January snapshot with the default settings, no
//! training runs, the default cost assumptions, an empty timeline, no question, both toggles
//! on. The learner's own documents are not deleted: they stay parked behind "Your documents".

use leptos::prelude::*;

use super::learner_work::LearnerWork;
use super::persist::{self, apply_scenario, Keep};
use super::remembered::Remembered;
use super::training_panel::TrainingPanel;
use super::{AppStore, BrowserClock};
use crate::core::scenario::ActiveCorpus;
use crate::core::scenario::Scenario;
use crate::core::workbench::{Edits, RetrievalSettings, TuneSettings};

/// What going back to the starting scene changes, counted from the live state (plain data, so
/// the confirmation's words are tested natively).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct StartOverPlan {
    /// Edited sample documents.
    pub(crate) edits: usize,
    /// "Your documents" is the corpus shown (it is kept, not deleted).
    pub(crate) own_documents_shown: bool,
    /// Training runs made in the Training view (their models go).
    pub(crate) training_runs: usize,
    /// The tuned model in use was trained on another version than the snapshot.
    pub(crate) model_version: Option<String>,
    /// Retrieval settings (k, threshold, curation) differ from the defaults.
    pub(crate) settings_changed: bool,
    /// A question is in the box.
    pub(crate) question: bool,
}

impl StartOverPlan {
    /// True when the live state already is the starting scene in every way the plan counts.
    pub(crate) fn is_nothing(&self) -> bool {
        *self == Self::default()
    }

    /// One line per thing that changes, for the confirmation.
    pub(crate) fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if self.edits > 0 {
            let s = if self.edits == 1 { "" } else { "s" };
            lines.push(format!(
                "your {} edit{s} to the sample documents",
                self.edits
            ));
        }
        if self.training_runs > 0 {
            let (runs, models) = if self.training_runs == 1 {
                ("run", "its model")
            } else {
                ("runs", "their models")
            };
            lines.push(format!(
                "{} training {runs} and {models}",
                self.training_runs
            ));
        }
        if let Some(version) = &self.model_version {
            lines.push(format!(
                "the tuned model retrained on {version} (the January one comes back)"
            ));
        }
        if self.settings_changed {
            lines.push("your retrieval settings".to_string());
        }
        if self.question {
            lines.push("the question in the box".to_string());
        }
        if self.own_documents_shown {
            lines.push(
                "nothing of your own documents: they stay under \u{201c}Your documents\u{201d}"
                    .to_string(),
            );
        }
        lines
    }

    /// The plan for the live state; `None` while loading.
    pub(crate) fn of(store: AppStore, work: LearnerWork) -> Option<Self> {
        let (edits, settings_changed, model_version) = work.with_sample(store, |b| {
            let snapshot = b.corpus().snapshot.clone();
            (
                b.edits().len(),
                b.settings() != RetrievalSettings::default(),
                b.tuned()
                    .map(|t| t.version.clone())
                    .filter(|v| *v != snapshot),
            )
        })?;
        Some(Self {
            edits,
            own_documents_shown: work.active.get_untracked() == ActiveCorpus::Own,
            training_runs: work.training.history.with_untracked(|h| h.records().len()),
            model_version,
            settings_changed,
            question: !store.question.get_untracked().trim().is_empty(),
        })
    }
}

/// The learner's work as it was before a step that changed it, with the words that say so.
#[derive(Clone, Debug)]
pub(crate) struct SetAside {
    /// The work, as a scenario (the same form as an export).
    pub(crate) scenario: Scenario,
    /// What happened, e.g. "Back at the workshop start."
    pub(crate) note: String,
}

/// The set-aside work, provided at the root; `Copy`.
#[derive(Clone, Copy)]
pub(crate) struct Workshop {
    /// The latest set-aside copy (shown with an Undo until dismissed or undone).
    pub(crate) set_aside: RwSignal<Option<SetAside>>,
    /// Set while an undo is being applied (it may rebuild the learner's documents).
    pub(crate) undoing: RwSignal<bool>,
}

impl Workshop {
    /// Nothing set aside.
    pub(crate) fn new() -> Self {
        Self {
            set_aside: RwSignal::new(None),
            undoing: RwSignal::new(false),
        }
    }

    /// The workshop state provided at the root.
    pub(crate) fn use_context() -> Self {
        expect_context::<Workshop>()
    }

    /// Keeps a copy of the learner's work, to be undone, with `note`.
    fn keep(&self, store: AppStore, work: LearnerWork, note: String) {
        if let Some(scenario) = persist::capture(store, work) {
            self.remember(scenario, note);
        }
    }

    /// Keeps `scenario`, the work as it was before a step replaced it, to be undone.
    pub(crate) fn remember(&self, scenario: Scenario, note: String) {
        self.set_aside.set(Some(SetAside { scenario, note }));
    }

    /// Puts the set-aside work back (all of it, as an import would) and forgets the copy.
    pub(crate) fn undo(&self, store: AppStore, work: LearnerWork) {
        let Some(kept) = self.set_aside.get_untracked() else {
            return;
        };
        let this = *self;
        this.undoing.set(true);
        leptos::task::spawn_local(async move {
            let outcome = apply_scenario(store, work, &kept.scenario, Keep::Nothing, |_| ()).await;
            this.undoing.try_set(false);
            match outcome {
                Ok(()) => {
                    this.set_aside.try_set(None);
                    persist::save_now(store, work);
                }
                Err(problems) => {
                    work.notice.try_set(Some(format!(
                        "Your work could not be put back: {}",
                        problems.join("; ")
                    )));
                }
            }
        });
    }
}

impl Default for Workshop {
    fn default() -> Self {
        Self::new()
    }
}

/// Goes back to the starting scene, keeping a copy of what it changes for Undo (when it
/// changes anything). Returns false while the app is loading.
pub(crate) fn start_over(store: AppStore, work: LearnerWork, remembered: Remembered) -> bool {
    let Some(plan) = StartOverPlan::of(store, work) else {
        return false;
    };
    let workshop = Workshop::use_context();
    work.cancel_runs();
    if !plan.is_nothing() {
        workshop.keep(store, work, "Back at the workshop start.".to_string());
    }
    if work.switch(store, ActiveCorpus::Sample).is_err() {
        return false;
    }
    let retrain = plan.model_version.is_some() || plan.training_runs > 0;
    store.update(|bench| {
        let _ = bench.replace_edits(Edits::default(), &BrowserClock);
        let _ = bench.set_settings(RetrievalSettings::default(), &BrowserClock);
        if retrain {
            let _ = bench.train(&TuneSettings::default(), &BrowserClock);
        }
        let latest = bench.corpus().latest().to_string();
        let _ = bench.set_version(&latest, &BrowserClock);
    });
    reset_training(work.training);
    remembered.cost.assumptions.set(Default::default());
    remembered.story.story.update(|s| s.clear());
    store.question.set(String::new());
    store.retrieval.set(true);
    store.tuned.set(true);
    store.url_notices.set(Vec::new());
    true
}

/// A scene (a tour step, a "Show me") shows the sample documents as shipped: when the learner
/// had edits or their own documents on screen, a copy is kept for Undo first and the
/// documents go back to as shipped. The learner's own documents stay parked, not deleted.
pub(crate) fn show_sample_as_shipped(store: AppStore, work: LearnerWork) {
    let own = work.active.get_untracked() == ActiveCorpus::Own;
    let edits = work.with_sample(store, |b| b.edits().len()).unwrap_or(0);
    if !own && edits == 0 {
        return;
    }
    let what = match (own, edits) {
        (true, 0) => "your own documents are set aside".to_string(),
        (true, _) => "your own documents and your edits are set aside".to_string(),
        (false, 1) => "your edit is set aside".to_string(),
        (false, n) => format!("your {n} edits are set aside"),
    };
    Workshop::use_context().keep(
        store,
        work,
        format!("This step shows the sample documents as shipped: {what}."),
    );
    let _ = work.switch(store, ActiveCorpus::Sample);
    store.update(|bench| {
        let _ = bench.replace_edits(Edits::default(), &BrowserClock);
    });
}

/// The Training panel back to its defaults, with no runs.
fn reset_training(training: TrainingPanel) {
    let fresh = TrainingPanel::new();
    training.settings.set(fresh.settings.get_untracked());
    training.history.set(fresh.history.get_untracked());
    training.timing.set(None);
    training.status.set(fresh.status.get_untracked());
    training.losses.set(Vec::new());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starting_scene_itself_changes_nothing() {
        let plan = StartOverPlan::default();
        assert!(plan.is_nothing());
        assert!(plan.lines().is_empty());
    }

    #[test]
    fn the_confirmation_names_each_thing_that_goes_and_what_stays() {
        let plan = StartOverPlan {
            edits: 2,
            own_documents_shown: true,
            training_runs: 1,
            model_version: Some("v3".into()),
            settings_changed: true,
            question: true,
        };
        let lines = plan.lines();
        assert_eq!(lines.len(), 6);
        assert_eq!(lines[0], "your 2 edits to the sample documents");
        assert_eq!(lines[1], "1 training run and its model");
        assert!(lines[2].contains("retrained on v3"));
        assert!(lines[5].contains("stay under"));
        let one = StartOverPlan {
            edits: 1,
            ..Default::default()
        };
        assert_eq!(one.lines(), ["your 1 edit to the sample documents"]);
    }
}
