//! The extractive reader: from the retrieved passages, the sentence that best answers the
//! question, quoted as written, with where it came from. It stands in for an LLM reading the
//! retrieved context; it never rewrites or formats (that is the tuned model's job), and it
//! abstains when its answer check scores the pick under the threshold.
//!
//! Two small linear models do the work ([`ReaderModel`]): a sentence selector over
//! per-sentence features ([`features`]) and an answer check, a logistic model whose
//! probability is the reader's score. Both are fitted (`core::reader_fit`, offline) on the corpus's *train*
//! phrasings, near misses generated from them and the demonstrations only; held-out
//! paraphrases, the other question styles and the unanswerable questions are never used
//! to choose anything.

pub mod features;
mod model;
mod names;
mod shape;
mod weights;
pub(crate) mod words;

pub use features::{
    ANSWER_FEATURES, ANSWER_FEATURE_NAMES, SENTENCE_FEATURES, SENTENCE_FEATURE_NAMES,
};
pub use model::{sigmoid, Pick, ReaderModel};
pub use names::question_names;
pub use shape::expected_answer_types;
pub use words::{SentenceWords, WordVector};

use crate::core::bm25::Bm25;
use crate::core::embed::Embedder;

/// The abstention threshold fitted with the default model (see `core::reader_fit`).
pub const DEFAULT_THRESHOLD: f32 = weights::THRESHOLD;

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
    /// The sentences' words as the reader measures them, parallel to `sentences`.
    pub words: &'a [SentenceWords],
}

/// The sentence the reader picked.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// The passage it is in (the candidate's `passage`).
    pub passage: usize,
    /// The sentence's position in that passage.
    pub sentence: usize,
    /// Its score: the answer check's estimate (0..1) that the sentence states the answer.
    pub score: f32,
    /// Names in the question (capitalised words such as a plan or a city) that no retrieved
    /// passage mentions. Non-empty means the question rests on something the documents do
    /// not know (a false premise: "the Platinum plan"), so the reader abstains whatever the
    /// score.
    pub unsupported: Vec<String>,
}

impl Reading {
    /// True when the reader answers with this sentence at `threshold`.
    pub fn answers(&self, threshold: f32) -> bool {
        self.score >= threshold && self.unsupported.is_empty()
    }
}

/// What the reader is asked: the question's text and embedding, and optionally the passages'
/// BM25 index, whose IDF tells rare (telling) words from common ones.
#[derive(Clone, Copy)]
pub struct Question<'a> {
    /// The question as typed.
    pub text: &'a str,
    /// Its embedding.
    pub query: &'a [f32],
    /// IDF source; without it every word weighs the same.
    pub lexicon: Option<&'a Bm25>,
    /// The embedding model, to match the question's words with synonyms in a sentence
    /// (give the candidates' [`SentenceWords`] their vectors too); without it words match
    /// only by stem.
    pub model: Option<&'a Embedder>,
}

