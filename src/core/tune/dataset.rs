//! Builds the knowledge head's training set from facts: which snapshot's values to teach, how
//! many phrasings per fact (paraphrase augmentation), and whether to train on everything, on
//! the changes only, or on the changes plus a replay sample of old examples.

use serde::{Deserialize, Serialize};

use super::classifier::LabelledExample;
use super::error::TuneError;
use crate::core::rng::SplitMix64;

/// RNG stream for the replay sample.
const REPLAY_STREAM: u64 = 3;

/// One fact as the tuned model sees it: its answer per corpus version and the embeddings of
/// questions asking for it.
#[derive(Clone, Debug, PartialEq)]
pub struct FactExamples {
    /// Stable key of the fact (e.g. "pricing.pro.monthly").
    pub key: String,
    /// Answer string per version (index 0 = version 1); `None` where the fact does not exist.
    pub values: Vec<Option<String>>,
    /// Embeddings of the training phrasings, in a fixed order; augmentation takes a prefix.
    pub train: Vec<Vec<f32>>,
    /// Embeddings of held-out paraphrases, never trained on.
    pub heldout: Vec<Vec<f32>>,
}

impl FactExamples {
    /// The fact's answer at `version` (1-based), if it exists then.
    pub fn value_at(&self, version: usize) -> Option<&str> {
        self.values.get(version.checked_sub(1)?)?.as_deref()
    }

    /// True when the fact exists at `version` with a different answer (or newly) than at `since`.
    pub fn changed_between(&self, since: usize, version: usize) -> bool {
        self.value_at(version).is_some() && self.value_at(version) != self.value_at(since)
    }
}

/// Which facts the training set covers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Every fact that exists at the target version (a full retrain).
    AllFacts,
    /// Only facts whose answer changed since the `since` snapshot (continued training).
    ChangesOnly {
        /// The snapshot the previous model was trained on.
        since: usize,
    },
    /// The changes plus a seeded sample of the unchanged facts' examples (replay).
    ChangesWithReplay {
        /// The snapshot the previous model was trained on.
        since: usize,
        /// Share of the unchanged facts' examples replayed, in [0, 1].
        replay_fraction: f32,
    },
}

/// What to build.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainingSetSpec {
    /// The version whose answers are taught (1-based).
    pub version: usize,
    /// Training phrasings used per fact (clamped to 1..=available): paraphrase augmentation.
    pub phrasings_per_fact: usize,
    /// Which facts are included.
    pub scope: Scope,
    /// Fixes the replay sample.
    pub seed: u64,
}

/// Counts by source, for the training panel.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TrainingSetCounts {
    /// Facts whose answer changed and are taught with the new answer.
    pub changed_facts: usize,
    /// Unchanged facts taught in full (all-facts scope).
    pub unchanged_facts: usize,
    /// Examples from changed (or, in all-facts scope, all) facts.
    pub new_examples: usize,
    /// Replayed examples of unchanged facts.
    pub replayed_examples: usize,
}

/// A built training set.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainingSet {
    /// The examples, in a deterministic order.
    pub examples: Vec<LabelledExample>,
    /// How many came from where.
    pub counts: TrainingSetCounts,
}

/// Builds the training set `spec` asks for.
pub fn build_training_set(
    facts: &[FactExamples],
    spec: &TrainingSetSpec,
) -> Result<TrainingSet, TuneError> {
    if spec.version == 0 {
        return Err(TuneError::InvalidConfig("versions are numbered from 1"));
    }
    if let Scope::ChangesWithReplay {
        replay_fraction, ..
    } = spec.scope
    {
        if !(0.0..=1.0).contains(&replay_fraction) {
            return Err(TuneError::InvalidConfig(
                "replay fraction must be between 0 and 1",
            ));
        }
    }
    let per_fact = spec.phrasings_per_fact.max(1);
    let mut examples = Vec::new();
    let mut counts = TrainingSetCounts::default();
    let mut replay_pool = Vec::new();
    for fact in facts {
        let Some(value) = fact.value_at(spec.version) else {
            continue;
        };
        let phrasings = fact.train.iter().take(per_fact);
        let label = |embedding: &Vec<f32>| LabelledExample {
            embedding: embedding.clone(),
            label: value.to_owned(),
        };
        match spec.scope {
            Scope::AllFacts => {
                if spec.version > 1 && fact.changed_between(spec.version - 1, spec.version) {
                    counts.changed_facts += 1;
                } else {
                    counts.unchanged_facts += 1;
                }
                examples.extend(phrasings.map(label));
            }
            Scope::ChangesOnly { since } | Scope::ChangesWithReplay { since, .. } => {
                if fact.changed_between(since, spec.version) {
                    counts.changed_facts += 1;
                    examples.extend(phrasings.map(label));
                } else {
                    replay_pool.extend(phrasings.map(label));
                }
            }
        }
    }
    counts.new_examples = examples.len();
    if let Scope::ChangesWithReplay {
        replay_fraction, ..
    } = spec.scope
    {
        let wanted = (replay_fraction * replay_pool.len() as f32).ceil() as usize;
        let mut rng = SplitMix64::derive(spec.seed, REPLAY_STREAM);
        rng.shuffle(&mut replay_pool);
        replay_pool.truncate(wanted.min(replay_pool.len()));
        counts.replayed_examples = replay_pool.len();
        examples.extend(replay_pool);
    }
    if examples.is_empty() {
        return Err(TuneError::EmptyDataset);
    }
    Ok(TrainingSet { examples, counts })
}
