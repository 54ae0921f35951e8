//! The training loop, runnable in slices so a browser can yield between them and draw the loss
//! curve while it trains. No clocks here: the caller measures time.

use serde::{Deserialize, Serialize};

use super::adam::AdamW;
use super::error::TuneError;
use super::mlp::{Gradients, Mlp, Workspace};
use crate::core::rng::SplitMix64;

/// RNG stream used for shuffling (initialisation uses another, see `mlp.rs`).
const SHUFFLE_STREAM: u64 = 2;

/// The knobs of one training run (serialisable, so scenarios and URLs can carry it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainConfig {
    /// Passes over the training set.
    pub epochs: usize,
    /// AdamW step size.
    pub learning_rate: f32,
    /// Hidden-layer width: the capacity knob (0 = plain softmax). Used only for fresh models;
    /// a warm-started model keeps its width.
    pub hidden: usize,
    /// Fixes initialisation and shuffling: same seed and data, same bits.
    pub seed: u64,
    /// Examples per gradient step.
    pub batch_size: usize,
    /// Decoupled weight decay per step, relative to the learning rate.
    pub weight_decay: f32,
}

impl Default for TrainConfig {
    fn default() -> Self {
        Self {
            epochs: 30,
            learning_rate: 0.01,
            hidden: 32,
            seed: 42,
            batch_size: 16,
            weight_decay: 1e-4,
        }
    }
}

impl TrainConfig {
    /// Checks every field's range.
    pub fn validate(&self) -> Result<(), TuneError> {
        if self.epochs == 0 {
            return Err(TuneError::InvalidConfig("epochs must be at least 1"));
        }
        if !(self.learning_rate.is_finite() && self.learning_rate > 0.0) {
            return Err(TuneError::InvalidConfig(
                "learning rate must be a positive number",
            ));
        }
        if self.batch_size == 0 {
            return Err(TuneError::InvalidConfig("batch size must be at least 1"));
        }
        if !(self.weight_decay.is_finite() && self.weight_decay >= 0.0) {
            return Err(TuneError::InvalidConfig(
                "weight decay must be zero or positive",
            ));
        }
        Ok(())
    }
}

/// Input vectors with class labels, stored flat (one allocation, cache-friendly).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    dim: usize,
    features: Vec<f32>,
    labels: Vec<usize>,
}

impl Dataset {
    /// An empty dataset of `dim`-wide vectors.
    pub fn new(dim: usize) -> Self {
        Self {
            dim,
            features: Vec::new(),
            labels: Vec::new(),
        }
    }

    /// Appends one example; rejects wrong widths and non-finite values.
    pub fn push(&mut self, input: &[f32], label: usize) -> Result<(), TuneError> {
        if input.len() != self.dim {
            return Err(TuneError::DimensionMismatch {
                expected: self.dim,
                found: input.len(),
            });
        }
        if input.iter().any(|v| !v.is_finite()) {
            return Err(TuneError::NonFiniteInput);
        }
        self.features.extend_from_slice(input);
        self.labels.push(label);
        Ok(())
    }

    /// Number of examples.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// True when there are no examples.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Width of every vector.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// The `index`-th example, or `None` past the end.
    pub fn example(&self, index: usize) -> Option<(&[f32], usize)> {
        let label = *self.labels.get(index)?;
        Some((
            &self.features[index * self.dim..(index + 1) * self.dim],
            label,
        ))
    }

    /// One more than the largest label (0 when empty).
    pub fn label_bound(&self) -> usize {
        self.labels.iter().max().map_or(0, |&m| m + 1)
    }
}

/// Where a training run stands, returned after every slice.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Progress {
    /// Epochs completed so far.
    pub epochs_done: usize,
    /// Epochs the run will do in total.
    pub epochs_total: usize,
    /// Gradient steps taken so far.
    pub batches_done: usize,
    /// Gradient steps the whole run takes.
    pub batches_total: usize,
    /// Mean training loss of the last completed epoch, if any.
    pub last_epoch_loss: Option<f32>,
    /// True once every epoch is done.
    pub finished: bool,
}

/// A resumable training run of one [`Mlp`] on one [`Dataset`].
#[derive(Clone, Debug)]
pub struct Trainer {
    model: Mlp,
    data: Dataset,
    config: TrainConfig,
    optimizer: AdamW,
    grads: Gradients,
    workspace: Workspace,
    shuffle_rng: SplitMix64,
    order: Vec<usize>,
    position_in_epoch: usize,
    epochs_done: usize,
    batches_done: usize,
    epoch_loss_sum: f64,
    loss_curve: Vec<f32>,
}

