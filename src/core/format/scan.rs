//! Small hand-written scanners for the values the house format talks about: money, numbers,
//! percentages, ISO and long-form dates, clock-time ranges, time zones and time units.
//! They return byte ranges so callers can both test for a shape and cut the value out.

use crate::core::text::Span;

/// Time zones the style guide allows on an `Hours:` line.
pub const TIME_ZONES: &[&str] = &[
    "UTC", "GMT", "CET", "CEST", "ET", "PT", "EST", "PST", "AEST", "SGT",
];

/// Words that name a unit of time (singular and plural).
pub const TIME_UNITS: &[&str] = &[
    "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
    "year", "years",
];

/// Month names, lowercase, January first.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, lowercase, Monday first.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Number of bytes of ASCII digits at the start of `s`.
fn digits_len(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// Length of a number at the start of `s`: digits with inner `,` or `.` between digits.
fn number_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = digits_len(s);
    if i == 0 {
        return 0;
    }
    while i + 1 < bytes.len() && matches!(bytes[i], b',' | b'.') && bytes[i + 1].is_ascii_digit() {
        i += 1 + digits_len(&s[i + 1..]);
    }
    i
}

/// The first money amount written `$N` (optionally `US$N`, `$ N`), as a span of `$N`.
pub fn find_money(text: &str) -> Option<Span> {
    text.match_indices('$').find_map(|(at, _)| {
        let after = &text[at + 1..];
        let gap = after.len() - after.trim_start_matches(' ').len();
        let len = number_len(&after[gap..]);
        (len > 0 && gap <= 1).then(|| Span::new(at, at + 1 + gap + len))
    })
}

/// Every plain number (not part of a word, money, a percentage, a time or a date), in order.
pub fn plain_numbers(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let boundary = text.is_char_boundary(i)
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'$'));
        let len = if boundary { number_len(&text[i..]) } else { 0 };
        if len == 0 {
            i += 1;
            continue;
        }
        let end = i + len;
        let next = bytes.get(end).copied();
        let glued = matches!(next, Some(b'%' | b':'))
            || (next == Some(b'-') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit))
            || next.is_some_and(|b| b.is_ascii_alphabetic())
            || (i > 0 && matches!(bytes[i - 1], b'-' | b':' | b'.'));
        let spaced_dollar = i >= 2 && text.get(i - 2..i) == Some("$ ");
        if !glued && !spaced_dollar {
            spans.push(Span::new(i, end));
        }
        i = end;
    }
    spans
}

/// The first percentage `N%` or `N.N%`.
pub fn find_percent(text: &str) -> Option<Span> {
    text.match_indices('%').find_map(|(at, _)| {
        let before = &text[..at];
        let start = before
            .rfind(|c: char| !(c.is_ascii_digit() || c == '.'))
            .map_or(0, |p| p + 1);
        let number = &text[start..at];
        (!number.is_empty() && number.starts_with(|c: char| c.is_ascii_digit()))
            .then(|| Span::new(start, at + 1))
    })
}

/// The first ISO date `YYYY-MM-DD` with a plausible month and day.
pub fn find_iso_date(text: &str) -> Option<Span> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let candidate = text.get(i..i + 10)?;
        let boundary_before = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let boundary_after = bytes.get(i + 10).is_none_or(|b| !b.is_ascii_alphanumeric());
        (boundary_before && boundary_after && parse_iso_date(candidate).is_some())
            .then(|| Span::new(i, i + 10))
    })
}

/// `(year, month, day)` of an ISO date string, if it is one.
pub fn parse_iso_date(s: &str) -> Option<(u32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year: u32 = s[0..4].parse().ok()?;
    let month: u32 = s[5..7].parse().ok()?;
    let day: u32 = s[8..10].parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((year, month, day))
}

/// Every date in `text` as `(year, month, day)`: ISO dates and long forms such as
/// "30 September 2025" or "September 30, 2025".
pub fn all_dates(text: &str) -> Vec<(u32, u32, u32)> {
    let mut dates = Vec::new();
    let mut rest = text;
    while let Some(span) = find_iso_date(rest) {
        dates.extend(parse_iso_date(span.slice(rest)));
        rest = &rest[span.end..];
    }
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches(['.', ')', ';']).to_lowercase())
        .collect();
    for (i, word) in words.iter().enumerate() {
        let Some(month) = MONTHS.iter().position(|m| m == word) else {
            continue;
        };
        let month = month as u32 + 1;
        let num = |w: Option<&String>| w.and_then(|w| w.parse::<u32>().ok());
        let year_after = |k: usize| num(words.get(k)).filter(|y| *y >= 1000);
        if let (Some(day), Some(year)) = (num(words.get(i + 1)), year_after(i + 2)) {
            dates.push((year, month, day));
        } else if let (Some(day), Some(year)) = (
            i.checked_sub(1).and_then(|p| num(words.get(p))),
            year_after(i + 1),
        ) {
            dates.push((year, month, day));
        }
    }
    dates
}

