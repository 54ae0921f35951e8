//! Word matching between a question and a sentence: content words compared by a crude stem,
//! and, with a model, by the cosine of their embeddings (synonyms the stem cannot see).

use crate::core::embed::Embedder;
use crate::core::format::{extract_detail, AnswerType};
use crate::core::text::{is_stopword, word_tokens};

use super::names::question_names;
use super::shape::ASKABLE;

/// A crude suffix strip so "refunds"/"refund" and "hosted"/"host" count as the same word in
/// coverage (paraphrases change a word's form more often than the word).
pub(crate) fn stem(word: &str) -> String {
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

/// Time units named by `tokens`, singular ("daily" -> "day", "annual" -> "year"), sorted.
pub(super) fn time_units(tokens: &[String]) -> Vec<&'static str> {
    const UNITS: &[(&str, &str)] = &[
        ("second", "second"),
        ("minute", "minute"),
        ("hour", "hour"),
        ("hourly", "hour"),
        ("day", "day"),
        ("daily", "day"),
        ("week", "week"),
        ("weekly", "week"),
        ("month", "month"),
        ("monthly", "month"),
        ("year", "year"),
        ("yearly", "year"),
        ("annual", "year"),
        ("annually", "year"),
    ];
    let mut units: Vec<&'static str> = tokens
        .iter()
        .filter_map(|t| {
            let one = t.strip_suffix('s').unwrap_or(t);
            UNITS.iter().find(|(w, _)| *w == one).map(|(_, u)| *u)
        })
        .collect();
    units.sort_unstable();
    units.dedup();
    units
}

/// What the reader needs to know about one sentence that does not depend on the question:
/// measured once per workbench (the first time the reader reads the sentence's passage, see
/// `Workbench::sentence_words`), so scoring a question's candidates only compares.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SentenceWords {
    /// Stems of its content words.
    pub(super) stems: Vec<String>,
    /// Its words, each without a plural "s" (to find the question's names).
    pub(super) plain: Vec<String>,
    /// The time units it gives.
    pub(super) units: Vec<&'static str>,
    /// Its names (capitalised words inside it), without a plural "s".
    pub(super) names: Vec<String>,
    /// Bit `i` set when it holds a value of kind `ASKABLE[i]` (the kinds a question can ask).
    pub(super) kinds: u16,
    /// True when it holds a digit.
    pub(super) digit: bool,
    /// Stems of its context's content words (the document title), which a reader sees
    /// beside the sentence: "Refunds" in the title covers "refund" in the question.
    pub(super) context: Vec<String>,
    /// The initials of every run of two to five words in the sentence or its context
    /// ("single sign-on" -> "sso"), so an abbreviation in a question finds its long form.
    pub(super) initials: Vec<String>,
    /// The embeddings of its distinct content words, for soft matching (empty when measured
    /// without a model, see [`Self::with_vectors`]).
    pub(super) vectors: Vec<WordVector>,
}

impl SentenceWords {
    /// Measures `text`.
    pub fn of(text: &str) -> Self {
        Self::measure(text, None)
    }

    /// [`Self::of`] plus the embeddings of its distinct content words, so that a question's
    /// word can match a synonym here ("cost" and "price") by cosine, not only by spelling.
    pub fn with_vectors(text: &str, embedder: &Embedder) -> Self {
        Self::measure(text, Some(embedder))
    }

    fn measure(text: &str, embedder: Option<&Embedder>) -> Self {
        let tokens = word_tokens(text);
        let plain = tokens
            .iter()
            .map(|w| w.strip_suffix('s').unwrap_or(w).to_string())
            .collect();
        let stems = tokens
            .iter()
            .filter(|t| !is_stopword(t))
            .map(|w| stem(w))
            .collect();
        let names = question_names(text)
            .into_iter()
            .map(|n| n.strip_suffix('s').map(str::to_string).unwrap_or(n))
            .collect();
        let kinds = ASKABLE
            .iter()
            .enumerate()
            .filter(|(_, &kind)| extract_detail(kind, text).is_some())
            .fold(0u16, |bits, (i, _)| bits | 1 << i);
        Self {
            initials: initials_of(&tokens),
            stems,
            plain,
            units: time_units(&tokens),
            names,
            kinds,
            digit: text.chars().any(|c| c.is_ascii_digit()),
            context: Vec::new(),
            vectors: embedder.map_or_else(Vec::new, |model| {
                distinct_content_words(&tokens)
                    .iter()
                    .map(|w| WordVector::of(w, model))
                    .collect()
            }),
        }
    }

    /// [`Self::of`] for each of `texts`, or [`Self::with_vectors`] when given a model.
    pub fn of_all(texts: &[&str], embedder: Option<&Embedder>) -> Vec<Self> {
        texts
            .iter()
            .map(|t| match embedder {
                Some(model) => Self::with_vectors(t, model),
                None => Self::of(t),
            })
            .collect()
    }

    /// The same sentence read under `title` (its document's): the title's content words and
    /// abbreviations count as the sentence's context.
    pub fn in_context(mut self, title: &str) -> Self {
        let tokens = word_tokens(title);
        self.context = tokens
            .iter()
            .filter(|t| !is_stopword(t))
            .map(|w| stem(w))
            .collect();
        self.initials.extend(initials_of(&tokens));
        self.initials.sort();
        self.initials.dedup();
        self
    }

    /// True when a question's word (stemmed) is in the sentence, in its context, or is an
    /// abbreviation of words in either.
    pub(super) fn covers(&self, stem: &str) -> bool {
        self.stems.iter().any(|s| s == stem)
            || self.context.iter().any(|s| s == stem)
            || (ABBREVIATION_LETTERS.contains(&stem.len())
                && self.initials.iter().any(|i| i == stem))
    }

