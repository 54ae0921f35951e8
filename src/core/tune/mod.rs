//! The tuned model: a small classifier trained in the browser on frozen question embeddings.
//!
//! Fine-tuning is simulated honestly: a gradient-trained network with a fixed parameter budget
//! (not a lookup table of question-answer pairs), so it memorises the trained wording, holds
//! facts as of its training snapshot, cannot cite, forgets what it is not shown again, and
//! answers every question with some confidence.
//!
//! - [`mlp`]: the network; [`trainer`]: the resumable training loop and its settings;
//! - [`classifier`]: the network with a label vocabulary; [`heads`]: knowledge and behaviour;
//! - [`corpus_data`]: the sample corpus embedded for tuning;
//! - [`dataset`]: training sets (snapshot, augmentation, changes only, replay); [`report`]: the
//!   panel's accuracies; `synthetic`: clustered stand-in data for tests and benchmarks (feature `offline`);
//! - [`math`] (and [`crate::core::rng`]): portable maths and randomness so runs are
//!   bit-identical everywhere.

mod adam;
pub mod classifier;
pub mod corpus_data;
pub mod dataset;
pub mod error;
pub mod heads;
pub mod math;
pub mod mlp;
pub mod report;
#[cfg(any(test, feature = "offline"))]
pub mod synthetic;
pub mod trainer;

pub use classifier::{Classifier, ClassifierTrainer, LabelledExample, Prediction};
pub use corpus_data::TuningData;
pub use dataset::{
    build_training_set, FactExamples, Scope, TrainingSet, TrainingSetCounts, TrainingSetSpec,
};
pub use error::TuneError;
pub use heads::{BehaviourHead, FormatChoice, KnowledgeHead, RecalledAnswer};
pub use mlp::Mlp;
pub use report::{knowledge_report, KnowledgeReport, ReportSpec};
#[cfg(any(test, feature = "offline"))]
pub use synthetic::{synthetic_world, SyntheticSpec, SyntheticWorld};
pub use trainer::{Dataset, Progress, TrainConfig, Trainer};
