//! BM25 lexical ranking over chunk texts (fused with the dense ranking in `core::hybrid`).

use crate::core::index::{top_k, Hit};
use crate::core::text::word_tokens;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// The two BM25 constants.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bm25Params {
    /// Term-frequency saturation: how quickly repeats of a word stop adding score.
    pub k1: f32,
    /// Length normalisation: 0 ignores document length, 1 divides fully by it.
    pub b: f32,
}

impl Default for Bm25Params {
    /// The usual k1 = 1.2, b = 0.75.
    fn default() -> Self {
        Self { k1: 1.2, b: 0.75 }
    }
}

/// An inverted index of the texts with BM25 scoring.
#[derive(Clone, Debug)]
pub struct Bm25 {
    params: Bm25Params,
    term_ids: HashMap<String, usize>,
    /// Per term: (document, term frequency) in document order.
    postings: Vec<Vec<(u32, u32)>>,
    doc_lengths: Vec<u32>,
    total_length: u64,
    average_length: f32,
}

impl Bm25 {
    /// Indexes `texts` (document id = position) with the default constants.
    pub fn build<S: AsRef<str>>(texts: &[S]) -> Self {
        Self::build_with(texts, Bm25Params::default())
    }

    /// Indexes `texts` with the given constants.
    pub fn build_with<S: AsRef<str>>(texts: &[S], params: Bm25Params) -> Self {
        let mut index = Self::empty(params);
        for text in texts {
            index.add(text.as_ref());
        }
        index
    }

    /// An index of no texts, to [`Bm25::add`] to.
    pub fn empty(params: Bm25Params) -> Self {
        Self {
            params,
            term_ids: HashMap::new(),
            postings: Vec::new(),
            doc_lengths: Vec::new(),
            total_length: 0,
            average_length: 0.0,
        }
    }

    /// Indexes one more text (its id is the next position), so a large corpus can be indexed
    /// a batch at a time; the result is the same as building from all texts at once.
    pub fn add(&mut self, text: &str) {
        let doc = self.doc_lengths.len() as u32;
        let mut counts: HashMap<usize, u32> = HashMap::new();
        let mut length = 0u32;
        for token in words(text) {
            let next_id = self.term_ids.len();
            let id = *self.term_ids.entry(token).or_insert(next_id);
            if id == self.postings.len() {
                self.postings.push(Vec::new());
            }
            *counts.entry(id).or_insert(0) += 1;
            length = length.saturating_add(1);
        }
        // Sorted so the postings (and therefore float sums) do not depend on hash order.
        let mut counts: Vec<(usize, u32)> = counts.into_iter().collect();
        counts.sort_unstable();
        for (id, tf) in counts {
            self.postings[id].push((doc, tf));
        }
        self.doc_lengths.push(length);
        self.total_length += u64::from(length);
        self.average_length = self.total_length as f32 / self.doc_lengths.len() as f32;
    }

    /// Number of indexed texts.
    pub fn len(&self) -> usize {
        self.doc_lengths.len()
    }

    /// True when no text is indexed.
    pub fn is_empty(&self) -> bool {
        self.doc_lengths.is_empty()
    }

    /// Inverse document frequency of a word (0 for a word no text contains). The
    /// `ln(1 + ...)` form stays positive even for words in more than half of the texts.
    pub fn idf(&self, word: &str) -> f32 {
        let lowered = word.to_lowercase();
        self.term_ids
            .get(lowered.as_str())
            .map_or(0.0, |&id| self.idf_of(id))
    }

    /// The `k` best texts for `query` as `(text id, BM25 score)`, best first (ties by id).
    /// Texts sharing no word with the query are left out.
    pub fn scores(&self, query: &str, k: usize) -> Vec<(usize, f32)> {
        let mut totals = vec![0.0f32; self.len()];
        let mut touched = vec![false; self.len()];
        let mut seen = HashSet::new();
        for word in words(query) {
            let Some(&id) = self.term_ids.get(word.as_str()) else {
                continue;
            };
            if !seen.insert(id) {
                continue;
            }
            let idf = self.idf_of(id);
            for &(doc, tf) in &self.postings[id] {
                let doc = doc as usize;
                totals[doc] += idf * self.saturated_tf(tf, self.doc_lengths[doc]);
                touched[doc] = true;
            }
        }
        let hits = totals
            .into_iter()
            .enumerate()
            .filter(|(doc, _)| touched[*doc])
            .map(|(id, score)| Hit { id, score });
        top_k(hits, k)
            .into_iter()
            .map(|hit| (hit.id, hit.score))
            .collect()
    }

    fn idf_of(&self, id: usize) -> f32 {
        let n = self.len() as f32;
        let df = self.postings[id].len() as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    fn saturated_tf(&self, tf: u32, length: u32) -> f32 {
        let Bm25Params { k1, b } = self.params;
        let tf = tf as f32;
        let relative_length = if self.average_length > 0.0 {
            length as f32 / self.average_length
        } else {
            1.0
        };
        tf * (k1 + 1.0) / (tf + k1 * (1.0 - b + b * relative_length))
    }
}

/// The shared word tokens (lowercase; "sign-in", "99.9" and "don't" stay whole), so BM25 and
/// the reader agree on what a word is.
fn words(text: &str) -> impl Iterator<Item = String> {
    word_tokens(text).into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Vec<&'static str> {
        vec![
            "The Pro plan costs 49 dollars per month.",
            "Refunds are issued within 30 days of purchase.",
            "The Basic plan costs 9 dollars per month and the Pro plan adds priority support.",
            "Our office dog is called Biscuit.",
        ]
    }

    #[test]
    fn ranks_texts_sharing_rare_query_words_first() {
        let index = Bm25::build(&corpus());
        let ranked = index.scores("How long do refunds take?", 10);
        assert_eq!(ranked.first().map(|r| r.0), Some(1));
        let ranked = index.scores("pro plan price", 10);
        assert_eq!(ranked.iter().map(|r| r.0).collect::<Vec<_>>(), vec![0, 2]);
    }

    #[test]
    fn rare_words_weigh_more_than_common_ones() {
        let index = Bm25::build(&corpus());
        assert!(index.idf("biscuit") > index.idf("plan"));
        assert!(index.idf("plan") > 0.0);
        assert_eq!(index.idf("unknownword"), 0.0);
        assert_eq!(index.idf("BISCUIT"), index.idf("biscuit"));
    }

    #[test]
    fn no_match_empty_query_and_empty_corpus_give_nothing() {
        let index = Bm25::build(&corpus());
        assert!(index.scores("zebra", 5).is_empty());
        assert!(index.scores("", 5).is_empty());
        assert!(index.scores("!!! <b>", 5).is_empty());
        let empty = Bm25::build::<&str>(&[]);
        assert!(empty.is_empty());
        assert!(empty.scores("pro plan", 5).is_empty());
    }

    #[test]
    fn k_limits_results_and_scores_are_finite_and_descending() {
        let index = Bm25::build(&corpus());
        let ranked = index.scores("the plan costs dollars month", 2);
        assert_eq!(ranked.len(), 2);
        assert!(ranked.iter().all(|r| r.1.is_finite() && r.1 > 0.0));
        assert!(ranked[0].1 >= ranked[1].1);
    }

    #[test]
    fn repeated_query_words_count_once() {
        let index = Bm25::build(&corpus());
        assert_eq!(
            index.scores("refunds", 3),
            index.scores("refunds refunds refunds", 3)
        );
    }
}
