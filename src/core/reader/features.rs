//! What the reader measures about each candidate sentence and about its final pick: the
//! inputs of the two small linear models in [`super::model`].

use crate::core::bm25::Bm25;
use crate::core::embed::{cosine, Embedder};
use crate::core::format::AnswerType;
use crate::core::text::{content_words, word_tokens};

use super::names::question_names;
use super::shape::expected_answer_types;
use super::words::{embedding_form, soft_match, stem, time_units, SentenceWords, WordVector};
use super::Candidate;

/// Number of per-sentence features (the sentence selector's inputs).
pub const SENTENCE_FEATURES: usize = 16;

/// Names of the per-sentence features, in order (for reports and the fitted-weights file).
pub const SENTENCE_FEATURE_NAMES: [&str; SENTENCE_FEATURES] = [
    "sentence cosine",
    "passage cosine",
    "passage rank prior 1/(1+rank)",
    "content-word coverage",
    "IDF-weighted coverage",
    "holds the asked kind of value",
    "asks a kind of value the sentence lacks",
    "holds a number",
    "first sentence of its passage",
    "cosine gap to the closest sentence",
    "share of the question's names in the sentence",
    "IDF-weighted coverage by its passage",
    "short sentence (5 words or fewer)",
    "names another thing, not the question's",
    "gives another time unit than the question's",
    "IDF-weighted soft coverage (word-vector cosine)",
];

/// Number of answer-level features (the abstention model's inputs, a constant 1 first).
pub const ANSWER_FEATURES: usize = 13;

/// Names of the answer-level features, in order.
pub const ANSWER_FEATURE_NAMES: [&str; ANSWER_FEATURES] = [
    "bias",
    "selector score of the pick",
    "selector margin over the runner-up",
    "sentence cosine of the pick",
    "IDF-weighted coverage of the pick",
    "IDF-weighted coverage by all passages",
    "share of the question's names in the pick",
    "pick lacks the asked kind of value",
    "best passage cosine",
    "question's rarest word missing from the pick",
    "pick names another thing, not the question's",
    "pick gives another time unit than the question's",
    "IDF-weighted soft coverage of the pick",
];

/// The question, analysed once for all its sentences.
pub(crate) struct Asked {
    /// Stems of the question's distinct content words.
    stems: Vec<String>,
    /// Their weights (IDF over the passages when a lexicon is given, else 1).
    weights: Vec<f32>,
    total_weight: f32,
    /// Stemmed names (capitalised words inside the question).
    names: Vec<String>,
    /// Kinds of value asked for.
    wanted: Vec<AnswerType>,
    /// Time units the question mentions ("per day", "monthly").
    units: Vec<&'static str>,
    /// Per stem, the embedding of the question's word (empty without a model).
    vectors: Vec<WordVector>,
}

impl Asked {
    pub(crate) fn new(question: &str, lexicon: Option<&Bm25>, model: Option<&Embedder>) -> Self {
        let words = content_words(question);
        let mut stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
        stems.sort();
        stems.dedup();
        let vectors = model.map_or_else(Vec::new, |embedder| {
            stems
                .iter()
                .map(|s| {
                    let word = words.iter().find(|w| stem(w) == *s).unwrap_or(s);
                    WordVector::of(embedding_form(word), embedder)
                })
                .collect()
        });
        // IDF of the stem, or of the word form the passages use when the stem is not indexed;
        // a word no passage has gets the largest weight seen (it is the rarest).
        let weights: Vec<f32> = match lexicon {
            Some(bm25) => {
                let raw: Vec<f32> = stems.iter().map(|s| bm25.idf(s)).collect();
                let top = raw.iter().copied().fold(1.0f32, f32::max);
                raw.iter().map(|&w| if w > 0.0 { w } else { top }).collect()
            }
            None => vec![1.0; stems.len()],
        };
        let total_weight = weights.iter().sum();
        let names = question_names(question)
            .iter()
            .map(|n| n.strip_suffix('s').unwrap_or(n).to_string())
            .collect();
        Self {
            stems,
            weights,
            total_weight,
            names,
            wanted: expected_answer_types(question),
            units: time_units(&word_tokens(question)),
            vectors,
        }
    }
}

