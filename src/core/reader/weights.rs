//! The fitted reader weights, written by `READER_REFIT=1 cargo test --release --test reader_fit -- --nocapture`
//! from the train phrasings, questions generated from them and the demonstrations (see
//! `super::training`); `tests/reader_fit.rs` checks that a refit reproduces them.

use super::features::{ANSWER_FEATURES, SENTENCE_FEATURES};

/// Sentence selector weights, in `SENTENCE_FEATURE_NAMES` order.
pub const SELECT: [f32; SENTENCE_FEATURES] = [
    2.147532,
    0.83053577,
    1.027958,
    0.412189,
    0.68363726,
    1.7728947,
    -1.7728947,
    0.43205452,
    0.40578538,
    2.147532,
    0.38311136,
    0.6119424,
    -0.031267136,
    -0.16753685,
    -0.63700485,
    2.3161776,
];

/// Answer check weights, in `ANSWER_FEATURE_NAMES` order.
pub const CHECK: [f32; ANSWER_FEATURES] = [
    -11.313673, 1.611056, 4.0525713, 6.014918, -0.7958039, -1.2212945, -1.0189925, -1.5477396,
    -2.1679153, 0.81459564, -0.6354329, -2.586235, 1.8017224,
];

/// The abstention threshold chosen with them.
pub const THRESHOLD: f32 = 0.06;
