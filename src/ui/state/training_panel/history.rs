//! A short history of training runs (settings and the three accuracies), so the learner can
//! compare runs: forgetting after "changes only", recovery with replay, augmentation raising
//! held-out accuracy. Plain data with the models kept beside it, tested natively.

use crate::core::workbench::TunedModel;

use super::settings::{PanelSettings, ScopeChoice};

/// Runs kept; older ones drop off.
pub(crate) const KEEP: usize = 8;

/// A change smaller than this (a share, 0..1) is not called out.
const NOTABLE: f32 = 0.05;

/// One run as the history table shows it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RunRecord {
    /// 1, 2, ... in the order runs finished (kept when older runs drop off).
    pub(crate) number: usize,
    /// The settings, or `None` for a model the panel did not train (the one in use when it
    /// opened).
    pub(crate) settings: Option<PanelSettings>,
    /// The version whose facts the model learned.
    pub(crate) trained_on: String,
    /// Accuracy on the phrasings it trained with.
    pub(crate) trained: Option<f32>,
    /// Accuracy on held-out paraphrases.
    pub(crate) heldout: Option<f32>,
    /// Accuracy on facts unchanged since `old_since`.
    pub(crate) old_facts: Option<f32>,
    /// The version old facts are counted from.
    pub(crate) old_since: String,
    /// Measured training time, milliseconds.
    pub(crate) train_ms: f64,
}

/// Which accuracy a comparison is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Metric {
    /// Trained phrasings.
    Trained,
    /// Held-out paraphrases.
    Heldout,
    /// Old facts.
    OldFacts,
}

impl Metric {
    /// The column heading.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Metric::Trained => "Trained",
            Metric::Heldout => "Held-out",
            Metric::OldFacts => "Old facts",
        }
    }

    /// A short key (for test selectors and data attributes).
    pub(crate) fn key(self) -> &'static str {
        match self {
            Metric::Trained => "trained",
            Metric::Heldout => "heldout",
            Metric::OldFacts => "old-facts",
        }
    }
}

impl RunRecord {
    /// The value of `metric`.
    pub(crate) fn get(&self, metric: Metric) -> Option<f32> {
        match metric {
            Metric::Trained => self.trained,
            Metric::Heldout => self.heldout,
            Metric::OldFacts => self.old_facts,
        }
    }

    fn scope(&self) -> Option<ScopeChoice> {
        self.settings.as_ref().map(|s| s.scope)
    }
}

/// The runs, oldest first, each with its model so it can be put back in use.
#[derive(Clone, Debug, Default)]
pub(crate) struct RunHistory {
    entries: Vec<(RunRecord, Option<TunedModel>)>,
    next_number: usize,
}

impl RunHistory {
    /// Adds a run (numbering it) and drops the oldest beyond [`KEEP`].
    pub(crate) fn push(&mut self, mut record: RunRecord, model: Option<TunedModel>) {
        self.next_number += 1;
        record.number = self.next_number;
        self.entries.push((record, model));
        if self.entries.len() > KEEP {
            self.entries.remove(0);
        }
    }

    /// True before the first run.
    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The records, oldest first.
    pub(crate) fn records(&self) -> Vec<RunRecord> {
        self.entries.iter().map(|(r, _)| r.clone()).collect()
    }

    /// The model of run `number`, if it is still kept.
    pub(crate) fn model(&self, number: usize) -> Option<&TunedModel> {
        self.entries
            .iter()
            .find(|(r, _)| r.number == number)
            .and_then(|(_, m)| m.as_ref())
    }

    /// The number of the kept run whose model is `model`, if any (the latest such run).
    pub(crate) fn number_of(&self, model: &TunedModel) -> Option<usize> {
        self.entries
            .iter()
            .rev()
            .find(|(_, kept)| {
                kept.as_ref().is_some_and(|kept| {
                    kept.version == model.version && kept.knowledge == model.knowledge
                })
            })
            .map(|(record, _)| record.number)
    }

    /// How `metric` of run `number` differs from the run listed before it.
    pub(crate) fn change(&self, number: usize, metric: Metric) -> Option<f32> {
        let at = self.entries.iter().position(|(r, _)| r.number == number)?;
        let before = self.entries.get(at.checked_sub(1)?)?.0.get(metric)?;
        Some(self.entries[at].0.get(metric)? - before)
    }

