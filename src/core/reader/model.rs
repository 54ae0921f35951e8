//! The reader's two small linear models: a sentence selector (which sentence answers) and an
//! answer check (is that sentence really the answer, or should the reader decline?).

use super::features::{Measured, ANSWER_FEATURES, SENTENCE_FEATURES};
use super::weights;

/// The reader's weights. The default is the fitted model in [`super::weights`]; see
/// `core::reader_fit` (feature `offline`) for how it is fitted and on which questions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReaderModel {
    /// Per-sentence feature weights: the selector score is their dot product with the
    /// features, and the sentence with the highest score is the pick.
    pub select: [f32; SENTENCE_FEATURES],
    /// Answer-level feature weights of a logistic model: the reader's score is the sigmoid
    /// of their dot product with the pick's answer features, an estimate of the chance that
    /// the pick states the answer.
    pub check: [f32; ANSWER_FEATURES],
}

impl Default for ReaderModel {
    fn default() -> Self {
        Self {
            select: weights::SELECT,
            check: weights::CHECK,
        }
    }
}

/// The selector's choice for one question.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pick {
    /// Row of [`Measured::rows`].
    pub row: usize,
    /// Its selector score.
    pub select_score: f32,
    /// The reader's score: the answer check's probability.
    pub score: f32,
}

fn dot<const N: usize>(w: &[f32; N], x: &[f32; N]) -> f32 {
    w.iter().zip(x).map(|(a, b)| a * b).sum()
}

/// The logistic function.
pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

impl ReaderModel {
    /// The selector score of every row.
    pub fn select_scores(&self, measured: &Measured) -> Vec<f32> {
        measured
            .rows
            .iter()
            .map(|r| dot(&self.select, &r.features))
            .collect()
    }

    /// The best row and its checked score (`None`: no rows, or no finite score).
    pub fn pick(&self, measured: &Measured) -> Option<Pick> {
        let scores = self.select_scores(measured);
        let (row, &best) = scores
            .iter()
            .enumerate()
            .filter(|(_, s)| s.is_finite())
            .fold(None, |acc: Option<(usize, &f32)>, (i, s)| match acc {
                Some((_, b)) if *b >= *s => acc,
                _ => Some((i, s)),
            })?;
        let runner_up = scores
            .iter()
            .enumerate()
            .filter(|&(i, s)| i != row && s.is_finite())
            .map(|(_, &s)| s)
            .fold(None, |acc: Option<f32>, s| {
                Some(acc.map_or(s, |a| a.max(s)))
            });
        let features = measured.answer_features(row, best, runner_up);
        let score = sigmoid(dot(&self.check, &features));
        score.is_finite().then_some(Pick {
            row,
            select_score: best,
            score,
        })
    }
}
