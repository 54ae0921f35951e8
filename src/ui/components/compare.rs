//! Comparing live scores in words. Every comparative sentence of the trade-off and timeline
//! views decides "higher", "lower" or "about the same" here, from the numbers it names, so a
//! sentence never claims an order the numbers do not show.

use crate::core::text::thousands;
use crate::ui::components::chart::percent;

/// Two scores are "about the same" when they differ by at most this share (2 points). Only
/// sentences that say "about the same" or "about as" rely on it; "more" and "fewer" need a
/// gap wider than this.
pub(crate) const CLOSE: f64 = 0.02;

/// How one measured score stands against another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Relation {
    /// Higher by more than [`CLOSE`].
    Higher,
    /// Within [`CLOSE`] of each other.
    Same,
    /// Lower by more than [`CLOSE`].
    Lower,
}

/// How `a` stands against `b`; `None` when either was not measured (an empty subset), so
/// no sentence compares a number with nothing.
pub(crate) fn relate(a: Option<f64>, b: Option<f64>) -> Option<Relation> {
    let (a, b) = (a?, b?);
    Some(if a > b + CLOSE {
        Relation::Higher
    } else if a + CLOSE < b {
        Relation::Lower
    } else {
        Relation::Same
    })
}

/// A score with the words that name whose it is ("retrieval alone").
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Named {
    /// Who scored it, as it reads inside a sentence.
    pub(crate) name: &'static str,
    /// The score; `None` when not measured.
    pub(crate) value: Option<f64>,
}

/// The highest measured score among `rivals` (the first one on a tie); `None` when none was
/// measured.
pub(crate) fn best(rivals: &[Named]) -> Option<Named> {
    rivals
        .iter()
        .filter(|r| r.value.is_some())
        .fold(None, |top: Option<Named>, r| match top {
            Some(t) if t.value >= r.value => Some(t),
            _ => Some(*r),
        })
}

/// `count` with its noun in the right number: "1 question", "1,204 questions".
pub(crate) fn count(count: usize, one: &str, many: &str) -> String {
    let noun = if count == 1 { one } else { many };
    format!("{} {noun}", thousands(count as u64))
}

/// A share as the views print it ("48.5%"); only called on measured values, so never "n/a".
pub(crate) fn pct(value: f64) -> String {
    percent(Some(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gap_inside_the_tolerance_is_about_the_same() {
        assert_eq!(relate(Some(0.485), Some(0.489)), Some(Relation::Same));
        assert_eq!(relate(Some(0.379), Some(0.705)), Some(Relation::Lower));
        assert_eq!(relate(Some(0.9), Some(0.5)), Some(Relation::Higher));
        assert_eq!(relate(None, Some(0.5)), None);
        assert_eq!(relate(Some(0.5), None), None);
    }

    #[test]
    fn the_best_rival_is_the_highest_measured_one() {
        let rivals = [
            Named {
                name: "retrieval alone",
                value: Some(0.489),
            },
            Named {
                name: "the fine-tuned model alone",
                value: Some(0.705),
            },
            Named {
                name: "the base model",
                value: None,
            },
        ];
        assert_eq!(
            best(&rivals).map(|b| b.name),
            Some("the fine-tuned model alone")
        );
        assert_eq!(best(&rivals[2..]), None);
    }

    #[test]
    fn counts_agree_with_their_noun() {
        assert_eq!(count(1, "question", "questions"), "1 question");
        assert_eq!(count(0, "question", "questions"), "0 questions");
        assert_eq!(count(1204, "example", "examples"), "1,204 examples");
    }
}
