//! The fitted reader weights, written by `READER_REFIT=1 cargo test --release --test reader_fit -- --nocapture`
//! from the train phrasings, questions generated from them and the demonstrations (see
//! `super::training`); `tests/reader_fit.rs` checks that a refit reproduces them.

use super::features::{ANSWER_FEATURES, SENTENCE_FEATURES};

/// Sentence selector weights, in `SENTENCE_FEATURE_NAMES` order.
pub const SELECT: [f32; SENTENCE_FEATURES] = [
    2.1421366,
    0.83595914,
    1.0534767,
    0.4233726,
    0.6726635,
    1.7704135,
    -1.7704135,
    0.4479006,
    0.39889392,
    2.1421366,
    0.3847201,
    0.59647673,
    -0.030939277,
    -0.16847342,
    -0.63656545,
    2.2987232,
];

/// Answer check weights, in `ANSWER_FEATURE_NAMES` order.
pub const CHECK: [f32; ANSWER_FEATURES] = [
    -11.359009,
    1.6217713,
    3.9559574,
    6.091855,
    -0.78414726,
    -1.2199186,
    -1.0301261,
    -1.5226941,
    -2.1968746,
    0.8218689,
    -0.6472397,
    -2.568594,
    1.8378403,
];

/// The abstention threshold chosen with them.
pub const THRESHOLD: f32 = 0.06;
