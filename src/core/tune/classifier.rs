//! A classifier over string labels: an [`Mlp`] plus its output vocabulary, trainable from
//! labelled embeddings and warm-startable with new labels (the output layer grows).

use std::collections::BTreeMap;

use super::error::TuneError;
use super::mlp::Mlp;
use super::trainer::{Dataset, Progress, TrainConfig, Trainer};

/// One training example: a frozen embedding and the label it should map to.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelledExample {
    /// The input vector (a question embedding).
    pub embedding: Vec<f32>,
    /// The target label (an answer string or an answer type).
    pub label: String,
}

/// The classifier's best guess for one input.
#[derive(Clone, Debug, PartialEq)]
pub struct Prediction {
    /// The winning label.
    pub label: String,
    /// Index of the winning class.
    pub class: usize,
    /// Softmax probability of the winning class, in (0, 1].
    pub confidence: f32,
}

/// A trained network with its label vocabulary (class `i` means `labels[i]`).
#[derive(Clone, Debug, PartialEq)]
pub struct Classifier {
    model: Mlp,
    labels: Vec<String>,
}

impl Classifier {
    /// The most probable label for `embedding`. Always answers: a softmax has no "none" class.
    pub fn predict(&self, embedding: &[f32]) -> Result<Prediction, TuneError> {
        let probabilities = self.model.predict_proba(embedding)?;
        let mut best = 0;
        for (class, &p) in probabilities.iter().enumerate() {
            if p > probabilities[best] {
                best = class; // strict comparison: ties go to the lower index, deterministically
            }
        }
        Ok(Prediction {
            label: self.labels[best].clone(),
            class: best,
            confidence: probabilities[best],
        })
    }

    /// Probability of every label, in vocabulary order.
    pub fn probabilities(&self, embedding: &[f32]) -> Result<Vec<f32>, TuneError> {
        self.model.predict_proba(embedding)
    }

    /// The output vocabulary.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The underlying network.
    pub fn model(&self) -> &Mlp {
        &self.model
    }
}

/// A training run that ends in a [`Classifier`]; step it like a [`Trainer`].
#[derive(Clone, Debug)]
pub struct ClassifierTrainer {
    trainer: Trainer,
    labels: Vec<String>,
}

impl ClassifierTrainer {
    /// Prepares a run on `examples`. With `warm_start`, training continues from that
    /// classifier's weights (its width is kept, `config.hidden` is ignored) and labels it has
    /// never seen get new output classes; without, a fresh network of width `config.hidden`.
    pub fn new(
        examples: &[LabelledExample],
        config: &TrainConfig,
        warm_start: Option<&Classifier>,
    ) -> Result<Self, TuneError> {
        config.validate()?;
        let first = examples.first().ok_or(TuneError::EmptyDataset)?;
        let dim = warm_start.map_or(first.embedding.len(), |c| c.model.input_dim());
        let mut labels: Vec<String> = warm_start.map(|c| c.labels.clone()).unwrap_or_default();
        let mut index: BTreeMap<String, usize> = labels
            .iter()
            .enumerate()
            .map(|(i, label)| (label.clone(), i))
            .collect();
        let mut data = Dataset::new(dim);
        for example in examples {
            let class = *index.entry(example.label.clone()).or_insert_with(|| {
                labels.push(example.label.clone());
                labels.len() - 1
            });
            data.push(&example.embedding, class)?;
        }
        let model = match warm_start {
            Some(previous) => {
                let mut model = previous.model.clone();
                model.grow_classes(labels.len())?;
                model
            }
            None => Mlp::new(dim, config.hidden, labels.len(), config.seed)?,
        };
        Ok(Self {
            trainer: Trainer::new(model, data, config.clone())?,
            labels,
        })
    }

    /// Runs at most `max_batches` gradient steps.
    pub fn step(&mut self, max_batches: usize) -> Progress {
        self.trainer.step(max_batches)
    }

    /// Runs every remaining step.
    pub fn train_to_end(&mut self) -> Progress {
        self.trainer.train_to_end()
    }

    /// Where the run stands.
    pub fn progress(&self) -> Progress {
        self.trainer.progress()
    }

    /// Mean loss per completed epoch.
    pub fn loss_curve(&self) -> &[f32] {
        self.trainer.loss_curve()
    }

    /// Number of training examples.
    pub fn examples(&self) -> usize {
        self.trainer.examples()
    }

    /// The classifier as trained so far (a copy, so training can go on).
    pub fn snapshot(&self) -> Classifier {
        Classifier {
            model: self.trainer.model().clone(),
            labels: self.labels.clone(),
        }
    }

    /// Ends the run and returns the classifier.
    pub fn finish(self) -> Classifier {
        Classifier {
            model: self.trainer.into_model(),
            labels: self.labels,
        }
    }
}