impl Trainer {
    /// Prepares a run: `model` may be fresh or already trained (warm start, e.g. training on
    /// the changes only). Fails on an invalid config, empty data, or data that does not fit.
    pub fn new(model: Mlp, data: Dataset, config: TrainConfig) -> Result<Self, TuneError> {
        config.validate()?;
        if data.is_empty() {
            return Err(TuneError::EmptyDataset);
        }
        if data.dim() != model.input_dim() {
            return Err(TuneError::DimensionMismatch {
                expected: model.input_dim(),
                found: data.dim(),
            });
        }
        let bound = data.label_bound();
        if bound > model.classes() {
            return Err(TuneError::LabelOutOfRange {
                label: bound - 1,
                classes: model.classes(),
            });
        }
        let mut shuffle_rng = SplitMix64::derive(config.seed, SHUFFLE_STREAM);
        let mut order: Vec<usize> = (0..data.len()).collect();
        shuffle_rng.shuffle(&mut order);
        Ok(Self {
            optimizer: AdamW::new(&model),
            grads: Gradients::zeros_like(&model),
            workspace: Workspace::default(),
            shuffle_rng,
            order,
            position_in_epoch: 0,
            epochs_done: 0,
            batches_done: 0,
            epoch_loss_sum: 0.0,
            loss_curve: Vec::with_capacity(config.epochs),
            model,
            data,
            config,
        })
    }

    /// Gradient steps per epoch (the last batch of an epoch may be smaller).
    pub fn batches_per_epoch(&self) -> usize {
        self.data.len().div_ceil(self.config.batch_size)
    }

    /// Runs at most `max_batches` gradient steps and reports progress. Calling it after the run
    /// finished does nothing.
    pub fn step(&mut self, max_batches: usize) -> Progress {
        for _ in 0..max_batches {
            if self.is_finished() {
                break;
            }
            self.run_one_batch();
        }
        self.progress()
    }

    /// Runs every remaining step.
    pub fn train_to_end(&mut self) -> Progress {
        while !self.is_finished() {
            self.run_one_batch();
        }
        self.progress()
    }

    /// True once every epoch is done.
    pub fn is_finished(&self) -> bool {
        self.epochs_done >= self.config.epochs
    }

    /// Where the run stands.
    pub fn progress(&self) -> Progress {
        Progress {
            epochs_done: self.epochs_done,
            epochs_total: self.config.epochs,
            batches_done: self.batches_done,
            batches_total: self.batches_per_epoch() * self.config.epochs,
            last_epoch_loss: self.loss_curve.last().copied(),
            finished: self.is_finished(),
        }
    }

    /// Mean training loss per completed epoch (cross-entropy, nats).
    pub fn loss_curve(&self) -> &[f32] {
        &self.loss_curve
    }

    /// The model as trained so far.
    pub fn model(&self) -> &Mlp {
        &self.model
    }

    /// The settings of this run.
    pub fn config(&self) -> &TrainConfig {
        &self.config
    }

    /// Number of training examples.
    pub fn examples(&self) -> usize {
        self.data.len()
    }

    /// Ends the run and hands back the model (finished or not).
    pub fn into_model(self) -> Mlp {
        self.model
    }

    fn run_one_batch(&mut self) {
        let start = self.position_in_epoch;
        let end = (start + self.config.batch_size).min(self.order.len());
        self.grads.clear();
        for &index in &self.order[start..end] {
            let Some((input, label)) = self.data.example(index) else {
                continue; // unreachable: `order` is a permutation of the dataset's indices
            };
            let loss =
                self.model
                    .accumulate_gradient(input, label, &mut self.workspace, &mut self.grads);
            self.epoch_loss_sum += f64::from(loss);
        }
        self.optimizer.update(
            &mut self.model,
            &self.grads,
            end - start,
            self.config.learning_rate,
            self.config.weight_decay,
        );
        self.batches_done += 1;
        self.position_in_epoch = end;
        if end == self.order.len() {
            self.loss_curve
                .push((self.epoch_loss_sum / self.order.len() as f64) as f32);
            self.epoch_loss_sum = 0.0;
            self.position_in_epoch = 0;
            self.epochs_done += 1;
            self.shuffle_rng.shuffle(&mut self.order);
        }
    }
}