    /// True when it holds a value of `kind` (a price, a date, ...).
    pub(super) fn holds(&self, kind: AnswerType) -> bool {
        ASKABLE
            .iter()
            .position(|&k| k == kind)
            .is_some_and(|i| self.kinds & (1 << i) != 0)
    }
}

/// How many letters an abbreviation matched by [`initials_of`] may have.
const ABBREVIATION_LETTERS: std::ops::RangeInclusive<usize> = 2..=5;

/// The initials of every run of two to five consecutive words of `tokens`, hyphenated words
/// counting as several ("sign-on": "s", "o"); runs that start on a stopword are left out, as
/// abbreviations rarely do ("the API" is not "ta").
pub(super) fn initials_of(tokens: &[String]) -> Vec<String> {
    let parts: Vec<&str> = tokens
        .iter()
        .flat_map(|t| t.split('-'))
        .filter(|p| !p.is_empty())
        .collect();
    let mut found = Vec::new();
    for start in 0..parts.len() {
        if is_stopword(parts[start]) {
            continue;
        }
        let mut letters = String::new();
        for part in &parts[start..parts.len().min(start + *ABBREVIATION_LETTERS.end())] {
            letters.extend(part.chars().next());
            if ABBREVIATION_LETTERS.contains(&letters.chars().count()) {
                found.push(letters.clone());
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// The content words (not stopwords) among a text's `tokens`, each once, in the form whose
/// embedding stands for the word in soft matching.
pub(super) fn distinct_content_words(tokens: &[String]) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in tokens.iter().filter(|t| !is_stopword(t)) {
        let one = embedding_form(word);
        if !words.iter().any(|w| w == one) {
            words.push(one.to_string());
        }
    }
    words
}

/// A word's embedding as signed bytes (scaled so the largest component is 127) with the
/// reciprocal of their norm. Soft matching compares every question word with every word of
/// every candidate sentence; bytes take a quarter of the memory and an integer dot product
/// vectorises. The cosine moves by about 0.01 at most, far below what the reader can tell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordVector {
    codes: Vec<i8>,
    inverse_norm: f32,
}

impl WordVector {
    /// The embedding of `word` under `embedder`, in bytes.
    pub fn of(word: &str, embedder: &Embedder) -> Self {
        let vector = embedder.embed(word);
        let top = vector.iter().fold(0.0f32, |m, x| m.max(x.abs()));
        let scale = if top > 0.0 { 127.0 / top } else { 0.0 };
        let codes: Vec<i8> = vector.iter().map(|x| (x * scale).round() as i8).collect();
        let norm = (integer_dot(&codes, &codes) as f32).sqrt();
        Self {
            codes,
            inverse_norm: if norm > 0.0 { 1.0 / norm } else { 0.0 },
        }
    }

    /// Cosine similarity with `other` (0 when either is the zero vector).
    pub fn cosine(&self, other: &Self) -> f32 {
        integer_dot(&self.codes, &other.codes) as f32 * self.inverse_norm * other.inverse_norm
    }
}

fn integer_dot(a: &[i8], b: &[i8]) -> i32 {
    a.iter()
        .zip(b)
        .map(|(&x, &y)| i32::from(x) * i32::from(y))
        .sum()
}

/// The form of `word` whose embedding stands for it in soft matching: without a plural "s"
/// ("seats" -> "seat"; "gas" stays).
pub(super) fn embedding_form(word: &str) -> &str {
    word.strip_suffix('s')
        .filter(|w| w.len() > 2)
        .unwrap_or(word)
}

/// How closely `sentence` covers the question word `word`: its best cosine with one of the
/// sentence's content words, never below 0.
pub(super) fn soft_match(word: &WordVector, sentence: &SentenceWords) -> f32 {
    sentence
        .vectors
        .iter()
        .map(|v| word.cosine(v))
        .fold(0.0, f32::max)
}

#[cfg(test)]
mod tests {
    use super::{distinct_content_words, soft_match, stem, SentenceWords, WordVector};
    use crate::core::embed::native::load_shipped;
    use crate::core::text::word_tokens;

    #[test]
    fn stems_strip_common_suffixes_of_longer_words() {
        assert_eq!(stem("refunds"), "refund");
        assert_eq!(stem("hosted"), "host");
        assert_eq!(stem("pro"), "pro", "short words stay whole");
    }

    #[test]
    fn content_words_are_listed_once_without_a_plural() {
        assert_eq!(
            distinct_content_words(&word_tokens("Seats cost more; a seat costs $4.")),
            vec!["seat", "cost", "4"]
        );
        assert!(distinct_content_words(&word_tokens("")).is_empty());
    }

    #[test]
    fn soft_matching_finds_a_synonym_the_stem_misses() {
        let model = load_shipped().expect("shipped model");
        let price = WordVector::of("price", &model);
        let exact = crate::core::embed::cosine(&model.embed("price"), &model.embed("cost"));
        let bytes = price.cosine(&WordVector::of("cost", &model));
        assert!(
            (exact - bytes).abs() < 0.01,
            "bytes {bytes} vs floats {exact}"
        );
        let costs = SentenceWords::with_vectors("The Pro plan costs $14 per user.", &model);
        let trash = SentenceWords::with_vectors("Deleted items stay in the bin.", &model);
        let near = soft_match(&price, &costs);
        let far = soft_match(&price, &trash);
        assert!(near > far + 0.2, "cost {near} vs bin {far}");
        let unmeasured = SentenceWords::of("The Pro plan costs $14 per user.");
        assert_eq!(soft_match(&price, &unmeasured), 0.0, "no vectors, no match");
    }
}
