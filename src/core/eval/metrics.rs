//! One mode's scores over the evaluation questions, and the counters they are computed from.

use serde::Serialize;

use super::latency::StageLatency;
use crate::core::modes::StageTimings;

/// A share `hits / total`, or `None` when nothing was counted (so "no such questions" never
/// reads as 0% or 100%).
pub fn fraction(hits: usize, total: usize) -> Option<f64> {
    (total > 0).then(|| hits as f64 / total as f64)
}

/// Hits over a total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Count {
    /// Questions that scored.
    pub hits: usize,
    /// Questions counted.
    pub total: usize,
}

impl Count {
    /// Counts one question.
    pub fn add(&mut self, hit: bool) {
        self.hits += usize::from(hit);
        self.total += 1;
    }

    /// `hits / total`, `None` when empty.
    pub fn share(&self) -> Option<f64> {
        fraction(self.hits, self.total)
    }
}

/// The raw counts behind [`ModeMetrics`], kept so a reader can see each denominator.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Tally {
    /// Answerable questions whose answer states the fact's current value.
    pub knowledge: Count,
    /// Answerable questions answered with an out-of-date value.
    pub stale: Count,
    /// Every question whose answer passes the house-format validator.
    pub format: Count,
    /// Answered answerable questions whose citation is a gold document (retrieval modes).
    pub citation: Count,
    /// Unanswerable questions the mode declined.
    pub abstention: Count,
    /// Answerable questions the mode declined (abstaining where it should answer).
    pub over_abstention: Count,
    /// Knowledge on the phrasings tuning trains on.
    pub trained: Count,
    /// Knowledge on the paraphrases tuning never sees.
    pub heldout: Count,
    /// Knowledge on keyword queries (never seen by tuning or fitting).
    pub keyword: Count,
    /// Knowledge on yes/no questions (never seen by tuning or fitting).
    pub yesno: Count,
    /// Knowledge on direct short questions (never seen by tuning or fitting).
    pub direct: Count,
    /// Knowledge on facts whose value changed since the tuned model's training version.
    pub changed: Count,
    /// Stale answers on those changed facts.
    pub changed_stale: Count,
    /// Knowledge on facts whose value did not change.
    pub stable: Count,
    /// Answerable questions with a gold passage among the top 5 retrieved (retrieval modes).
    pub recall_at_5: Count,
    /// Per-question stage timings.
    #[serde(skip)]
    pub timings: Vec<StageTimings>,
}

/// One mode's scores. Fractions are 0..=1 (`None`/null where the mode has no such questions or
/// the measure does not apply); times are milliseconds.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ModeMetrics {
    /// Share of answerable questions whose answer states the fact's current value.
    pub knowledge_accuracy: Option<f64>,
    /// Share of answerable questions answered with a value the documents no longer state.
    pub stale_rate: Option<f64>,
    /// Share of all answers that follow the house format (validator).
    pub format_compliance: Option<f64>,
    /// Share of answered answerable questions citing a gold document; `None` for modes
    /// without retrieval, which cannot cite.
    pub citation_correctness: Option<f64>,
    /// Share of unanswerable questions the mode declined.
    pub abstention_accuracy: Option<f64>,
    /// Share of answerable questions the mode declined (lower is better).
    pub over_abstention_rate: Option<f64>,
    /// Knowledge accuracy on trained phrasings.
    pub trained_accuracy: Option<f64>,
    /// Knowledge accuracy on held-out paraphrases.
    pub heldout_accuracy: Option<f64>,
    /// Knowledge accuracy on keyword queries.
    pub keyword_accuracy: Option<f64>,
    /// Knowledge accuracy on yes/no questions.
    pub yesno_accuracy: Option<f64>,
    /// Knowledge accuracy on direct short questions.
    pub direct_accuracy: Option<f64>,
    /// Knowledge accuracy on facts changed since the tuned model's training version.
    pub changed_accuracy: Option<f64>,
    /// Stale-answer rate on those changed facts.
    pub changed_stale_rate: Option<f64>,
    /// Knowledge accuracy on facts that did not change.
    pub stable_accuracy: Option<f64>,
    /// Retrieval recall@5 (a gold passage in the top 5); `None` without retrieval.
    pub recall_at_5: Option<f64>,
    /// Mean answer time (the figure to use with a coarse clock, see
    /// [`crate::core::eval::Summary`]).
    pub latency_ms_mean: f64,
    /// Median answer time.
    pub latency_ms_p50: f64,
    /// 90th-percentile answer time.
    pub latency_ms_p90: f64,
    /// Median and p90 of each stage.
    pub stages: StageLatency,
    /// The counts behind every share.
    pub counts: Tally,
}

impl ModeMetrics {
    /// Turns counts into shares; `retrieval` says whether citations and recall apply.
    pub fn from_tally(tally: Tally, retrieval: bool) -> Self {
        let stages = StageLatency::of(&tally.timings);
        let when = |on: bool, count: &Count| if on { count.share() } else { None };
        Self {
            knowledge_accuracy: tally.knowledge.share(),
            stale_rate: tally.stale.share(),
            format_compliance: tally.format.share(),
            citation_correctness: when(retrieval, &tally.citation),
            abstention_accuracy: tally.abstention.share(),
            over_abstention_rate: tally.over_abstention.share(),
            trained_accuracy: tally.trained.share(),
            heldout_accuracy: tally.heldout.share(),
            keyword_accuracy: tally.keyword.share(),
            yesno_accuracy: tally.yesno.share(),
            direct_accuracy: tally.direct.share(),
            changed_accuracy: tally.changed.share(),
            changed_stale_rate: tally.changed_stale.share(),
            stable_accuracy: tally.stable.share(),
            recall_at_5: when(retrieval, &tally.recall_at_5),
            latency_ms_mean: stages.total.mean,
            latency_ms_p50: stages.total.p50,
            latency_ms_p90: stages.total.p90,
            stages,
            counts: tally,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_counts_are_none_not_zero() {
        assert_eq!(fraction(0, 0), None);
        assert_eq!(fraction(1, 4), Some(0.25));
        let mut tally = Tally::default();
        tally.knowledge.add(true);
        tally.knowledge.add(false);
        tally.citation.add(true);
        let without = ModeMetrics::from_tally(tally.clone(), false);
        assert_eq!(without.knowledge_accuracy, Some(0.5));
        assert_eq!(without.citation_correctness, None);
        assert_eq!(without.changed_accuracy, None);
        let with = ModeMetrics::from_tally(tally, true);
        assert_eq!(with.citation_correctness, Some(1.0));
    }
}
