//! The fitted reader weights, written by `READER_REFIT=1 cargo test --release --test reader_fit -- --nocapture`
//! from the train phrasings, questions generated from them and the demonstrations (see
//! `super::training`); `tests/reader_fit.rs` checks that a refit reproduces them.

use super::features::{ANSWER_FEATURES, SENTENCE_FEATURES};

/// Sentence selector weights, in `SENTENCE_FEATURE_NAMES` order.
pub const SELECT: [f32; SENTENCE_FEATURES] = [
    2.141946,
    0.8323696,
    1.0357901,
    0.42027733,
    0.6822701,
    1.7756728,
    -1.7756728,
    0.427496,
    0.40410224,
    2.141946,
    0.38348168,
    0.6041183,
    -0.031220872,
    -0.1673572,
    -0.6358777,
    2.3114119,
];

/// Answer check weights, in `ANSWER_FEATURE_NAMES` order.
pub const CHECK: [f32; ANSWER_FEATURES] = [
    -11.341062,
    1.6116346,
    4.035326,
    6.0091515,
    -0.77287436,
    -1.2229924,
    -1.0273222,
    -1.5510246,
    -2.1552558,
    0.8284406,
    -0.6384376,
    -2.5745966,
    1.8415956,
];

/// The abstention threshold chosen with them.
pub const THRESHOLD: f32 = 0.06;
