//! Evaluation: every mode of the 2x2 on every evaluation question, for the workbench as it
//! stands (its version, the learner's edits, the installed tuned model, k and threshold).
//!
//! One retrieval per question serves all four modes ([`answer_all_from`] shares it), answers are
//! judged with [`Workbench::judge_fact`] (which follows the learner's edits), and the result is
//! a plain serialisable [`EvalReport`]: the browser charts and `ragtune eval --json` print the
//! same struct.
//!
//! What counts as what:
//! - *answerable*: a fact question whose fact the documents state at this version (a fact an
//!   edit removed is skipped and counted in [`QuestionCounts::skipped`]);
//! - *unanswerable*: near-miss, out-of-scope and false-premise questions, where declining is
//!   right. The base model declines everything, so it scores full marks there: that is honest,
//!   it knows nothing of the company, and [`ModeMetrics::over_abstention_rate`] shows the price;
//! - *changed* facts: the current value differs from the value at the tuned model's training
//!   version (the corpus snapshot when no model is installed).

mod latency;
mod metrics;
mod versions;

pub use latency::{nearest_rank, StageLatency, Summary};
pub use metrics::{fraction, Count, ModeMetrics, Tally};
pub use versions::evaluate_versions;

use std::collections::HashMap;

use serde::Serialize;

use crate::core::clock::Clock;
use crate::core::corpus::{Category, EvalItem, Fact};
use crate::core::modes::{answer_all_from, Mode, ModeAnswer};
use crate::core::workbench::{Judgement, Workbench};

/// Depth at which retrieval recall is measured.
pub const RECALL_DEPTH: usize = 5;

/// The evaluation questions with their embeddings, prepared once: neither depends on the
/// corpus version, the edits or the tuned model, so a chart that re-evaluates on every change
/// reuses them.
#[derive(Clone, Debug)]
pub struct EvalSet {
    items: Vec<EvalItem>,
    queries: Vec<Vec<f32>>,
}

impl EvalSet {
    /// The corpus's evaluation listing, embedded with the workbench's model.
    pub fn new(bench: &Workbench) -> Self {
        let items = bench.corpus().eval_items();
        let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
        let queries = bench.embedder().embed_batch(&texts);
        Self { items, queries }
    }

    /// The questions.
    pub fn items(&self) -> &[EvalItem] {
        &self.items
    }
}

/// How many questions of each kind the report is over.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct QuestionCounts {
    /// Fact questions whose fact the documents state now.
    pub answerable: usize,
    /// Questions whose right answer is to decline.
    pub unanswerable: usize,
    /// Fact questions skipped because an edit removed their fact.
    pub skipped: usize,
    /// Facts changed since the tuned model's training version.
    pub changed_facts: usize,
    /// Facts unchanged since then.
    pub stable_facts: usize,
}

/// The four modes' metrics, keyed as in the JSON output.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ModeReports {
    /// Retrieval off, tuned off.
    pub base: ModeMetrics,
    /// Retrieval on, tuned off.
    pub rag: ModeMetrics,
    /// Retrieval off, tuned on.
    pub tuned: ModeMetrics,
    /// Retrieval on, tuned on.
    pub both: ModeMetrics,
}

impl ModeReports {
    /// The metrics of `mode`.
    pub fn get(&self, mode: Mode) -> &ModeMetrics {
        match mode {
            Mode::Base => &self.base,
            Mode::Rag => &self.rag,
            Mode::Tuned => &self.tuned,
            Mode::Both => &self.both,
        }
    }
}

/// The evaluation of one workbench state.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EvalReport {
    /// The corpus version evaluated.
    pub version: String,
    /// The version the installed tuned model learned (`None`: no model, tuned modes decline).
    pub tuned_on: Option<String>,
    /// The version "changed facts" are measured against.
    pub changed_since: String,
    /// Documents the learner has edited (over all versions).
    pub edited_documents: usize,
    /// Passages retrieval hands the reader.
    pub k: usize,
    /// The reader's abstention threshold.
    pub threshold: f32,
    /// Question counts.
    pub questions: QuestionCounts,
    /// Wall time of the whole evaluation, milliseconds (by the caller's clock).
    pub eval_ms: f64,
    /// Per mode.
    pub modes: ModeReports,
}

/// What the evaluation needs to know about one fact, worked out once per run.
struct FactInfo<'a> {
    fact: &'a Fact,
    /// The gold document at this version.
    gold_doc: String,
    /// False when an edit removed the fact (or it is absent at this version).
    stated: bool,
    changed: bool,
}

fn fact_info<'a>(bench: &'a Workbench, key: &str, since: &str) -> Option<FactInfo<'a>> {
    let fact = bench.corpus().fact(key)?;
    let now = bench.fact_state(fact);
    let now_value = now.as_ref().and_then(|s| s.value().map(str::to_string));
    let then = bench.fact_state_at(fact, since);
    let then_value = then.as_ref().and_then(|s| s.value());
    let gold_doc = fact.at(bench.version())?.doc_id.clone();
    Some(FactInfo {
        fact,
        gold_doc,
        stated: now_value.is_some(),
        changed: now_value.as_deref() != then_value,
    })
}

