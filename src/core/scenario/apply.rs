//! From a workbench to a scenario ([`capture`]) and back ([`restore`], then
//! [`Restored::into_workbench`]), so the UI never rebuilds either by hand.

use super::{ActiveCorpus, RetrievalScenario, SampleEdit, Scenario, ScenarioProblem};
use super::{Toggles, TuningScenario, SCENARIO_FORMAT, SCENARIO_VERSION};
use crate::core::clock::Clock;
use crate::core::corpus::Corpus;
use crate::core::embed::Embedder;
use crate::core::own_documents::{user_corpus, QaPair, UserDocument};
use crate::core::workbench::{
    Edits, RetrievalSettings, TrainData, TuneSettings, Workbench, WorkbenchBuild,
};

/// What the user made that the workbench does not hold itself.
#[derive(Clone, Copy, Debug)]
pub struct UserWork<'a> {
    /// The corpus the workbench shows.
    pub active: ActiveCorpus,
    /// The sample-corpus edits (the workbench's own edits when the sample is active).
    pub sample_edits: &'a Edits,
    /// The user's documents.
    pub documents: &'a [UserDocument],
    /// The user's pairs.
    pub pairs: &'a [QaPair],
    /// The training panel's settings.
    pub tuning: &'a TuneSettings,
    /// The 2x2 toggles.
    pub toggles: Toggles,
    /// The question in the question box.
    pub question: &'a str,
}

/// The scenario for `bench` (version, retrieval settings, the trained model's version) and the
/// rest of the user's work.
pub fn capture(bench: &Workbench, work: &UserWork<'_>) -> Scenario {
    Scenario {
        format: SCENARIO_FORMAT.to_string(),
        version: SCENARIO_VERSION,
        active: work.active,
        corpus_version: bench.version().to_string(),
        edits: work
            .sample_edits
            .iter()
            .map(|(doc_id, version, text)| SampleEdit {
                doc_id: doc_id.to_string(),
                version: version.to_string(),
                text: text.to_string(),
            })
            .collect(),
        documents: work.documents.to_vec(),
        pairs: work.pairs.to_vec(),
        retrieval: RetrievalScenario::from_settings(&bench.settings()),
        tuning: TuningScenario::from_settings(
            work.tuning,
            bench.tuned().map(|m| m.version.as_str()),
        ),
        toggles: work.toggles,
        question: work.question.to_string(),
    }
}

/// A scenario checked against the corpora and turned into what the app runs on.
#[derive(Clone, Debug)]
pub struct Restored {
    /// Which corpus is active.
    pub active: ActiveCorpus,
    /// The active corpus: the sample, or the user's documents as a corpus.
    pub corpus: Corpus,
    /// The edits to apply to the active corpus (the sample edits, or none for the user's).
    pub edits: Edits,
    /// The sample-corpus edits, kept whichever corpus is active.
    pub sample_edits: Edits,
    /// The user's documents.
    pub documents: Vec<UserDocument>,
    /// The user's pairs.
    pub pairs: Vec<QaPair>,
    /// The version to show.
    pub version: String,
    /// Retrieval settings.
    pub retrieval: RetrievalSettings,
    /// Tuning settings.
    pub tuning: TuneSettings,
    /// The version the model in use was trained on, to retrain on load.
    pub trained_on: Option<String>,
    /// The 2x2 toggles.
    pub toggles: Toggles,
    /// The question.
    pub question: String,
}

