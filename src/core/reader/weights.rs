//! The fitted reader weights, written by `READER_REFIT=1 cargo test --release --test reader_fit -- --nocapture`
//! from the train phrasings and the calibration half of the unanswerable questions (see
//! `super::training`); `tests/reader_fit.rs` checks that a refit reproduces them.

use super::features::{ANSWER_FEATURES, SENTENCE_FEATURES};

/// Sentence selector weights, in `SENTENCE_FEATURE_NAMES` order.
pub const SELECT: [f32; SENTENCE_FEATURES] = [
    2.2673628,
    0.49977875,
    1.0158021,
    1.8008388,
    2.3256378,
    1.7321494,
    -1.7321494,
    0.60789216,
    0.2980955,
    2.2673628,
    0.5114668,
    1.4015825,
    -0.0072877193,
    -0.13120963,
    -0.76916546,
];

/// Answer check weights, in `ANSWER_FEATURE_NAMES` order.
pub const CHECK: [f32; ANSWER_FEATURES] = [
    -6.924405,
    1.189753,
    3.2400558,
    0.0,
    0.0,
    0.0,
    0.4271855,
    0.0,
    0.0,
    -1.022672,
    -0.113254346,
    -5.3766737,
];

/// The abstention threshold chosen with them.
pub const THRESHOLD: f32 = 0.57;
