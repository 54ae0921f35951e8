//! Normalising values for matching: an answer states a value when the value's normalised
//! tokens appear in order in the answer's.

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

/// The digits a small number word stands for ("two" -> "2"); expects a lowercase word.
pub fn number_word_digits(word: &str) -> Option<&'static str> {
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, digits)| digits)
}

/// Normalises one lowercase token: numbers, clock times, number words, plurals.
fn normalise_token(token: &str) -> String {
    if let Some(digits) = number_word_digits(token) {
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