/// Checks `scenario` against `sample` (edits name sample documents present at their version,
/// the versions exist, the user's documents make a corpus) and builds everything, or returns
/// every problem found; nothing is half-built.
pub fn restore(scenario: &Scenario, sample: &Corpus) -> Result<Restored, Vec<ScenarioProblem>> {
    let mut problems = Vec::new();
    let mut report = |path: String, message: String| {
        if problems.len() < super::MAX_PROBLEMS {
            problems.push(ScenarioProblem { path, message });
        }
    };
    let mut sample_edits = Edits::default();
    for (i, edit) in scenario.edits.iter().enumerate() {
        match sample.document(&edit.doc_id, &edit.version) {
            Some(doc) => {
                sample_edits.set(&edit.doc_id, &edit.version, edit.text.clone(), &doc.text);
            }
            None => report(
                format!("edits[{i}].doc_id"),
                format!(
                    "the sample corpus has no document \"{}\" at {}",
                    edit.doc_id, edit.version
                ),
            ),
        }
    }
    let user = user_corpus(&scenario.documents, &scenario.pairs);
    if let Err(e) = &user {
        report("documents".to_string(), e.to_string());
    }
    let corpus = match (scenario.active, user) {
        (ActiveCorpus::Sample, _) => Some(sample.clone()),
        (ActiveCorpus::Own, Ok(corpus)) => Some(corpus),
        (ActiveCorpus::Own, Err(_)) => None,
    };
    if let Some(corpus) = &corpus {
        if corpus.version(&scenario.corpus_version).is_none() {
            report(
                "corpus_version".to_string(),
                format!(
                    "the active corpus has no version {}",
                    scenario.corpus_version
                ),
            );
        }
        if let Some(v) = &scenario.tuning.trained_on {
            if corpus.version(v).is_none() {
                report(
                    "tuning.trained_on".to_string(),
                    format!("the active corpus has no version {v}"),
                );
            }
        }
    }
    let Some(corpus) = corpus.filter(|_| problems.is_empty()) else {
        return Err(problems);
    };
    let edits = match scenario.active {
        ActiveCorpus::Sample => sample_edits.clone(),
        ActiveCorpus::Own => Edits::default(),
    };
    Ok(Restored {
        active: scenario.active,
        corpus,
        edits,
        sample_edits,
        documents: scenario.documents.clone(),
        pairs: scenario.pairs.clone(),
        version: scenario.corpus_version.clone(),
        retrieval: scenario.retrieval.to_settings(RetrievalSettings::default()),
        tuning: scenario.tuning.to_settings(),
        trained_on: scenario.tuning.trained_on.clone(),
        toggles: scenario.toggles,
        question: scenario.question.clone(),
    })
}

impl Restored {
    /// Builds the workbench: the active corpus at the saved version with the edits and
    /// retrieval settings, and, when a model was in use, a fresh model trained with the saved
    /// settings on the version it was trained on (seeded, so the same weights as a fresh run
    /// then; a model that was continued with "changes only" or replay is retrained fresh).
    /// Returns the error's sentence on failure.
    pub fn into_workbench(
        self,
        embedder: Embedder,
        clock: &dyn Clock,
    ) -> Result<Workbench, String> {
        let bench = self
            .start_build(embedder)
            .finish(clock)
            .map_err(|e| e.to_string())?;
        self.complete(bench, clock)
    }

    /// The same build as [`Self::into_workbench`], a step at a time: run it to the end (a
    /// browser gives the page a turn between steps), then hand the workbench to
    /// [`Self::complete`].
    pub fn start_build(&self, embedder: Embedder) -> WorkbenchBuild {
        WorkbenchBuild::start(embedder, self.corpus.clone())
    }

    /// Puts the saved edits, retrieval settings, model and version on `bench`, a fresh build
    /// of [`Self::corpus`].
    pub fn complete(&self, mut bench: Workbench, clock: &dyn Clock) -> Result<Workbench, String> {
        bench
            .replace_edits(self.edits.clone(), clock)
            .map_err(|e| e.to_string())?;
        bench
            .set_settings(self.retrieval, clock)
            .map_err(|e| e.to_string())?;
        if let Some(trained_on) = &self.trained_on {
            bench
                .set_version(trained_on, clock)
                .map_err(|e| e.to_string())?;
            let settings = TuneSettings {
                data: TrainData::Current,
                scope: crate::core::workbench::TrainScope::Fresh,
                ..self.tuning.clone()
            };
            bench.train(&settings, clock).map_err(|e| e.to_string())?;
        }
        bench
            .set_version(&self.version, clock)
            .map_err(|e| e.to_string())?;
        Ok(bench)
    }
}
