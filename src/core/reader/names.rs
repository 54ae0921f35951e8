//! The name gate: capitalised words in a question (a plan, a city) that the retrieved passages
//! never mention mean the question rests on something the documents do not know.

use crate::core::format::{MONTHS, WEEKDAYS};

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
