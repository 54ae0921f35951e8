//! Word tokens, word counts and content words (stopwords removed).

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopword_list_is_sorted_for_binary_search() {
        let mut sorted = STOPWORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOPWORDS);
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
}
