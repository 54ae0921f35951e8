//! Plain-text helpers shared by the corpus, the reader and evaluation: sentence splitting with
//! byte offsets (here), word tokens and content words (`words`), and the normalisation used to
//! decide whether an answer states a value (`value`: "$29", "29 USD" and "29 dollars" are the
//! same).

mod abbreviations;
mod value;
mod words;

pub use abbreviations::{abbreviations, long_form, with_long_forms};
pub use value::{contains_phrase, contains_tokens, normalise_value, number_word_digits};
pub use words::{content_words, is_stopword, word_count, word_tokens};

use serde::Serialize;

/// A half-open byte range `[start, end)` into some text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// Creates a span; callers guarantee `start <= end`.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The same span moved right by `by` bytes (to turn block-relative offsets absolute).
    pub fn shifted(self, by: usize) -> Self {
        Self::new(self.start + by, self.end + by)
    }

    /// The text this span covers in `text`, or "" if it does not fit (never panics).
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Abbreviations after which a full stop does not end a sentence (lowercase, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "vs", "approx", "incl", "mr", "mrs", "ms", "dr", "no", "st", "cf", "fig", "u.s",
    "a.m", "p.m", "min", "max", "dept", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
];

/// Characters that may close a sentence after its terminal punctuation.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '"' | '\'' | '\u{201d}' | '\u{2019}' | '*' | '_'
    )
}

/// Characters a new sentence may start with besides letters and digits.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '"' | '\'' | '\u{201c}' | '\u{2018}' | '*' | '_' | '$' | '`'
    )
}

/// True when `text` has nothing to read: only whitespace and invisible format characters
/// (zero-width spaces and joiners, the byte-order mark, soft hyphens, word joiners). Every
/// place that asks "is there a question?" uses this, so a question of zero-width characters
/// is empty everywhere.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
            )
    })
}

/// The longest question kept, in characters, wherever it comes from (the question box, a
/// link, a host page, saved work): the static model reads only its first few hundred tokens,
/// and a pasted book must not stall the page.
pub const MAX_QUESTION_CHARS: usize = 1_000;

/// `text` cut to [`MAX_QUESTION_CHARS`], with its length in characters when it was longer
/// (so the page can say what was cut).
pub fn cut_question(text: &str) -> (String, Option<usize>) {
    match text.char_indices().nth(MAX_QUESTION_CHARS) {
        None => (text.to_string(), None),
        Some((end, _)) => (text[..end].to_string(), Some(text.chars().count())),
    }
}

