//! Turns the sample corpus into what the tuned model trains and is measured on: facts with
//! their answer per version and embedded phrasings (knowledge head), request embeddings
//! labelled with answer types (behaviour head), and unanswerable questions.
//!
//! The embedding function is passed in, so this works with the shipped model, a test double,
//! or anything else that maps text to a fixed-width vector.

use super::classifier::LabelledExample;
use super::dataset::FactExamples;
use crate::core::corpus::{Corpus, Split, UnanswerableKind};

/// The corpus, embedded for tuning.
#[derive(Clone, Debug, PartialEq)]
pub struct TuningData {
    /// Version ids in time order; version number `n` (1-based) is `version_ids[n - 1]`.
    pub version_ids: Vec<String>,
    /// Every fact with its canonical answer per version and its train / held-out phrasings.
    pub facts: Vec<FactExamples>,
    /// Behaviour head training set: demonstrations and train questions, labelled with the key
    /// of their answer type (`price`, `window`, ..., `abstain`).
    pub behaviour_train: Vec<LabelledExample>,
    /// Held-out questions labelled with their fact's answer type, to measure the behaviour head.
    pub behaviour_heldout: Vec<LabelledExample>,
    /// Near-miss questions: close to a fact, but the corpus does not say.
    pub near_misses: Vec<Vec<f32>>,
    /// Every unanswerable question (near-miss, out-of-scope, false premise).
    pub unanswerable: Vec<Vec<f32>>,
}

impl TuningData {
    /// Embeds everything tuning needs from `corpus` with `embed`, in file order.
    pub fn from_corpus(corpus: &Corpus, mut embed: impl FnMut(&str) -> Vec<f32>) -> Self {
        let version_ids = corpus.version_ids();
        let mut facts = Vec::with_capacity(corpus.facts.len());
        let mut behaviour_train = Vec::new();
        let mut behaviour_heldout = Vec::new();
        for fact in &corpus.facts {
            let values = version_ids
                .iter()
                .map(|id| fact.at(id).map(|v| v.value.clone()))
                .collect();
            let mut train = Vec::new();
            let mut heldout = Vec::new();
            // The keyword, yes/no and direct styles are only ever scored by the evaluation.
            let tuning_splits = [Split::Train, Split::Heldout];
            for question in corpus
                .questions
                .iter()
                .filter(|q| q.fact == fact.key && tuning_splits.contains(&q.split))
            {
                let embedding = embed(&question.text);
                let example = LabelledExample {
                    embedding: embedding.clone(),
                    label: fact.answer_type.key().to_owned(),
                };
                match question.split {
                    Split::Train => {
                        train.push(embedding);
                        behaviour_train.push(example);
                    }
                    Split::Heldout => {
                        heldout.push(embedding);
                        behaviour_heldout.push(example);
                    }
                    Split::Keyword | Split::YesNo | Split::Direct => {}
                }
            }
            facts.push(FactExamples {
                key: fact.key.clone(),
                values,
                train,
                heldout,
            });
        }
        for demonstration in &corpus.demonstrations {
            behaviour_train.push(LabelledExample {
                embedding: embed(&demonstration.question),
                label: demonstration.answer_type.key().to_owned(),
            });
        }
        let mut near_misses = Vec::new();
        let mut unanswerable = Vec::new();
        for question in &corpus.unanswerable {
            let embedding = embed(&question.text);
            if question.kind == UnanswerableKind::NearMiss {
                near_misses.push(embedding.clone());
            }
            unanswerable.push(embedding);
        }
        Self {
            version_ids,
            facts,
            behaviour_train,
            behaviour_heldout,
            near_misses,
            unanswerable,
        }
    }

    /// The 1-based number of version `id`, as [`FactExamples`] counts versions.
    pub fn version_number(&self, id: &str) -> Option<usize> {
        self.version_ids.iter().position(|v| v == id).map(|i| i + 1)
    }

    /// The largest number of train phrasings any fact has (the top of the augmentation slider).
    pub fn max_train_phrasings(&self) -> usize {
        self.facts.iter().map(|f| f.train.len()).max().unwrap_or(0)
    }
}
