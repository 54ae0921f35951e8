//! Plain-text helpers shared by the corpus, the reader and evaluation: sentence splitting with
//! byte offsets, word tokens, content words (stopword removal) and the normalisation used to
//! decide whether an answer states a value ("$29", "29 USD" and "29 dollars" are the same).

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
/// initial such as "J".
fn ends_with_abbreviation(before: &str) -> bool {
    let last = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let lower = last.to_lowercase();
    let single_initial = lower.chars().count() == 1 && lower.chars().all(char::is_alphabetic);
    single_initial || ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(text: &str, start: Option<usize>, end: usize, spans: &mut Vec<Span>) {
    let Some(start) = start else { return };
    let slice = &text[start..end];
    let trimmed_end = start + slice.trim_end().len();
    if trimmed_end > start {
        spans.push(Span::new(start, trimmed_end));
    }
}

/// Lowercase word tokens: maximal runs of letters and digits, keeping inner apostrophes,
/// dots and commas between digits ("99.9", "10,000") and inner hyphens ("sign-in").
pub fn word_tokens(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        if c.is_alphanumeric() || (!current.is_empty() && joins_token(prev, c, next)) {
            // Most text is ASCII: lowercase it without the Unicode tables.
            if c.is_ascii() {
                current.push(c.to_ascii_lowercase());
            } else {
                current.extend(c.to_lowercase());
            }
        } else if !current.is_empty() {
            tokens.push(std::mem::take(&mut current));
        }
        prev = Some(c);
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
}

/// Number of word tokens in `text` (the length of [`word_tokens`], counted without building
/// them: the chunker counts every sentence of every document).
pub fn word_count(text: &str) -> usize {
    let mut count = 0;
    let mut in_token = false;
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        if c.is_alphanumeric() {
            count += usize::from(!in_token);
            in_token = true;
        } else if !(in_token && joins_token(prev, c, next)) {
            in_token = false;
        }
        prev = Some(c);
    }
    count
}

/// True when `c` between `prev` and `next` joins a token: "." and "," between digits, and
/// "'", "\u{2019}" and "-" between letters or digits.
fn joins_token(prev: Option<char>, c: char, next: Option<char>) -> bool {
    match c {
        '.' | ',' => {
            prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit())
        }
        '\'' | '\u{2019}' | '-' => {
            prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric)
        }
        _ => false,
    }
}

/// English function words that carry no topic (a compact list; questions and docs only).
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "being", "both", "but", "by", "can", "could", "did", "do", "does", "doing",
    "down", "during", "each", "either", "else", "ever", "for", "from", "get", "gets", "got", "had",
    "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "i'd", "i'm",
    "if", "in", "into", "is", "it", "it's", "its", "just", "let", "me", "might", "more", "most",
    "much", "must", "my", "myself", "of", "off", "on", "once", "only", "or", "other", "our",
    "ours", "out", "over", "own", "really", "same", "shall", "she", "should", "so", "some", "such",
    "than", "that", "that's", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "until", "up", "us", "very", "was", "we", "we're",
    "were", "what", "what's", "when", "where", "which", "while", "who", "whom", "why", "will",
    "with", "would", "you", "you're", "your", "yours", "yourself",
];

/// True for an English function word (expects a lowercase token).
pub fn is_stopword(token: &str) -> bool {
    // Most content words are longer than any stopword: skip the search for them.
    token.len() <= LONGEST_STOPWORD && STOPWORDS.binary_search(&token).is_ok()
}

/// Bytes in the longest entry of the stopword list.
const LONGEST_STOPWORD: usize = 8;

/// The lowercase word tokens of `text` that are not stopwords, in order.
pub fn content_words(text: &str) -> Vec<String> {
    word_tokens(text)
        .into_iter()
        .filter(|t| !is_stopword(t))
        .collect()
}

/// Small number words mapped to digits so "two weeks" and "2 weeks" normalise alike.
const NUMBER_WORDS: &[(&str, &str)] = &[
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("fifteen", "15"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("sixty", "60"),
    ("ninety", "90"),
];

/// Normalises text for value matching and returns its tokens.
///
/// Lowercases; treats dashes, slashes and most punctuation as spaces; drops thousands separators
/// and zero cents ("$1,000.00" -> "$1000"); writes money as "$N" whatever the spelling ("29 USD",
/// "29 dollars", "US$29", "$ 29"); maps small number words to digits; drops a leading zero of a
/// clock time ("08:00" -> "8:00"); singularises plain plural words ("days" -> "day"). Both the
/// answer and the accepted forms go through the same function, so matching is symmetric.
pub fn normalise_value(text: &str) -> Vec<String> {
    let mut raw: Vec<String> = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let digit_joiner = matches!(c, '.' | ',' | ':')
            && prev.is_some_and(|p| p.is_ascii_digit())
            && next.is_some_and(|n| n.is_ascii_digit());
        let apostrophe = matches!(c, '\'' | '\u{2019}')
            && prev.is_some_and(char::is_alphanumeric)
            && next.is_some_and(char::is_alphanumeric);
        if c.is_alphanumeric() || c == '%' || digit_joiner {
            current.extend(c.to_lowercase());
        } else if apostrophe {
            continue;
        } else {
            if !current.is_empty() {
                raw.push(std::mem::take(&mut current));
            }
            if c == '$' {
                raw.push("$".to_string());
            }
        }
    }
    if !current.is_empty() {
        raw.push(current);
    }
    merge_money(raw.into_iter().map(|t| normalise_token(&t)).collect())
}