/// A count with thousands grouped for reading: 15000 -> "15,000".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Splits plain text into sentences and returns their trimmed byte spans.
///
/// A sentence ends at `.`, `!` or `?` (plus closing quotes or brackets) followed by whitespace and
/// a capital letter, digit or opening quote; a full stop after a known abbreviation or a single
/// initial does not end one. A blank line always ends a sentence. Decimal numbers, versions and
/// e-mail addresses stay whole because their dots are not followed by whitespace.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if start.is_none() {
            if !c.is_whitespace() {
                start = Some(at);
            }
            i += 1;
            continue;
        }
        if c == '\n' && blank_line_follows(&chars, i) {
            push_trimmed(text, start.take(), at, &mut spans);
            i += 1;
            continue;
        }
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && is_closer(chars[j].1) {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
            if j >= chars.len() {
                push_trimmed(text, start.take(), end, &mut spans);
                i = j;
                continue;
            }
            if chars[j].1.is_whitespace() && next_starts_sentence(&chars, j) {
                let sentence_start = start.unwrap_or(0);
                if c != '.' || !ends_with_abbreviation(&text[sentence_start..at]) {
                    push_trimmed(text, start.take(), end, &mut spans);
                    i = j;
                    continue;
                }
            }
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

/// True when the newline at `i` is followed by only whitespace and then another newline.
fn blank_line_follows(chars: &[(usize, char)], i: usize) -> bool {
    chars[i + 1..]
        .iter()
        .take_while(|(_, c)| c.is_whitespace())
        .any(|(_, c)| *c == '\n')
}

/// True when the first non-whitespace character at or after `j` can open a sentence.
fn next_starts_sentence(chars: &[(usize, char)], j: usize) -> bool {
    chars[j..]
        .iter()
        .find(|(_, c)| !c.is_whitespace())
        .is_some_and(|&(_, c)| c.is_uppercase() || c.is_ascii_digit() || is_opener(c))
}

/// True when `before` (the sentence so far, up to a full stop) ends in an abbreviation or an
/// initial such as "J". A single letter after a lowercase word ("under building B.") is a
/// label, not an initial, so its full stop ends the sentence.
fn ends_with_abbreviation(before: &str) -> bool {
    let mut words = before.rsplit(|c: char| c.is_whitespace() || c == '(');
    let last = words.next().unwrap_or("");
    let lower = last.to_lowercase();
    let single_letter = lower.chars().count() == 1 && lower.chars().all(char::is_alphabetic);
    let after_a_lowercase_word = words
        .find(|w| !w.is_empty())
        .is_some_and(|w| w.starts_with(char::is_lowercase));
    (single_letter && !after_a_lowercase_word) || ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(text: &str, start: Option<usize>, end: usize, spans: &mut Vec<Span>) {
    let Some(start) = start else { return };
    let slice = &text[start..end];
    let trimmed_end = start + slice.trim_end().len();
    if trimmed_end > start {
        spans.push(Span::new(start, trimmed_end));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn zero_width_and_whitespace_are_blank_and_a_letter_is_not() {
        assert!(super::is_blank(""));
        assert!(super::is_blank(" \t\n"));
        assert!(super::is_blank("\u{200b}\u{200c}\u{200d}\u{feff}"));
        assert!(super::is_blank("\u{00ad} \u{2060}"));
        assert!(!super::is_blank("\u{200b}a\u{200b}"));
        assert!(!super::is_blank("?"));
    }

    use super::*;

    #[test]
    fn thousands_groups_digits_by_three() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(7208), "7,208");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation_and_keeps_offsets() {
        let text = "Pro costs $12. Team costs $20! Is that all? Yes.";
        let spans = split_sentences(text);
        assert_eq!(
            sentences(text),
            ["Pro costs $12.", "Team costs $20!", "Is that all?", "Yes."]
        );
        assert_eq!(spans[1], Span::new(15, 30));
    }
    #[test]
    fn keeps_decimals_abbreviations_and_addresses_whole() {
        let text =
            "Uptime is 99.95% e.g. for API v2.1 calls. Mail help@kettlefin.example. Next one.";
        assert_eq!(
            sentences(text),
            [
                "Uptime is 99.95% e.g. for API v2.1 calls.",
                "Mail help@kettlefin.example.",
                "Next one."
            ]
        );
    }
    #[test]
    fn an_initial_after_a_name_keeps_the_sentence_but_a_letter_label_ends_it() {
        let text = "Ask John F. Kennedy. Staff park under building B. The garage opens at 6:30.";
        assert_eq!(
            sentences(text),
            [
                "Ask John F. Kennedy.",
                "Staff park under building B.",
                "The garage opens at 6:30."
            ]
        );
    }
    #[test]
    fn does_not_split_before_lowercase_and_splits_at_blank_lines() {
        let text = "It is approx. ten days. see below\n\nA new paragraph without a stop";
        assert_eq!(
            sentences(text),
            [
                "It is approx. ten days. see below",
                "A new paragraph without a stop"
            ]
        );
    }
    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let text = "It is called \"Kettle Flows.\" Rules were renamed.";
        assert_eq!(
            sentences(text),
            ["It is called \"Kettle Flows.\"", "Rules were renamed."]
        );
    }
}
