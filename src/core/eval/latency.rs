//! Latency summaries: mean, median and 90th percentile of each pipeline stage, per mode.
//!
//! The mean is there for coarse clocks: a browser's `performance.now()` may tick in 0.1 ms
//! steps, so a stage that takes microseconds reads 0 on most questions and one tick on a few.
//! Medians of such readings are 0, but their mean over hundreds of questions is still an
//! unbiased estimate of the true time.

use serde::Serialize;

use crate::core::modes::StageTimings;

/// The mean, the median and the 90th percentile of a set of times, in milliseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Arithmetic mean.
    pub mean: f64,
    /// Median (nearest rank).
    pub p50: f64,
    /// 90th percentile (nearest rank).
    pub p90: f64,
}

impl Summary {
    /// Summarises `values` (any order); all zeros for an empty set.
    pub fn of(values: &[f64]) -> Self {
        let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
        sorted.sort_by(f64::total_cmp);
        let mean = if sorted.is_empty() {
            0.0
        } else {
            sorted.iter().sum::<f64>() / sorted.len() as f64
        };
        Self {
            mean,
            p50: nearest_rank(&sorted, 0.5),
            p90: nearest_rank(&sorted, 0.9),
        }
    }
}

/// The value at quantile `q` of `sorted` by the nearest-rank rule: the smallest value with at
/// least `q` of the set at or below it. A real measured value, never an interpolation.
pub fn nearest_rank(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (q.clamp(0.0, 1.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Summary of every stage of one mode's answers, and of their total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct StageLatency {
    /// Embedding the question.
    pub embed: Summary,
    /// Searching the index.
    pub search: Summary,
    /// The reader picking the sentence.
    pub read: Summary,
    /// The tuned heads.
    pub infer: Summary,
    /// Rendering the house format.
    pub render: Summary,
    /// The whole answer (sum of the stages, per question).
    pub total: Summary,
}

impl StageLatency {
    /// Summarises the timings of one mode's answers.
    pub fn of(timings: &[StageTimings]) -> Self {
        let stage = |pick: fn(&StageTimings) -> f64| {
            Summary::of(&timings.iter().map(pick).collect::<Vec<_>>())
        };
        Self {
            embed: stage(|t| t.embed_ms),
            search: stage(|t| t.search_ms),
            read: stage(|t| t.read_ms),
            infer: stage(|t| t.infer_ms),
            render: stage(|t| t.render_ms),
            total: stage(StageTimings::total_ms),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_picks_measured_values() {
        let sorted = [1.0, 2.0, 3.0, 4.0, 10.0];
        assert_eq!(nearest_rank(&sorted, 0.5), 3.0);
        assert_eq!(nearest_rank(&sorted, 0.9), 10.0);
        assert_eq!(nearest_rank(&sorted, 0.0), 1.0);
        assert_eq!(nearest_rank(&[], 0.5), 0.0);
        let p = Summary::of(&[4.0, f64::NAN, 1.0, 2.0, 3.0]);
        assert_eq!((p.mean, p.p50, p.p90), (2.5, 2.0, 4.0));
    }

    #[test]
    fn stage_totals_are_per_question_sums() {
        let t = |embed_ms, infer_ms| StageTimings {
            embed_ms,
            infer_ms,
            ..StageTimings::default()
        };
        let summary = StageLatency::of(&[t(1.0, 5.0), t(2.0, 1.0), t(3.0, 0.0)]);
        assert_eq!(summary.embed.p50, 2.0);
        assert_eq!(summary.infer.p90, 5.0);
        assert_eq!(summary.total.p50, 3.0);
        assert_eq!(summary.total.p90, 6.0);
    }
}
