//! The app's state as a scenario: the workbench in use, the sample edits wherever the sample
//! workbench is, the learner's documents and pairs, the toggles and the question.

use leptos::prelude::*;

use crate::core::scenario::{self, ActiveCorpus, Scenario, Toggles, UserWork};
use crate::ui::state::learner_work::{pair_tune_settings, usable_pairs, LearnerWork};
use crate::ui::state::AppStore;

/// Everything the learner made, or `None` while the app is loading.
pub(crate) fn capture(store: AppStore, work: LearnerWork) -> Option<Scenario> {
    let choice = work.active.get_untracked();
    let sample_edits = work.with_sample(store, |b| b.edits().clone())?;
    let documents = work.documents.get_untracked();
    // Rows still being typed (a question without its answer yet) are not saved.
    let pairs = usable_pairs(&work.pairs.get_untracked());
    let tuning = match choice {
        ActiveCorpus::Sample => work.training.tune_settings(),
        ActiveCorpus::Own => pair_tune_settings(),
    };
    let question: String = store
        .question
        .get_untracked()
        .chars()
        .take(scenario::MAX_QUESTION_CHARS)
        .collect();
    let user = UserWork {
        active: choice,
        sample_edits: &sample_edits,
        documents: &documents,
        pairs: &pairs,
        tuning: &tuning,
        toggles: Toggles {
            retrieval: store.retrieval.get_untracked(),
            tuned: store.tuned.get_untracked(),
        },
        question: &question,
    };
    store.with_untracked(|bench| scenario::capture(bench, &user))
}
