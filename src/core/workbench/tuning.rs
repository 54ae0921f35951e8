//! Fine-tuning the small model on the corpus: which examples it sees, a resumable run the
//! browser can step between frames, and the finished [`TunedModel`].
//!
//! The knowledge head's labels are whole answer sentences ("The Team plan costs $14 per user
//! per month."), the way a tuned LLM memorises a phrasing; the value inside is whatever the
//! training snapshot said, so it goes stale when the documents change.

use crate::core::corpus::Corpus;
use crate::core::tune::{
    build_training_set, BehaviourHead, ClassifierTrainer, FactExamples, KnowledgeHead, Progress,
    Scope, TrainConfig, TrainingSetCounts, TrainingSetSpec, TuneError, TuningData,
};

/// Which facts, as of when, the tuned model is taught.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrainData {
    /// The corpus's training snapshot (v1): what a model tuned once, long ago, knows.
    Snapshot,
    /// The version the learner is looking at, with their edits.
    Current,
}

/// What happens to what the model knew before.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TrainScope {
    /// A fresh model on every fact.
    Fresh,
    /// Continue the current model on the facts that changed since it was trained, only.
    ChangesOnly,
    /// Continue on the changes plus this share of the old examples (replay).
    Replay(f32),
}

/// Everything the training panel controls.
#[derive(Clone, Debug, PartialEq)]
pub struct TuneSettings {
    /// Epochs, learning rate, capacity (hidden width), seed, batch size.
    pub config: TrainConfig,
    /// Training phrasings per fact (paraphrase augmentation), 1..=all.
    pub phrasings: usize,
    /// Which version's facts.
    pub data: TrainData,
    /// Fresh, changes only, or changes with replay.
    pub scope: TrainScope,
}

impl Default for TuneSettings {
    fn default() -> Self {
        Self {
            config: TrainConfig {
                epochs: 60,
                learning_rate: 0.02,
                hidden: 64,
                seed: 42,
                batch_size: 16,
                weight_decay: 1e-4,
            },
            phrasings: 2,
            data: TrainData::Snapshot,
            scope: TrainScope::Fresh,
        }
    }
}

/// A trained model: both heads, and what it was trained on.
#[derive(Clone, Debug)]
pub struct TunedModel {
    /// Question -> answer sentence as of the training data.
    pub knowledge: KnowledgeHead,
    /// Question -> answer type of the house format.
    pub behaviour: BehaviourHead,
    /// The version whose facts it learned.
    pub version: String,
    /// That version's effective date.
    pub date: String,
    /// Knowledge loss per epoch.
    pub loss: Vec<f32>,
    /// What the training set held.
    pub counts: TrainingSetCounts,
    /// Examples the behaviour head learned from (demonstrations and labelled train questions).
    pub demonstrations: usize,
    /// Milliseconds the run took, measured by the caller's clock (0 until set).
    pub train_ms: f64,
}

/// A training run in progress; the browser steps it between frames.
pub struct TuningRun {
    knowledge: ClassifierTrainer,
    behaviour: ClassifierTrainer,
    version: String,
    date: String,
    counts: TrainingSetCounts,
    demonstrations: usize,
}

impl TuningRun {
    /// Prepares a run. `statements[f][v]` is fact `f`'s answer sentence at version index `v`
    /// (the caller applies the learner's edits): those sentences are the labels, replacing the
    /// bare values in `data`. `target` is the version index taught, `previous` the model to
    /// continue from (ignored for a fresh run).
    pub fn new(
        data: &TuningData,
        statements: &[Vec<Option<String>>],
        corpus: &Corpus,
        target: usize,
        settings: &TuneSettings,
        previous: Option<&TunedModel>,
    ) -> Result<Self, TuneError> {
        let facts: Vec<FactExamples> = data
            .facts
            .iter()
            .zip(statements)
            .map(|(fact, values)| FactExamples {
                values: values.clone(),
                ..fact.clone()
            })
            .collect();
        let previous = match settings.scope {
            TrainScope::Fresh => None,
            _ => previous,
        };
        let since = previous
            .and_then(|p| corpus.versions.iter().position(|v| v.id == p.version))
            .map_or(1, |i| i + 1);
        let scope = match (settings.scope, previous) {
            (TrainScope::ChangesOnly, Some(_)) => Scope::ChangesOnly { since },
            (TrainScope::Replay(share), Some(_)) => Scope::ChangesWithReplay {
                since,
                replay_fraction: share.clamp(0.0, 1.0),
            },
            _ => Scope::AllFacts,
        };
        let spec = TrainingSetSpec {
            version: target + 1,
            phrasings_per_fact: settings.phrasings,
            scope,
            seed: settings.config.seed,
        };
        let set = build_training_set(&facts, &spec)?;
        let knowledge = ClassifierTrainer::new(
            &set.examples,
            &settings.config,
            previous.map(|p| p.knowledge.classifier()),
        )?;
        // The behaviour head is a plain softmax: choosing a template is an easy, stable task.
        let behaviour_config = TrainConfig {
            hidden: 0,
            ..settings.config.clone()
        };
        let behaviour = ClassifierTrainer::new(&data.behaviour_train, &behaviour_config, None)?;
        let version = corpus
            .versions
            .get(target)
            .ok_or(TuneError::InvalidConfig("unknown version"))?;
        Ok(Self {
            knowledge,
            behaviour,
            version: version.id.clone(),
            date: version.date.clone(),
            counts: set.counts,
            demonstrations: data.behaviour_train.len(),
        })
    }

    /// Runs at most `max_batches` steps of each head; returns the knowledge head's progress.
    pub fn step(&mut self, max_batches: usize) -> Progress {
        self.behaviour.step(max_batches);
        self.knowledge.step(max_batches)
    }

    /// Runs to the end.
    pub fn train_to_end(&mut self) -> Progress {
        self.behaviour.train_to_end();
        self.knowledge.train_to_end()
    }

    /// Knowledge loss per completed epoch so far.
    pub fn loss_curve(&self) -> &[f32] {
        self.knowledge.loss_curve()
    }

    /// What the training set holds.
    pub fn counts(&self) -> &TrainingSetCounts {
        &self.counts
    }

    /// True when both heads are done.
    pub fn finished(&self) -> bool {
        self.knowledge.progress().finished && self.behaviour.progress().finished
    }

    /// The trained model (call when [`Self::finished`]; earlier gives the weights so far).
    pub fn finish(self) -> TunedModel {
        let loss = self.knowledge.loss_curve().to_vec();
        TunedModel {
            knowledge: KnowledgeHead::new(self.knowledge.finish(), self.version.clone()),
            behaviour: BehaviourHead::new(self.behaviour.finish()),
            version: self.version,
            date: self.date,
            loss,
            counts: self.counts,
            demonstrations: self.demonstrations,
            train_ms: 0.0,
        }
    }
}
