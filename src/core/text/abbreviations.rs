//! Abbreviations a question uses and the passages spell out: "SSO" in "Does Team include
//! SSO?" and "single sign-on" in the document. Neither ranking links them (BM25 sees no shared
//! word, and the tiny model never learned the pair), so the question is searched with the long
//! form added.

use std::collections::HashMap;

use super::words::{is_stopword, word_tokens};

/// How many letters an abbreviation has: two-letter ones ("EU") match too many word pairs.
const LETTERS: std::ops::RangeInclusive<usize> = 3..=5;

/// The abbreviations in `question`: words written in 3 to 5 capital letters.
pub fn abbreviations(question: &str) -> Vec<String> {
    let mut found: Vec<String> = question
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| LETTERS.contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase()))
        .map(str::to_ascii_lowercase)
        .collect();
    found.sort();
    found.dedup();
    found
}

/// The most frequent run of words in `texts` whose initials spell `abbreviation` (lowercase;
/// hyphenated words count by their parts, "sign-on" as "sign on"; a run never starts with a
/// stopword), or `None` when no run does.
pub fn long_form<'a>(
    abbreviation: &str,
    texts: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let letters: Vec<char> = abbreviation.chars().collect();
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for text in texts {
        let tokens = word_tokens(text);
        let parts: Vec<&str> = tokens
            .iter()
            .flat_map(|t| t.split('-'))
            .filter(|p| !p.is_empty())
            .collect();
        for run in parts.windows(letters.len()) {
            let spelled = run
                .iter()
                .zip(&letters)
                .all(|(part, letter)| part.starts_with(*letter));
            if spelled
                && !is_stopword(run[0])
                && !run.iter().any(|p| p.chars().any(|c| c.is_ascii_digit()))
            {
                let order = counts.len();
                counts.entry(run.join(" ")).or_insert((0, order)).0 += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(phrase, _)| phrase)
}

/// `question` with the long form of each of its abbreviations appended ("Does Team include
/// SSO? (single sign on)"), or `None` when it has none: `long_form_of` gives an abbreviation's
/// long form (usually [`long_form`] over the passages, cached).
pub fn with_long_forms(
    question: &str,
    mut long_form_of: impl FnMut(&str) -> Option<String>,
) -> Option<String> {
    let forms: Vec<String> = abbreviations(question)
        .iter()
        .filter_map(|a| long_form_of(a))
        .collect();
    (!forms.is_empty()).then(|| format!("{question} ({})", forms.join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCS: [&str; 3] = [
        "Single sign-on with SAML is available on Team. Set up single sign-on in Settings.",
        "Our service level agreement promises 99.9%. See the service level agreement.",
        "Support staff on duty answer quickly.",
    ];

    #[test]
    fn an_abbreviation_finds_its_most_used_long_form() {
        assert_eq!(long_form("sso", DOCS).as_deref(), Some("single sign on"));
        assert_eq!(
            long_form("sla", DOCS).as_deref(),
            Some("service level agreement")
        );
        assert_eq!(long_form("dpa", DOCS), None);
    }

    #[test]
    fn only_capitalised_words_of_three_to_five_letters_are_abbreviations() {
        assert_eq!(
            abbreviations("Does Team include SSO or an SLA? EU? Kettlefin?"),
            ["sla", "sso"]
        );
        assert_eq!(
            with_long_forms("Does Team include SSO?", |a| long_form(a, DOCS)).as_deref(),
            Some("Does Team include SSO? (single sign on)")
        );
        assert_eq!(
            with_long_forms("What is the price?", |a| long_form(a, DOCS)),
            None
        );
    }
}
