//! The two heads of the tuned model, both classifiers on frozen question embeddings:
//! knowledge (question -> answer value as of the training snapshot) and behaviour
//! (request -> which house-format answer type to use).

use serde::Serialize;

use super::classifier::Classifier;
use super::error::TuneError;

/// Parametric knowledge: maps a question to one of the answer strings it was trained on.
/// It keeps no documents and no pointers to them, so it cannot cite; it always answers.
#[derive(Clone, Debug, PartialEq)]
pub struct KnowledgeHead {
    classifier: Classifier,
    snapshot: String,
}

/// An answer recalled from weights.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecalledAnswer {
    /// The answer string as it stood in the training data.
    pub value: String,
    /// Softmax probability of that answer.
    pub confidence: f32,
    /// Label of the training snapshot the answer comes from (e.g. a version or date).
    pub snapshot: String,
}

impl KnowledgeHead {
    /// Wraps a classifier trained on answer strings; `snapshot` names what it was trained on.
    pub fn new(classifier: Classifier, snapshot: impl Into<String>) -> Self {
        Self {
            classifier,
            snapshot: snapshot.into(),
        }
    }

    /// The answer the weights hold for this question embedding, with its confidence.
    pub fn answer(&self, question: &[f32]) -> Result<RecalledAnswer, TuneError> {
        let prediction = self.classifier.predict(question)?;
        Ok(RecalledAnswer {
            value: prediction.label,
            confidence: prediction.confidence,
            snapshot: self.snapshot.clone(),
        })
    }

    /// The training snapshot's label.
    pub fn snapshot(&self) -> &str {
        &self.snapshot
    }

    /// The underlying classifier (for warm-starting the next run).
    pub fn classifier(&self) -> &Classifier {
        &self.classifier
    }
}

/// Learned behaviour: which answer type of the house format fits a request.
#[derive(Clone, Debug, PartialEq)]
pub struct BehaviourHead {
    classifier: Classifier,
}

/// The behaviour head's choice of template.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FormatChoice {
    /// Name of the answer type (as used by the house format's templates).
    pub answer_type: String,
    /// Softmax probability of that type.
    pub confidence: f32,
}

impl BehaviourHead {
    /// Wraps a classifier trained on answer-type names.
    pub fn new(classifier: Classifier) -> Self {
        Self { classifier }
    }

    /// The answer type the head picks for this request embedding.
    pub fn choose(&self, request: &[f32]) -> Result<FormatChoice, TuneError> {
        let prediction = self.classifier.predict(request)?;
        Ok(FormatChoice {
            answer_type: prediction.label,
            confidence: prediction.confidence,
        })
    }

    /// Every answer type, most probable first (ties keep vocabulary order). Lets a renderer
    /// take the best type whose detail shape fits the value it has, as constrained decoding
    /// would.
    pub fn ranked(&self, request: &[f32]) -> Result<Vec<FormatChoice>, TuneError> {
        let probabilities = self.classifier.probabilities(request)?;
        let mut order: Vec<usize> = (0..probabilities.len()).collect();
        order.sort_by(|&a, &b| {
            probabilities[b]
                .total_cmp(&probabilities[a])
                .then(a.cmp(&b))
        });
        Ok(order
            .into_iter()
            .map(|class| FormatChoice {
                answer_type: self.classifier.labels()[class].clone(),
                confidence: probabilities[class],
            })
            .collect())
    }

    /// The underlying classifier.
    pub fn classifier(&self) -> &Classifier {
        &self.classifier
    }
}