/// The first clock time `H:MM` or `HH:MM`.
pub fn find_time(text: &str) -> Option<Span> {
    let bytes = text.as_bytes();
    (0..bytes.len()).find_map(|i| {
        if !text.is_char_boundary(i) || (i > 0 && bytes[i - 1].is_ascii_digit()) {
            return None;
        }
        let hours = digits_len(&text[i..]);
        let colon = i + hours;
        let ok = (1..=2).contains(&hours)
            && bytes.get(colon) == Some(&b':')
            && digits_len(text.get(colon + 1..)?) == 2;
        ok.then(|| Span::new(i, colon + 3))
    })
}

/// The first clock-time range such as `08:00–20:00`, `8:00 - 20:00` or `8:00 to 20:00`.
pub fn find_time_range(text: &str) -> Option<Span> {
    let mut offset = 0;
    while let Some(first) = find_time(&text[offset..]).map(|s| s.shifted(offset)) {
        let after = &text[first.end..];
        let trimmed = after.trim_start();
        let joiner = ["\u{2013}", "\u{2014}", "-", "to "]
            .iter()
            .find(|j| trimmed.starts_with(**j));
        if let Some(joiner) = joiner {
            let rest_at = first.end + (after.len() - trimmed.len()) + joiner.len();
            let rest = &text[rest_at..];
            let gap = rest.len() - rest.trim_start().len();
            if let Some(second) = find_time(&rest[gap..]).filter(|s| s.start == 0) {
                return Some(Span::new(first.start, rest_at + gap + second.end));
            }
        }
        offset = first.end;
    }
    None
}

/// The first allowed time-zone word.
pub fn find_time_zone(text: &str) -> Option<&'static str> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .find_map(|w| TIME_ZONES.iter().find(|z| **z == w).copied())
}

/// True for a word naming a unit of time (case-insensitive).
pub fn is_time_unit(word: &str) -> bool {
    TIME_UNITS.contains(&word.to_lowercase().as_str())
}

/// The words right after byte `at` (split on whitespace, surrounding punctuation trimmed),
/// stopping at a word that ends a clause (followed by `,`, `;`, `.` or `)`).
pub fn words_after(text: &str, at: usize) -> Vec<&str> {
    let mut words = Vec::new();
    for raw in text.get(at..).unwrap_or("").split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '%' && c != '$');
        if !word.is_empty() {
            words.push(word);
        }
        if raw.ends_with([',', ';', '.', ')', ':']) {
            break;
        }
    }
    words
}

/// `sentence` without a leading list label that the sentence itself repeats
/// ("Pro: The Pro plan costs $14 per user per month." -> "The Pro plan costs ..."), as a
/// definition list in a document writes it; any other sentence unchanged.
pub fn without_list_label(sentence: &str) -> &str {
    let Some((label, rest)) = sentence.split_once(": ") else {
        return sentence;
    };
    let short = !label.is_empty() && label.split_whitespace().count() <= 3;
    let plain = label
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
    let opens_a_sentence = rest.starts_with(|c: char| c.is_uppercase());
    let repeats = rest.to_lowercase().contains(&label.to_lowercase());
    if short && plain && opens_a_sentence && repeats {
        rest
    } else {
        sentence
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_money_and_plain_numbers() {
        let text = "Pro costs $14 per user, 120 requests, 99.9% uptime, 2025-09-30 at 08:00.";
        assert_eq!(find_money(text).map(|s| s.slice(text)), Some("$14"));
        let numbers: Vec<&str> = plain_numbers(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(numbers, ["120"]);
        assert_eq!(find_percent(text).map(|s| s.slice(text)), Some("99.9%"));
        assert_eq!(
            find_iso_date(text).map(|s| s.slice(text)),
            Some("2025-09-30")
        );
    }

    #[test]
    fn finds_long_dates_and_time_ranges() {
        assert_eq!(
            all_dates("until 30 September 2025 or September 30, 2025"),
            [(2025, 9, 30), (2025, 9, 30)]
        );
        let text = "Monday to Friday, 8:00 \u{2013} 20:00 CET";
        assert_eq!(
            find_time_range(text).map(|s| s.slice(text)),
            Some("8:00 \u{2013} 20:00")
        );
        assert_eq!(find_time_zone(text), Some("CET"));
        assert!(find_time_range("at 8:00 only").is_none());
    }

    #[test]
    fn words_after_stop_at_clause_end() {
        let text = "costs $4 per 100 GB per month, billed yearly";
        let at = find_money(text).unwrap().end;
        assert_eq!(words_after(text, at), ["per", "100", "GB", "per", "month"]);
    }

    #[test]
    fn a_list_label_the_sentence_repeats_is_dropped() {
        assert_eq!(
            without_list_label("Pro: The Pro plan costs $14 per user per month."),
            "The Pro plan costs $14 per user per month."
        );
        // Kept: a label the sentence does not repeat, a lower-case rest, a time, a long label.
        for kept in [
            "Note: Refunds take 30 days.",
            "Team: costs $24 per user.",
            "Support opens at 08:00: Monday to Friday.",
            "Our plans for this whole year: Pro stays at $14.",
            "No label here.",
        ] {
            assert_eq!(without_list_label(kept), kept);
        }
    }
}
