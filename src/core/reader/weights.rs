//! The fitted reader weights, written by `READER_REFIT=1 cargo test --release --features offline --test reader_fit -- --nocapture`
//! from the train phrasings, questions generated from them and the demonstrations (see
//! `core::reader_fit`); `tests/reader_fit.rs` checks that a refit reproduces them.

use super::features::{ANSWER_FEATURES, SENTENCE_FEATURES};

/// Sentence selector weights, in `SENTENCE_FEATURE_NAMES` order.
pub const SELECT: [f32; SENTENCE_FEATURES] = [
    2.0482187,
    0.64871806,
    1.1681311,
    0.3677279,
    0.65828395,
    1.6810887,
    -1.6810887,
    0.7085171,
    0.32587728,
    2.0482187,
    0.5466103,
    0.3464636,
    -0.029580213,
    -0.17238583,
    -0.72194403,
    2.298285,
];

/// Answer check weights, in `ANSWER_FEATURE_NAMES` order.
pub const CHECK: [f32; ANSWER_FEATURES] = [
    -11.248588, 1.6870339, 5.008169, 5.654534, -0.6989417, -1.2564605, -1.9007459, -1.9454962,
    -2.150014, 0.77407384, -1.4476086, -2.1609416, 1.4560919,
];

/// The abstention threshold chosen with them.
pub const THRESHOLD: f32 = 0.03;