/// Scores every sentence of every candidate and returns the best one, or `None` when its
/// score is under `threshold` (the reader abstains) or there is nothing to read.
pub fn read(
    question: Question<'_>,
    candidates: &[Candidate<'_>],
    threshold: f32,
    model: &ReaderModel,
) -> Option<Reading> {
    best_sentence(question, candidates, model).filter(|r| r.answers(threshold))
}

/// Like [`read`] without the threshold: the best sentence and its score, for the inspector.
pub fn best_sentence(
    question: Question<'_>,
    candidates: &[Candidate<'_>],
    model: &ReaderModel,
) -> Option<Reading> {
    let asked = features::Asked::new(question.text, question.lexicon, question.model);
    let measured = features::measure(&asked, question.query, candidates);
    let pick = model.pick(&measured)?;
    let row = &measured.rows[pick.row];
    Some(Reading {
        passage: candidates[row.candidate].passage,
        sentence: row.sentence,
        score: pick.score,
        unsupported: measured.unsupported,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::format::AnswerType;

    fn unit(v: &[f32]) -> Vec<f32> {
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        v.iter().map(|x| x / n).collect()
    }

    fn ask<'a>(text: &'a str, query: &'a [f32]) -> Question<'a> {
        Question {
            text,
            query,
            lexicon: None,
            model: None,
        }
    }

    fn one_passage<'a>(sentences: &'a [&'a str], vectors: &'a [Vec<f32>]) -> [Candidate<'a>; 1] {
        // Leaked: a test's few sentences, kept for the test's life like its other borrows.
        let words = Box::leak(SentenceWords::of_all(sentences, None).into_boxed_slice());
        [Candidate {
            passage: 7,
            passage_score: 0.5,
            sentences,
            vectors,
            words,
        }]
    }

    #[test]
    fn picks_the_sentence_closest_to_the_question() {
        let sentences = [
            "The office has a cat.",
            "Refunds are accepted within 30 days.",
        ];
        let vectors = vec![unit(&[1.0, 0.0]), unit(&[0.0, 1.0])];
        let candidates = one_passage(&sentences, &vectors);
        let query = unit(&[0.1, 1.0]);
        let model = ReaderModel::default();
        let reading = read(
            ask("How long do refunds take?", &query),
            &candidates,
            0.0,
            &model,
        )
        .expect("a sentence");
        assert_eq!((reading.passage, reading.sentence), (7, 1));
        assert!((0.0..=1.0).contains(&reading.score), "{}", reading.score);
    }

    #[test]
    fn coverage_breaks_a_similarity_tie() {
        let sentences = ["Exports run nightly.", "Refunds take 30 days."];
        let vectors = vec![unit(&[1.0, 1.0]), unit(&[1.0, 1.0])];
        let candidates = one_passage(&sentences, &vectors);
        let query = unit(&[1.0, 1.0]);
        let reading = read(
            ask("refunds", &query),
            &candidates,
            0.0,
            &ReaderModel::default(),
        );
        assert_eq!(reading.unwrap().sentence, 1);
    }

    #[test]
    fn abstains_under_the_threshold_and_on_nothing() {
        let sentences = ["Unrelated."];
        let vectors = vec![unit(&[1.0, 0.0])];
        let candidates = one_passage(&sentences, &vectors);
        let query = unit(&[0.0, 1.0]);
        let model = ReaderModel::default();
        let best = best_sentence(ask("refunds?", &query), &candidates, &model).unwrap();
        assert!(read(
            ask("refunds?", &query),
            &candidates,
            best.score + 0.01,
            &model
        )
        .is_none());
        assert!(read(ask("refunds?", &query), &[], 0.0, &model).is_none());
        // A threshold of 1 declines in practice: the score is a probability.
        assert!(read(ask("refunds?", &query), &candidates, 1.01, &model).is_none());
    }

    #[test]
    fn prefers_a_sentence_with_the_kind_of_value_asked_for() {
        let sentences = [
            "Annual billing takes the monthly price of Pro down.",
            "The Pro plan costs $14 per user per month.",
        ];
        let vectors = vec![unit(&[1.0, 0.2]), unit(&[1.0, 0.0])];
        let candidates = one_passage(&sentences, &vectors);
        let query = unit(&[1.0, 0.2]);
        let question = "How much is the monthly price for Pro?";
        assert_eq!(expected_answer_types(question), vec![AnswerType::Price]);
        let reading = read(
            ask(question, &query),
            &candidates,
            0.0,
            &ReaderModel::default(),
        );
        assert_eq!(reading.unwrap().sentence, 1);
        assert!(expected_answer_types("Tell me about Kettlefin").is_empty());
    }

    #[test]
    fn abstains_when_the_question_names_something_no_passage_mentions() {
        let sentences = ["The Pro plan costs $14 per user per month."];
        let vectors = vec![unit(&[1.0, 0.0])];
        let candidates = one_passage(&sentences, &vectors);
        let query = unit(&[1.0, 0.0]);
        let model = ReaderModel::default();
        // The same passage, a perfect vector match: the known name answers, the unknown one not.
        let known = ask("How much does the Pro plan cost?", &query);
        let known = best_sentence(known, &candidates, &model).unwrap();
        assert!(known.unsupported.is_empty());
        assert!(known.answers(-1.0));
        let premise = ask("How much does the Platinum plan cost?", &query);
        let unknown = best_sentence(premise, &candidates, &model).unwrap();
        assert_eq!(unknown.unsupported, vec!["platinum".to_string()]);
        assert!(
            !unknown.answers(-1.0),
            "no threshold lets a false premise through"
        );
        assert!(read(premise, &candidates, -1.0, &model).is_none());
    }

    #[test]
    fn names_are_capitalised_words_inside_a_sentence_only() {
        assert_eq!(
            question_names("Does the Platinum tier work in Tokyo? What's Pro's price?"),
            vec!["platinum", "pro", "tokyo"]
        );
        // Sentence openers, "I", acronyms, days and months are not names.
        assert!(question_names("Can I call SSO support on Monday in May?").is_empty());
        assert!(question_names("").is_empty());
        assert!(question_names("<b>🦀</b> ?!").is_empty());
        // A plural in the question still finds the singular in the passage.
        let sentences = ["Team seats cost $20."];
        let vectors = vec![unit(&[1.0, 0.0])];
        let candidates = one_passage(&sentences, &vectors);
        let query = unit(&[1.0, 0.0]);
        let question = ask("What do the Teams seats cost?", &query);
        let reading = best_sentence(question, &candidates, &ReaderModel::default()).unwrap();
        assert!(reading.unsupported.is_empty(), "{:?}", reading.unsupported);
    }

    #[test]
    fn the_score_is_the_answer_check_probability() {
        let sentences = ["Pro costs $14 a month."];
        let vectors = vec![unit(&[1.0, 0.0])];
        let candidates = one_passage(&sentences, &vectors);
        let query = unit(&[1.0, 0.0]);
        let mut model = ReaderModel {
            select: ReaderModel::default().select,
            check: [0.0; ANSWER_FEATURES],
        };
        let even = best_sentence(ask("How much is Pro?", &query), &candidates, &model).unwrap();
        assert_eq!(even.score, 0.5, "all-zero check weights give sigmoid(0)");
        model.check[0] = -50.0;
        let never = best_sentence(ask("How much is Pro?", &query), &candidates, &model).unwrap();
        assert!(never.score < 1e-6 && !never.answers(0.01));
    }
}