    /// One sentence on what the last run shows, compared with the one before, if anything.
    pub(crate) fn lesson(&self) -> Option<String> {
        let (last, _) = self.entries.last()?;
        let previous = self
            .entries
            .len()
            .checked_sub(2)
            .map(|i| &self.entries[i].0);
        if let Some(previous) = previous {
            let from_to = |metric| {
                let (a, b) = (previous.get(metric)?, last.get(metric)?);
                Some((a, b, b - a))
            };
            if let Some((a, b, delta)) = from_to(Metric::OldFacts) {
                if last.scope() == Some(ScopeChoice::ChangesOnly) && delta <= -NOTABLE {
                    return Some(format!(
                        "Trained on the changes only, the model forgot old facts: old-fact \
                         accuracy fell from {} to {}. Try \u{201c}changes + replay\u{201d}.",
                        percent(Some(a)),
                        percent(Some(b))
                    ));
                }
                if last.scope() == Some(ScopeChoice::Replay)
                    && previous.scope() == Some(ScopeChoice::ChangesOnly)
                    && delta >= NOTABLE
                {
                    return Some(format!(
                        "Replaying old examples brought old-fact accuracy back from {} to {}.",
                        percent(Some(a)),
                        percent(Some(b))
                    ));
                }
            }
            let more_phrasings = match (&last.settings, &previous.settings) {
                (Some(l), Some(p)) => l.phrasings > p.phrasings,
                _ => false,
            };
            if let (true, Some((a, b, delta))) = (more_phrasings, from_to(Metric::Heldout)) {
                return Some(if delta >= NOTABLE {
                    format!(
                        "More phrasings per fact raised held-out accuracy from {} to {}.",
                        percent(Some(a)),
                        percent(Some(b))
                    )
                } else {
                    format!(
                        "More phrasings did not raise held-out accuracy this time ({} to {}); \
                         the effect is small between neighbouring settings, try 1 against 4.",
                        percent(Some(a)),
                        percent(Some(b))
                    )
                });
            }
        }
        let (trained, heldout) = (last.trained?, last.heldout?);
        (trained - heldout >= 0.2).then(|| {
            format!(
                "It gets {} of the phrasings it trained on but only {} of new wordings of the \
                 same questions: it memorised the wording more than the meaning.",
                percent(Some(trained)),
                percent(Some(heldout))
            )
        })
    }
}

/// A share as a whole percentage, or a dash when there is none.
pub(crate) fn percent(value: Option<f32>) -> String {
    value.map_or_else(|| "\u{2014}".to_string(), |v| format!("{:.0}%", v * 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(scope: ScopeChoice, phrasings: usize, accuracies: [f32; 3]) -> RunRecord {
        RunRecord {
            number: 0,
            settings: Some(PanelSettings {
                scope,
                phrasings,
                ..PanelSettings::default()
            }),
            trained_on: "v2".into(),
            trained: Some(accuracies[0]),
            heldout: Some(accuracies[1]),
            old_facts: Some(accuracies[2]),
            old_since: "v1".into(),
            train_ms: 120.0,
        }
    }

    #[test]
    fn numbers_runs_keeps_the_last_few_and_compares_with_the_one_before() {
        let mut history = RunHistory::default();
        assert!(history.lesson().is_none());
        for i in 0..KEEP + 2 {
            history.push(
                record(ScopeChoice::Fresh, 2, [1.0, 0.3, i as f32 / 20.0]),
                None,
            );
        }
        let records = history.records();
        assert_eq!(records.len(), KEEP);
        assert_eq!(records[0].number, 3);
        assert_eq!(records.last().unwrap().number, KEEP + 2);
        let change = history.change(KEEP + 2, Metric::OldFacts).unwrap();
        assert!((change - 0.05).abs() < 1e-6);
        assert_eq!(
            history.change(3, Metric::OldFacts),
            None,
            "nothing before the first"
        );
        assert!(history.model(3).is_none());
    }

    #[test]
    fn names_forgetting_then_recovery() {
        let mut history = RunHistory::default();
        history.push(record(ScopeChoice::Fresh, 2, [1.0, 0.3, 1.0]), None);
        history.push(record(ScopeChoice::ChangesOnly, 2, [0.3, 0.1, 0.0]), None);
        let lesson = history.lesson().unwrap();
        assert!(
            lesson.contains("forgot old facts") && lesson.contains("100% to 0%"),
            "{lesson}"
        );
        history.push(record(ScopeChoice::Replay, 2, [0.8, 0.3, 0.72]), None);
        let lesson = history.lesson().unwrap();
        assert!(lesson.contains("back from 0% to 72%"), "{lesson}");
    }

    #[test]
    fn names_augmentation_and_says_so_when_it_did_not_help() {
        let mut history = RunHistory::default();
        history.push(record(ScopeChoice::Fresh, 1, [1.0, 0.29, 1.0]), None);
        history.push(record(ScopeChoice::Fresh, 4, [1.0, 0.43, 1.0]), None);
        assert!(history
            .lesson()
            .unwrap()
            .contains("raised held-out accuracy from 29% to 43%"));
        history.push(record(ScopeChoice::Fresh, 4, [1.0, 0.43, 1.0]), None);
        assert!(history.lesson().unwrap().contains("memorised the wording"));
        let mut flat = RunHistory::default();
        flat.push(record(ScopeChoice::Fresh, 2, [1.0, 0.31, 1.0]), None);
        flat.push(record(ScopeChoice::Fresh, 3, [1.0, 0.30, 1.0]), None);
        assert!(flat.lesson().unwrap().contains("did not raise"));
    }

    #[test]
    fn percentages_round_and_missing_values_show_a_dash() {
        assert_eq!(percent(Some(0.716)), "72%");
        assert_eq!(percent(None), "\u{2014}");
    }
}
