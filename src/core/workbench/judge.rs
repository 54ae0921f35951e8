//! Checking an answer against the fact table as it now stands (edits included): is it right,
//! and is it stale (a value the documents used to state)?

use serde::Serialize;

use super::{FactState, Workbench};
use crate::core::corpus::{answer_states, form_matches, versions_stated, Fact};

/// The verdict on one answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Judgement {
    /// The fact the answer is about, when it can be told.
    pub fact: Option<String>,
    /// True when the answer states the fact's current value.
    pub correct: bool,
    /// True when it states a value the fact had in another version (or before an edit) instead.
    pub stale: bool,
    /// The current value, for "now: ..." hints.
    pub current: Option<String>,
}

impl Workbench {
    /// Judges `answer` to a question about `fact` at the current version.
    pub fn judge_fact(&self, fact: &Fact, answer: &str) -> Judgement {
        let version = self.version();
        let state = self.fact_state(fact);
        let current = state.as_ref().and_then(|s| s.value().map(str::to_string));
        let correct = match &state {
            Some(FactState::AsPublished(_)) => answer_states(fact, version, answer),
            Some(FactState::Edited(value)) => form_matches(value, answer),
            Some(FactState::Removed) | None => false,
        };
        let stale = !correct
            && match &state {
                Some(FactState::Edited(_)) => !versions_stated(fact, answer).is_empty(),
                Some(FactState::AsPublished(value)) => fact
                    .values
                    .iter()
                    .filter(|v| &v.value != value)
                    .any(|v| answer_states(fact, &v.version, answer)),
                _ => false,
            };
        Judgement {
            fact: Some(fact.key.clone()),
            correct,
            stale,
            current,
        }
    }

    /// Judges `answer` to `question`: the fact is the one a corpus question with the same text
    /// asks about, or else the one whose answer sentence the answer repeats (what the tuned
    /// model produces). Unknown facts give a default (not correct, not stale) verdict.
    pub fn judge(&self, question: &str, answer: &str) -> Judgement {
        let corpus = self.corpus();
        let asked = question.trim();
        let by_question = corpus
            .questions
            .iter()
            .find(|q| q.text.trim().eq_ignore_ascii_case(asked))
            .and_then(|q| corpus.fact(&q.fact));
        let fact = by_question.or_else(|| {
            corpus.facts.iter().find(|f| {
                let (before, after) = f.statement.split_once("{value}").unwrap_or(("", ""));
                let (before, after) = (before.trim(), after.trim());
                (before.len() + after.len()) > 12
                    && answer.contains(before)
                    && answer.contains(after)
            })
        });
        fact.map_or_else(Judgement::default, |f| self.judge_fact(f, answer))
    }
}