/// Evaluates every mode on `set` for `bench` as it stands.
pub fn evaluate(bench: &Workbench, set: &EvalSet, clock: &dyn Clock) -> EvalReport {
    let start = clock.now_ms();
    let since = bench
        .tuned()
        .map_or_else(|| bench.corpus().snapshot.clone(), |m| m.version.clone());
    let mut facts: HashMap<&str, Option<FactInfo<'_>>> = HashMap::new();
    // Many answers repeat (the base model's one reply, a tuned sentence recalled for every
    // phrasing of a fact), so each distinct (fact, text) is judged once.
    let mut verdicts: HashMap<(&str, String), Judgement> = HashMap::new();
    let mut tallies: [Tally; 4] = Default::default();
    let mut questions = QuestionCounts::default();
    let method = bench.index().auto_method();
    for (item, query) in set.items.iter().zip(&set.queries) {
        let info = match item.fact.as_deref() {
            Some(key) => {
                let info = facts
                    .entry(key)
                    .or_insert_with(|| fact_info(bench, key, &since));
                match info {
                    Some(info) if info.stated => Some(&*info),
                    _ => {
                        questions.skipped += 1;
                        continue;
                    }
                }
            }
            None if item.category.expects_abstention() => None,
            None => continue,
        };
        let retrieval = bench.retrieve(&item.text, clock);
        let answers = answer_all_from(bench, &item.text, &retrieval, clock);
        match info {
            Some(info) => {
                questions.answerable += 1;
                // The workbench's own ranking (dense or hybrid), as the reader gets it.
                // At k = RECALL_DEPTH the answers' retrieval is exactly that ranking.
                let ranked;
                let top = if bench.settings().k == RECALL_DEPTH {
                    &retrieval.hits
                } else {
                    ranked = bench.rank(&item.text, query, RECALL_DEPTH, method).0;
                    &ranked
                };
                let recalled = top
                    .iter()
                    .any(|hit| bench.chunks()[hit.id].doc_id == info.gold_doc);
                for (tally, answer) in tallies.iter_mut().zip(&answers) {
                    let verdict = verdicts
                        .entry((info.fact.key.as_str(), answer.text.clone()))
                        .or_insert_with(|| bench.judge_fact(info.fact, &answer.text));
                    score_answerable(item, info, recalled, answer, verdict, tally);
                }
            }
            None => {
                questions.unanswerable += 1;
                for (tally, answer) in tallies.iter_mut().zip(&answers) {
                    tally.abstention.add(answer.abstained);
                    tally.format.add(answer.follows_format());
                    tally.timings.push(answer.timings);
                }
            }
        }
    }
    for info in facts.values().flatten().filter(|i| i.stated) {
        if info.changed {
            questions.changed_facts += 1;
        } else {
            questions.stable_facts += 1;
        }
    }
    let [base, rag, tuned, both] = tallies;
    let modes = ModeReports {
        base: ModeMetrics::from_tally(base, Mode::Base.retrieval()),
        rag: ModeMetrics::from_tally(rag, Mode::Rag.retrieval()),
        tuned: ModeMetrics::from_tally(tuned, Mode::Tuned.retrieval()),
        both: ModeMetrics::from_tally(both, Mode::Both.retrieval()),
    };
    let settings = bench.settings();
    EvalReport {
        version: bench.version().to_string(),
        tuned_on: bench.tuned().map(|m| m.version.clone()),
        changed_since: since,
        edited_documents: bench.edits().len(),
        k: settings.k,
        threshold: settings.threshold,
        questions,
        eval_ms: (clock.now_ms() - start).max(0.0),
        modes,
    }
}

fn score_answerable(
    item: &EvalItem,
    info: &FactInfo<'_>,
    recalled: bool,
    answer: &ModeAnswer,
    verdict: &Judgement,
    tally: &mut Tally,
) {
    tally.timings.push(answer.timings);
    tally.format.add(answer.follows_format());
    tally.knowledge.add(verdict.correct);
    tally.stale.add(verdict.stale);
    tally.over_abstention.add(answer.abstained);
    match item.category {
        Category::Train => tally.trained.add(verdict.correct),
        Category::Heldout => tally.heldout.add(verdict.correct),
        Category::Keyword => tally.keyword.add(verdict.correct),
        Category::YesNo => tally.yesno.add(verdict.correct),
        Category::Direct => tally.direct.add(verdict.correct),
        _ => {}
    }
    if info.changed {
        tally.changed.add(verdict.correct);
        tally.changed_stale.add(verdict.stale);
    } else {
        tally.stable.add(verdict.correct);
    }
    if answer.mode.retrieval() {
        tally.recall_at_5.add(recalled);
        if !answer.abstained {
            tally
                .citation
                .add(answer.citations.iter().any(|c| c.doc_id == info.gold_doc));
        }
    }
}