/// Normalises one lowercase token: numbers, clock times, number words, plurals.
fn normalise_token(token: &str) -> String {
    if let Some(&(_, digits)) = NUMBER_WORDS.iter().find(|(w, _)| *w == token) {
        return digits.to_string();
    }
    if token.starts_with(|c: char| c.is_ascii_digit()) {
        return normalise_number(token);
    }
    if token == "us" {
        return token.to_string();
    }
    singular(token)
}

/// "1,000" -> "1000", "29.00" -> "29", "08:00" -> "8:00", "99.90%" stays as written otherwise.
fn normalise_number(token: &str) -> String {
    if token.contains(':') {
        let trimmed = token.trim_start_matches('0');
        return if trimmed.starts_with(':') || trimmed.is_empty() {
            format!("0{trimmed}")
        } else {
            trimmed.to_string()
        };
    }
    let mut number = token.replace(',', "");
    if let Some(stripped) = number.strip_suffix(".00") {
        number = stripped.to_string();
    }
    if let Some(stripped) = number.strip_suffix(".00%") {
        number = format!("{stripped}%");
    }
    number
}

/// Drops a plain plural "s" from words longer than three letters ("days" -> "day"), leaving
/// "ss" endings ("access") and short words alone.
fn singular(token: &str) -> String {
    let is_plain_plural = token.len() > 3
        && token.ends_with('s')
        && !token.ends_with("ss")
        && !token.ends_with("us")
        && !token.ends_with("is");
    if is_plain_plural {
        token[..token.len() - 1].to_string()
    } else {
        token.to_string()
    }
}

/// Rewrites money in a normalised token list: "$ 29", "us $ 29", "29 usd", "29 dollar" -> "$29".
fn merge_money(tokens: Vec<String>) -> Vec<String> {
    let is_number = |t: &str| t.starts_with(|c: char| c.is_ascii_digit()) && !t.contains(':');
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        if token == "us" && tokens.get(i + 1).is_some_and(|t| t == "$") {
            i += 1;
            continue;
        }
        if token == "$" {
            if let Some(next) = tokens.get(i + 1).filter(|t| is_number(t)) {
                out.push(format!("${next}"));
                i += 2;
                continue;
            }
            i += 1;
            continue;
        }
        if is_number(token)
            && tokens
                .get(i + 1)
                .is_some_and(|t| t == "usd" || t == "dollar")
        {
            out.push(format!("${token}"));
            i += 2;
            continue;
        }
        out.push(token.clone());
        i += 1;
    }
    out
}

/// True when `needle` occurs as a contiguous run inside `haystack` (both normalised tokens).
/// An empty needle never matches, so an empty accepted form cannot make every answer correct.
pub fn contains_tokens(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty()
        && needle.len() <= haystack.len()
        && haystack.windows(needle.len()).any(|w| w == needle)
}

/// True when the normalised `text` contains the normalised `phrase` as a contiguous run.
pub fn contains_phrase(text: &str, phrase: &str) -> bool {
    contains_tokens(&normalise_value(text), &normalise_value(phrase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn stopword_list_is_sorted_for_binary_search() {
        let mut sorted = STOPWORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOPWORDS);
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

    #[test]
    fn no_stopword_is_longer_than_the_shortcut_allows() {
        let longest = STOPWORDS.iter().map(|w| w.len()).max();
        assert_eq!(longest, Some(LONGEST_STOPWORD));
    }

    #[test]
    fn word_count_is_the_number_of_word_tokens() {
        for text in [
            "",
            "  ",
            "Plans from $14.99 per user, 10,000 seats; sign-in isn't hard.",
            "a-b- -c 'x' 1.2.3 ,5, 9,9 end.",
            "\u{2019}tis o\u{2019}clock \u{e9}t\u{e9} \u{4e2d}\u{6587} \u{1f600}x",
            "x-",
            "-",
        ] {
            assert_eq!(word_count(text), word_tokens(text).len(), "{text:?}");
        }
    }

    #[test]
    fn word_tokens_keep_numbers_and_inner_joiners() {
        assert_eq!(
            word_tokens("Sign-in costs $1,000.50 (99.9%), isn't it?"),
            ["sign-in", "costs", "1,000.50", "99.9", "isn't", "it"]
        );
        assert_eq!(content_words("How much is the Pro plan?"), ["pro", "plan"]);
    }

    #[test]
    fn money_spellings_normalise_alike() {
        let forms = [
            "$29",
            "29 USD",
            "29 dollars",
            "US$29",
            "$ 29.00",
            "29 Dollars",
        ];
        for form in forms {
            assert_eq!(normalise_value(form), ["$29"], "{form}");
        }
        assert!(contains_phrase("It's 29 dollars a month.", "$29"));
        assert!(!contains_phrase("It's $290 a month.", "$29"));
    }

    #[test]
    fn units_numbers_and_times_normalise() {
        assert_eq!(normalise_value("30-day window"), ["30", "day", "window"]);
        assert_eq!(normalise_value("thirty days"), ["30", "day"]);
        assert_eq!(normalise_value("10,000 requests"), ["10000", "request"]);
        assert_eq!(normalise_value("08:00-18:00 CET"), ["8:00", "18:00", "cet"]);
        assert!(contains_phrase("Open 8:00 to 18:00", "08:00"));
        assert!(!contains_phrase("anything", ""));
    }
}
