//! The extractive reader: from the retrieved passages, the sentence that best answers the
//! question, quoted as written, with where it came from. It stands in for an LLM reading the
//! retrieved context; it never rewrites or formats (that is the tuned model's job), and it
//! abstains when nothing scores above the threshold.

use crate::core::embed::cosine;
use crate::core::format::{extract_detail, AnswerType};
use crate::core::text::{content_words, word_tokens};

/// How much each signal counts in a sentence's score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReaderWeights {
    /// Cosine of the sentence and the question embeddings.
    pub sentence_similarity: f32,
    /// Share of the question's content words the sentence contains.
    pub coverage: f32,
    /// Cosine of the whole passage and the question (retrieval's own score).
    pub passage_similarity: f32,
    /// Bonus when the sentence holds the kind of value the question asks for (a price for
    /// "how much", a duration for "how long"), as classic extractive QA readers do.
    pub answer_shape: f32,
}

impl Default for ReaderWeights {
    fn default() -> Self {
        Self {
            sentence_similarity: 0.5,
            coverage: 0.2,
            passage_similarity: 0.3,
            answer_shape: 0.25,
        }
    }
}

/// One retrieved passage as the reader sees it.
#[derive(Clone, Copy, Debug)]
pub struct Candidate<'a> {
    /// The caller's id for the passage (an index into its chunk list).
    pub passage: usize,
    /// Retrieval's score for the passage.
    pub passage_score: f32,
    /// The sentences' texts.
    pub sentences: &'a [&'a str],
    /// The sentences' embeddings, parallel to `sentences`.
    pub vectors: &'a [Vec<f32>],
}

/// The sentence the reader picked.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// The passage it is in (the candidate's `passage`).
    pub passage: usize,
    /// The sentence's position in that passage.
    pub sentence: usize,
    /// Its score, about 0..1.
    pub score: f32,
}

