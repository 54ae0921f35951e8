//! What the training panel shows after a run: accuracy on trained phrasings, on held-out
//! paraphrases, on facts that changed and on old facts that did not, and how confident the
//! head is where it should abstain.

use serde::Serialize;

use super::dataset::FactExamples;
use super::error::TuneError;
use super::heads::KnowledgeHead;

/// Fractions in [0, 1]; `None` where a group is empty (e.g. no fact changed).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct KnowledgeReport {
    /// Accuracy on the phrasings the head was trained with (the augmentation prefix).
    pub trained_accuracy: Option<f32>,
    /// Accuracy on held-out paraphrases of the same facts.
    pub heldout_accuracy: Option<f32>,
    /// Accuracy (trained phrasings) on facts whose answer changed between the two versions.
    pub changed_accuracy: Option<f32>,
    /// Accuracy (trained phrasings) on facts whose answer stayed the same: old knowledge.
    pub unchanged_accuracy: Option<f32>,
    /// Mean confidence on answerable questions (trained and held-out phrasings).
    pub answerable_confidence: Option<f32>,
    /// Mean confidence on questions it should abstain on: it answers them anyway.
    pub unanswerable_confidence: Option<f32>,
}

/// Which answers count as correct and which phrasings were trained.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportSpec {
    /// The version whose answers are gold (1-based).
    pub gold_version: usize,
    /// The earlier version that splits facts into changed and unchanged.
    pub since_version: usize,
    /// How many training phrasings per fact count as trained.
    pub phrasings_per_fact: usize,
}

/// A running hit rate.
#[derive(Default)]
struct Tally {
    hits: usize,
    total: usize,
}

impl Tally {
    fn add(&mut self, hit: bool) {
        self.hits += usize::from(hit);
        self.total += 1;
    }

    fn rate(&self) -> Option<f32> {
        (self.total > 0).then(|| self.hits as f32 / self.total as f32)
    }
}

/// A running mean.
#[derive(Default)]
struct Mean {
    sum: f64,
    count: usize,
}

impl Mean {
    fn add(&mut self, value: f32) {
        self.sum += f64::from(value);
        self.count += 1;
    }

    fn value(&self) -> Option<f32> {
        (self.count > 0).then(|| (self.sum / self.count as f64) as f32)
    }
}

/// Measures `head` on `facts` (answers of `spec.gold_version`) and on `unanswerable` questions.
pub fn knowledge_report(
    head: &KnowledgeHead,
    facts: &[FactExamples],
    unanswerable: &[Vec<f32>],
    spec: &ReportSpec,
) -> Result<KnowledgeReport, TuneError> {
    let mut trained = Tally::default();
    let mut heldout = Tally::default();
    let mut changed = Tally::default();
    let mut unchanged = Tally::default();
    let mut answerable_confidence = Mean::default();
    for fact in facts {
        let Some(gold) = fact.value_at(spec.gold_version) else {
            continue;
        };
        let fact_changed = fact.changed_between(spec.since_version, spec.gold_version);
        for question in fact.train.iter().take(spec.phrasings_per_fact.max(1)) {
            let answer = head.answer(question)?;
            let hit = answer.value == gold;
            trained.add(hit);
            if fact_changed {
                &mut changed
            } else {
                &mut unchanged
            }
            .add(hit);
            answerable_confidence.add(answer.confidence);
        }
        for question in &fact.heldout {
            let answer = head.answer(question)?;
            heldout.add(answer.value == gold);
            answerable_confidence.add(answer.confidence);
        }
    }
    let mut unanswerable_confidence = Mean::default();
    for question in unanswerable {
        unanswerable_confidence.add(head.answer(question)?.confidence);
    }
    Ok(KnowledgeReport {
        trained_accuracy: trained.rate(),
        heldout_accuracy: heldout.rate(),
        changed_accuracy: changed.rate(),
        unchanged_accuracy: unchanged.rate(),
        answerable_confidence: answerable_confidence.value(),
        unanswerable_confidence: unanswerable_confidence.value(),
    })
}
