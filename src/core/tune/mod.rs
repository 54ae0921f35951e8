//! The tuned model: a small classifier trained in the browser on frozen question embeddings.
//!
//! Fine-tuning is simulated honestly: a gradient-trained network with a fixed parameter budget
//! (not a lookup table of question-answer pairs), so it memorises the trained wording, holds
//! facts as of its training snapshot, cannot cite, forgets what it is not shown again, and
//! answers every question with some confidence.
//!
//! - [`mlp`]: the network; [`trainer`]: the resumable training loop and its settings;
//! - [`rng`] and [`math`]: portable randomness and maths so runs are bit-identical everywhere.

mod adam;
pub mod error;
pub mod math;
pub mod mlp;
pub mod rng;
pub mod trainer;

pub use error::TuneError;
pub use mlp::Mlp;
pub use trainer::{Dataset, Progress, TrainConfig, Trainer};
