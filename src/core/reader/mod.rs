//! The extractive reader: from the retrieved passages, the sentence that best answers the
//! question, quoted as written, with where it came from. It stands in for an LLM reading the
//! retrieved context; it never rewrites or formats (that is the tuned model's job), and it
//! abstains when nothing scores above the threshold.

use crate::core::embed::cosine;
use crate::core::format::{extract_detail, AnswerType, MONTHS};
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
    /// Penalty when the question asks for a kind of value and the sentence holds none of it
    /// (a "how much" answered by a sentence without a price is rarely the answer).
    pub shape_mismatch: f32,
}

impl Default for ReaderWeights {
    fn default() -> Self {
        Self {
            sentence_similarity: 0.5,
            coverage: 0.2,
            passage_similarity: 0.3,
            answer_shape: 0.25,
            shape_mismatch: 0.0,
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
    /// Its score: the weighted sum of the signals divided by the largest sum they can reach,
    /// so at most 1 (a threshold of 1 always abstains in practice) and about 0..1.
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

/// Scores every sentence of every candidate and returns the best one, or `None` when the best
/// scores under `threshold` (the reader abstains) or there is nothing to read.
pub fn read(
    question: &str,
    query: &[f32],
    candidates: &[Candidate<'_>],
    threshold: f32,
    weights: ReaderWeights,
) -> Option<Reading> {
    best_sentence(question, query, candidates, weights).filter(|r| r.answers(threshold))
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
    let most = weights.sentence_similarity
        + weights.coverage
        + weights.passage_similarity
        + weights.answer_shape;
    let scale = if most > 0.0 { 1.0 / most } else { 1.0 };
    let mut best: Option<Reading> = None;
    for candidate in candidates {
        for (i, (text, vector)) in candidate
            .sentences
            .iter()
            .zip(candidate.vectors)
            .enumerate()
        {
            let shape = wanted.iter().any(|&t| extract_detail(t, text).is_some());
            let shape_term = match (wanted.is_empty(), shape) {
                (true, _) => 0.0,
                (false, true) => weights.answer_shape,
                (false, false) => -weights.shape_mismatch,
            };
            let score = scale
                * (weights.sentence_similarity * cosine(query, vector)
                    + weights.coverage * coverage(&asked, text)
                    + weights.passage_similarity * candidate.passage_score
                    + shape_term);
            if !score.is_finite() {
                continue;
            }
            if best.as_ref().is_none_or(|b| score > b.score) {
                best = Some(Reading {
                    passage: candidate.passage,
                    sentence: i,
                    score,
                    unsupported: Vec::new(),
                });
            }
        }
    }
    best.map(|reading| Reading {
        unsupported: unsupported_names(question, candidates),
        ..reading
    })
}

/// Words in the question that look like names: capitalised but not opening a sentence
/// ("the Platinum plan", "in Tokyo"). Not names: "I", acronyms (documents spell "SSO" out
/// as "single sign-on"), and the days and months (calendar words, not things the documents
/// must know of).
pub fn question_names(question: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut sentence_start = true;
    for raw in question.split_whitespace() {
        let word: String = raw
            .trim_matches(|c: char| !c.is_alphanumeric())
            .split(['\'', '\u{2019}'])
            .next()
            .unwrap_or_default()
            .to_string();
        let opens = sentence_start;
        sentence_start = raw.ends_with(['.', '?', '!', ':']);
        let mut chars = word.chars();
        let Some(first) = chars.next() else { continue };
        let capitalised = first.is_uppercase() && chars.any(char::is_lowercase);
        let lower = word.to_lowercase();
        if capitalised
            && !opens
            && !WEEKDAYS.contains(&lower.as_str())
            && !MONTHS.contains(&lower.as_str())
        {
            names.push(lower);
        }
    }
    names.sort();
    names.dedup();
    names
}

/// Capitalised words that are not names of things the documents describe (with [`MONTHS`]).
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The question's names that appear in none of the candidates' sentences (a plural "s" is
/// ignored either way).
fn unsupported_names(question: &str, candidates: &[Candidate<'_>]) -> Vec<String> {
    let names = question_names(question);
    if names.is_empty() {
        return names;
    }
    let stem = |w: &str| w.strip_suffix('s').unwrap_or(w).to_string();
    let seen: std::collections::HashSet<String> = candidates
        .iter()
        .flat_map(|c| c.sentences.iter())
        .flat_map(|s| word_tokens(s))
        .map(|w| stem(&w))
        .collect();
    names
        .into_iter()
        .filter(|n| !seen.contains(&stem(n)))
        .collect()
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

/// A crude suffix strip so "refunds"/"refund" and "hosted"/"host" count as the same word in
/// coverage (paraphrases change a word's form more often than the word).
fn stem(word: &str) -> String {
    if word.chars().count() <= 4 {
        return word.to_string();
    }
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(root) = word.strip_suffix(suffix) {
            if root.chars().count() >= 3 {
                return root.to_string();
            }
        }
    }
    word.to_string()
}

/// Share of `asked` (sorted, unique content words) that appear in `sentence`.
fn coverage(asked: &[String], sentence: &str) -> f32 {
    if asked.is_empty() {
        return 0.0;
    }
    let words: Vec<String> = content_words(sentence).iter().map(|w| stem(w)).collect();
    let hits = asked.iter().filter(|w| words.contains(&stem(w))).count();
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

    fn one_passage<'a>(sentences: &'a [&'a str], vectors: &'a [Vec<f32>]) -> [Candidate<'a>; 1] {
        [Candidate {
            passage: 0,
            passage_score: 0.9,
            sentences,
            vectors,
        }]
    }

    #[test]
    fn abstains_when_the_question_names_something_no_passage_mentions() {
        let sentences = ["The Pro plan costs $14 per user per month."];
        let vectors = vec![unit(&[1.0, 0.0])];
        let candidates = one_passage(&sentences, &vectors);
        let query = unit(&[1.0, 0.0]);
        let weights = ReaderWeights::default();
        // The same passage, a perfect vector match: the known name answers, the unknown one not.
        let known = best_sentence(
            "How much does the Pro plan cost?",
            &query,
            &candidates,
            weights,
        )
        .unwrap();
        assert!(known.unsupported.is_empty());
        assert!(known.answers(-1.0));
        let premise = "How much does the Platinum plan cost?";
        let unknown = best_sentence(premise, &query, &candidates, weights).unwrap();
        assert_eq!(unknown.unsupported, vec!["platinum".to_string()]);
        assert!(
            !unknown.answers(-1.0),
            "no threshold lets a false premise through"
        );
        assert!(read(premise, &query, &candidates, -1.0, weights).is_none());
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
        let reading = best_sentence(
            "What do the Teams seats cost?",
            &unit(&[1.0, 0.0]),
            &candidates,
            ReaderWeights::default(),
        )
        .unwrap();
        assert!(reading.unsupported.is_empty(), "{:?}", reading.unsupported);
    }

    #[test]
    fn coverage_counts_other_forms_of_a_word() {
        let asked = vec!["refunds".to_string(), "hosted".to_string()];
        assert_eq!(coverage(&asked, "A refund is possible; we host data."), 1.0);
        assert_eq!(coverage(&asked, "Nothing related."), 0.0);
        assert_eq!(stem("pro"), "pro", "short words stay whole");
    }

    #[test]
    fn a_shape_mismatch_penalty_lowers_sentences_without_the_asked_value() {
        let sentences = ["Pro is our most popular plan.", "Pro costs $14 a month."];
        let vectors = vec![unit(&[1.0, 0.0]), unit(&[1.0, 0.0])];
        let candidates = one_passage(&sentences, &vectors);
        let query = unit(&[1.0, 0.0]);
        let question = "How much is Pro?";
        let plain = ReaderWeights {
            answer_shape: 0.0,
            shape_mismatch: 0.0,
            ..ReaderWeights::default()
        };
        let penalised = ReaderWeights {
            shape_mismatch: 0.2,
            ..plain
        };
        let without = best_sentence(question, &query, &candidates[..], plain).unwrap();
        let with = best_sentence(question, &query, &candidates[..], penalised).unwrap();
        assert_eq!(with.sentence, 1);
        // Only sentences lacking the value lose score; the one with a price keeps it.
        assert_eq!(with.score, without.score);
        // A question that asks for no kind of value is not penalised.
        let vague = "Tell me about Pro";
        let score = |w| best_sentence(vague, &query, &candidates[..], w).map(|r| r.score);
        assert_eq!(score(penalised), score(plain));
    }
}