/// Names the candidates use: words written capitalised inside a sentence somewhere in them
/// (so "Team" counts in "Team workspaces can ..." because "the Team plan" occurs).
fn known_names(candidates: &[Candidate<'_>]) -> Vec<String> {
    let mut names: Vec<String> = candidates
        .iter()
        .flat_map(|c| c.words.iter())
        .flat_map(|w| w.names.iter().cloned())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Per asked stem: does the sentence have it?
fn hits(asked: &Asked, bag: &SentenceWords) -> Vec<bool> {
    asked.stems.iter().map(|s| bag.covers(s)).collect()
}

/// The IDF-weighted share of the question's stems the sentence covers, each stem counting by
/// `matched(stem index, present)` in 0..=1.
fn weighted_by(asked: &Asked, hit: &[bool], matched: impl Fn(usize, bool) -> f32) -> f32 {
    if asked.total_weight <= 0.0 {
        return 0.0;
    }
    let got: f32 = asked
        .weights
        .iter()
        .zip(hit)
        .enumerate()
        .map(|(i, (w, h))| w * matched(i, *h))
        .sum();
    got / asked.total_weight
}

fn weighted(asked: &Asked, hit: &[bool]) -> f32 {
    weighted_by(asked, hit, |_, present| f32::from(u8::from(present)))
}

/// [`weighted`] where a stem the sentence lacks still counts by its best word-vector cosine
/// with the sentence's words ("price" for "cost"); equal to [`weighted`] without vectors.
fn soft_weighted(asked: &Asked, bag: &SentenceWords, hit: &[bool]) -> f32 {
    weighted_by(asked, hit, |i, present| {
        if present {
            1.0
        } else {
            asked.vectors.get(i).map_or(0.0, |v| soft_match(v, bag))
        }
    })
}

/// One candidate sentence with its features.
#[derive(Clone, Debug, PartialEq)]
pub struct SentenceRow {
    /// Index of the candidate (retrieval rank) it belongs to.
    pub candidate: usize,
    /// Its position in that passage.
    pub sentence: usize,
    /// The features, in [`SENTENCE_FEATURE_NAMES`] order.
    pub features: [f32; SENTENCE_FEATURES],
    /// Per asked stem, whether the sentence has it (for the answer-level features).
    covered: Vec<bool>,
}

/// Everything measured about one question's candidates.
pub struct Measured {
    /// One row per candidate sentence, in candidate then sentence order.
    pub rows: Vec<SentenceRow>,
    /// IDF-weighted coverage of the question by all candidates together.
    pub union_coverage: f32,
    /// The best passage cosine.
    pub best_passage: f32,
    /// The question's names that no candidate sentence mentions (see [`super::Reading`]).
    pub unsupported: Vec<String>,
    asked_weights: Vec<f32>,
}

/// Measures every sentence of every candidate for `question` (embedded as `query`).
pub(crate) fn measure(asked: &Asked, query: &[f32], candidates: &[Candidate<'_>]) -> Measured {
    let mut rows = Vec::new();
    let mut cosines = Vec::new();
    let mut union = vec![false; asked.stems.len()];
    let mut best_passage = f32::NEG_INFINITY;
    let known = if asked.names.is_empty() {
        Vec::new()
    } else {
        known_names(candidates)
    };
    let mut unsupported = asked.names.clone();
    for (rank, candidate) in candidates.iter().enumerate() {
        best_passage = best_passage.max(candidate.passage_score);
        let bags = candidate.words;
        unsupported.retain(|n| !bags.iter().any(|b| b.plain.contains(n)));
        let sentence_hits: Vec<Vec<bool>> = bags.iter().map(|b| hits(asked, b)).collect();
        let passage_hits: Vec<bool> = (0..asked.stems.len())
            .map(|i| sentence_hits.iter().any(|h| h[i]))
            .collect();
        for (u, p) in union.iter_mut().zip(&passage_hits) {
            *u |= *p;
        }
        let passage_coverage = weighted(asked, &passage_hits);
        for (i, (vector, (bag, hit))) in candidate
            .vectors
            .iter()
            .zip(bags.iter().zip(sentence_hits))
            .enumerate()
        {
            let cos = cosine(query, vector);
            let shape = asked.wanted.iter().any(|&t| bag.holds(t));
            let names = if asked.names.is_empty() {
                1.0
            } else {
                let found = asked.names.iter().filter(|n| bag.plain.contains(n)).count();
                found as f32 / asked.names.len() as f32
            };
            let coverage = if hit.is_empty() {
                0.0
            } else {
                hit.iter().filter(|h| **h).count() as f32 / hit.len() as f32
            };
            // Another named thing in place of the asked one ("Enterprise" for "Team").
            let other_name = !asked.names.is_empty()
                && names == 0.0
                && bag
                    .plain
                    .iter()
                    .any(|w| known.contains(w) && !asked.names.contains(w));
            let other_unit = !asked.units.is_empty()
                && !bag.units.is_empty()
                && !asked.units.iter().any(|u| bag.units.contains(u));
            cosines.push(cos);
            rows.push(SentenceRow {
                candidate: rank,
                sentence: i,
                features: [
                    cos,
                    candidate.passage_score,
                    1.0 / (1.0 + rank as f32),
                    coverage,
                    weighted(asked, &hit),
                    f32::from(u8::from(!asked.wanted.is_empty() && shape)),
                    f32::from(u8::from(!asked.wanted.is_empty() && !shape)),
                    f32::from(u8::from(bag.digit)),
                    f32::from(u8::from(i == 0)),
                    0.0,
                    names,
                    passage_coverage,
                    f32::from(u8::from(bag.plain.len() <= 5)),
                    f32::from(u8::from(other_name)),
                    f32::from(u8::from(other_unit)),
                    soft_weighted(asked, bag, &hit),
                ],
                covered: hit,
            });
        }
    }
    let closest = cosines.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    for row in &mut rows {
        row.features[9] = row.features[0] - closest;
    }
    Measured {
        rows,
        union_coverage: weighted(asked, &union),
        best_passage: if best_passage.is_finite() {
            best_passage
        } else {
            0.0
        },
        unsupported,
        asked_weights: asked.weights.clone(),
    }
}

impl Measured {
    /// The answer-level features of picking row `pick` whose selector score is `score`, with
    /// `runner_up` the best selector score among the other rows (`None`: no other row).
    pub fn answer_features(
        &self,
        pick: usize,
        score: f32,
        runner_up: Option<f32>,
    ) -> [f32; ANSWER_FEATURES] {
        let row = &self.rows[pick];
        let rarest = self.asked_weights.iter().copied().fold(0.0f32, f32::max);
        let missing = self
            .asked_weights
            .iter()
            .zip(&row.covered)
            .filter(|(_, c)| !**c)
            .map(|(w, _)| *w)
            .fold(0.0f32, f32::max);
        [
            1.0,
            score,
            runner_up.map_or(1.0, |r| (score - r).min(1.0)),
            row.features[0],
            row.features[4],
            self.union_coverage,
            row.features[10],
            row.features[6],
            self.best_passage,
            if rarest > 0.0 { missing / rarest } else { 0.0 },
            row.features[13],
            row.features[14],
            row.features[15],
        ]
    }
}
