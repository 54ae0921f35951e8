//! The fitted reader weights, written by `READER_REFIT=1 cargo test --release --test reader_fit -- --nocapture`
//! from the train phrasings and the calibration half of the unanswerable questions (see
//! `super::training`); `tests/reader_fit.rs` checks that a refit reproduces them.

use super::features::{ANSWER_FEATURES, SENTENCE_FEATURES};

/// Sentence selector weights, in `SENTENCE_FEATURE_NAMES` order.
pub const SELECT: [f32; SENTENCE_FEATURES] = [
    2.1705575,
    0.5348061,
    1.3896639,
    1.7258404,
    2.1741273,
    1.80887,
    -1.80887,
    0.58160645,
    0.22943409,
    2.1705575,
    0.5128372,
    1.2849838,
    -0.0048830975,
    -0.18649995,
    -0.6502172,
];

/// Answer check weights, in `ANSWER_FEATURE_NAMES` order.
pub const CHECK: [f32; ANSWER_FEATURES] = [
    -7.741791,
    1.3489302,
    3.8647454,
    0.0,
    0.0,
    0.0,
    -0.5376124,
    0.0,
    0.0,
    -1.0998869,
    -0.46689054,
    -5.244858,
];

/// The abstention threshold chosen with them.
pub const THRESHOLD: f32 = 0.44;