/// Scores every sentence of every candidate and returns the best one, or `None` when the best
/// scores under `threshold` (the reader abstains) or there is nothing to read.
pub fn read(
    question: &str,
    query: &[f32],
    candidates: &[Candidate<'_>],
    threshold: f32,
    weights: ReaderWeights,
) -> Option<Reading> {
    best_sentence(question, query, candidates, weights).filter(|r| r.score >= threshold)
}

/// Like [`read`] without the threshold: the best sentence and its score, for the inspector.
pub fn best_sentence(
    question: &str,
    query: &[f32],
    candidates: &[Candidate<'_>],
    weights: ReaderWeights,
) -> Option<Reading> {
    let mut asked = content_words(question);
    asked.sort();
    asked.dedup();
    let wanted = expected_answer_types(question);
    let mut best: Option<Reading> = None;
    for candidate in candidates {
        for (i, (text, vector)) in candidate
            .sentences
            .iter()
            .zip(candidate.vectors)
            .enumerate()
        {
            let shape = wanted.iter().any(|&t| extract_detail(t, text).is_some());
            let score = weights.sentence_similarity * cosine(query, vector)
                + weights.coverage * coverage(&asked, text)
                + weights.passage_similarity * candidate.passage_score
                + if shape { weights.answer_shape } else { 0.0 };
            if !score.is_finite() {
                continue;
            }
            if best.as_ref().is_none_or(|b| score > b.score) {
                best = Some(Reading {
                    passage: candidate.passage,
                    sentence: i,
                    score,
                });
            }
        }
    }
    best
}

/// The kinds of value a question asks for, from its wording ("how much" -> a price). Empty
/// when the wording says nothing; then no sentence gets the bonus.
pub fn expected_answer_types(question: &str) -> Vec<AnswerType> {
    let words = word_tokens(question);
    let has = |w: &str| words.iter().any(|x| x == w);
    let phrase = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
    let mut types = Vec::new();
    if phrase("how", "much")
        || [
            "cost", "costs", "price", "priced", "pay", "fee", "charge", "usd", "dollars",
        ]
        .iter()
        .any(|w| has(w))
    {
        types.push(AnswerType::Price);
    }
    if phrase("how", "many")
        || [
            "limit", "limits", "maximum", "max", "storage", "gb", "size", "quota",
        ]
        .iter()
        .any(|w| has(w))
    {
        types.push(AnswerType::Limit);
    }
    if phrase("how", "long")
        || ["days", "window", "within", "retain", "kept"]
            .iter()
            .any(|w| has(w))
    {
        types.push(AnswerType::Window);
    }
    if ["percent", "percentage", "uptime", "discount", "save", "sla"]
        .iter()
        .any(|w| has(w))
    {
        types.push(AnswerType::Percentage);
    }
    if has("when") || has("date") || has("deadline") {
        types.push(AnswerType::Date);
    }
    if ["hours", "open", "available", "reach"]
        .iter()
        .any(|w| has(w))
    {
        types.push(AnswerType::Hours);
    }
    if phrase("which", "plans") || phrase("what", "plans") || has("regions") || has("where") {
        types.push(AnswerType::Availability);
    }
    types
}

/// Share of `asked` (sorted, unique content words) that appear in `sentence`.
fn coverage(asked: &[String], sentence: &str) -> f32 {
    if asked.is_empty() {
        return 0.0;
    }
    let words = content_words(sentence);
    let hits = asked.iter().filter(|w| words.contains(w)).count();
    hits as f32 / asked.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(v: &[f32]) -> Vec<f32> {
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        v.iter().map(|x| x / n).collect()
    }

    #[test]
    fn picks_the_sentence_closest_to_the_question() {
        let sentences = [
            "The office has a cat.",
            "Refunds are accepted within 30 days.",
        ];
        let vectors = vec![unit(&[1.0, 0.0]), unit(&[0.0, 1.0])];
        let candidates = [Candidate {
            passage: 7,
            passage_score: 0.5,
            sentences: &sentences,
            vectors: &vectors,
        }];
        let query = unit(&[0.1, 1.0]);
        let reading = read(
            "How long do refunds take?",
            &query,
            &candidates,
            0.0,
            ReaderWeights::default(),
        )
        .expect("a sentence");
        assert_eq!((reading.passage, reading.sentence), (7, 1));
    }

    #[test]
    fn coverage_breaks_a_similarity_tie() {
        let sentences = ["Exports run nightly.", "Refunds take 30 days."];
        let vectors = vec![unit(&[1.0, 1.0]), unit(&[1.0, 1.0])];
        let candidates = [Candidate {
            passage: 0,
            passage_score: 0.5,
            sentences: &sentences,
            vectors: &vectors,
        }];
        let reading = read(
            "refunds",
            &unit(&[1.0, 1.0]),
            &candidates,
            0.0,
            ReaderWeights::default(),
        )
        .unwrap();
        assert_eq!(reading.sentence, 1);
    }

    #[test]
    fn abstains_under_the_threshold_and_on_nothing() {
        let sentences = ["Unrelated."];
        let vectors = vec![unit(&[1.0, 0.0])];
        let candidates = [Candidate {
            passage: 0,
            passage_score: 0.0,
            sentences: &sentences,
            vectors: &vectors,
        }];
        let query = unit(&[0.0, 1.0]);
        assert!(read(
            "refunds?",
            &query,
            &candidates,
            0.3,
            ReaderWeights::default()
        )
        .is_none());
        assert!(read("refunds?", &query, &[], 0.0, ReaderWeights::default()).is_none());
        assert!(best_sentence("refunds?", &query, &candidates, ReaderWeights::default()).is_some());
    }

    #[test]
    fn prefers_a_sentence_with_the_kind_of_value_asked_for() {
        let sentences = [
            "Annual billing takes the monthly price of Pro down.",
            "The Pro plan costs $14 per user per month.",
        ];
        let vectors = vec![unit(&[1.0, 0.2]), unit(&[1.0, 0.0])];
        let candidates = [Candidate {
            passage: 0,
            passage_score: 0.5,
            sentences: &sentences,
            vectors: &vectors,
        }];
        let query = unit(&[1.0, 0.2]);
        let question = "How much is the monthly price for Pro?";
        assert_eq!(expected_answer_types(question), vec![AnswerType::Price]);
        let reading = read(question, &query, &candidates, 0.0, ReaderWeights::default()).unwrap();
        assert_eq!(reading.sentence, 1);
        assert!(expected_answer_types("Tell me about Kettlefin").is_empty());
    }
}
