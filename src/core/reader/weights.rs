//! The fitted reader weights, written by `READER_REFIT=1 cargo test --release --test reader_fit -- --nocapture`
//! from the train phrasings and the calibration half of the unanswerable questions (see
//! `super::training`); `tests/reader_fit.rs` checks that a refit reproduces them.

use super::features::{ANSWER_FEATURES, SENTENCE_FEATURES};

/// Sentence selector weights, in `SENTENCE_FEATURE_NAMES` order.
pub const SELECT: [f32; SENTENCE_FEATURES] = [
    1.8822641,
    0.5141631,
    1.3476052,
    1.2611526,
    1.6541544,
    1.7825972,
    -1.7825972,
    0.60238504,
    0.22727773,
    1.8822641,
    0.50031805,
    1.1053607,
    -0.0037696927,
    -0.19523211,
    -0.6619005,
    2.1830902,
];

/// Answer check weights, in `ANSWER_FEATURE_NAMES` order.
pub const CHECK: [f32; ANSWER_FEATURES] = [
    -9.461821,
    0.84745586,
    3.5145628,
    0.0,
    0.0,
    0.0,
    -0.42497715,
    0.0,
    0.0,
    -1.3267318,
    -1.8927498,
    -5.9651175,
    1.5066962,
];

/// The abstention threshold chosen with them.
pub const THRESHOLD: f32 = 0.03;
