//! The fitted reader weights, written by `READER_REFIT=1 cargo test --release --test reader_fit -- --nocapture`
//! from the train phrasings and the calibration half of the unanswerable questions (see
//! `super::training`); `tests/reader_fit.rs` checks that a refit reproduces them.

use super::features::{ANSWER_FEATURES, SENTENCE_FEATURES};

/// Sentence selector weights, in `SENTENCE_FEATURE_NAMES` order.
pub const SELECT: [f32; SENTENCE_FEATURES] = [
    2.2658932,
    0.55581236,
    0.8876013,
    1.7753417,
    2.3250308,
    1.7313987,
    -1.7313987,
    0.6035363,
    0.31393602,
    2.2658932,
    0.5223518,
    1.4437045,
    -0.008768242,
    -0.112576894,
    -0.76891077,
];

/// Answer check weights, in `ANSWER_FEATURE_NAMES` order.
pub const CHECK: [f32; ANSWER_FEATURES] = [
    -6.711479,
    1.1893797,
    3.08067,
    0.0,
    0.0,
    0.0,
    0.33759806,
    0.0,
    0.0,
    -0.97657275,
    -0.23064937,
    -5.3623,
];

/// The abstention threshold chosen with them.
pub const THRESHOLD: f32 = 0.49;
