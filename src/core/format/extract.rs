//! Best-effort extraction of a typed detail from a raw document sentence, so a retrieved
//! sentence can be rendered in the house format ("both" mode). Heuristic by design: it looks
//! for the shape each type needs and returns `None` when it cannot find one.

use super::detail::check_detail;
use super::scan::{self, words_after};
use super::{AnswerParts, AnswerSource, AnswerType, DASH, WEEKDAYS};
use crate::core::text::number_word_digits;

const NEGATIONS: &[&str] = &[
    "not",
    "never",
    "no",
    "cannot",
    "can't",
    "isn't",
    "aren't",
    "don't",
    "doesn't",
    "won't",
    "non-refundable",
    "nor",
    "without",
];

/// Extracts the detail-line content for `answer_type` from `sentence`, or `None` when the
/// sentence does not contain that kind of value. A returned detail always passes
/// [`check_detail`].
pub fn extract_detail(answer_type: AnswerType, sentence: &str) -> Option<String> {
    let s = sentence.trim();
    let detail = match answer_type {
        AnswerType::Price => price(s),
        AnswerType::Limit => limit(s),
        AnswerType::Window => window(s),
        AnswerType::Percentage => percentage(s),
        AnswerType::Date => date(s),
        AnswerType::Hours => hours(s),
        AnswerType::Availability => availability(s),
        AnswerType::Policy => Some(policy(s).1),
        AnswerType::Name => name(s),
        AnswerType::Steps => steps(s),
        AnswerType::Abstain => None,
    }?;
    check_detail(answer_type, &detail).ok().map(|_| detail)
}

/// Builds answer parts from a raw sentence: the sentence (one line; a policy answer gets its
/// "Yes, "/"No, " verdict in front) plus the extracted detail and the given source.
pub fn answer_from_sentence(
    answer_type: AnswerType,
    sentence: &str,
    source: AnswerSource,
) -> Option<AnswerParts> {
    let detail = extract_detail(answer_type, sentence)?;
    let flat = scan::without_list_label(sentence)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let sentence = if answer_type == AnswerType::Policy {
        let (yes, _) = policy(&flat);
        let condition = opening_verdict(&flat).map_or(flat.as_str(), |(_, rest)| rest);
        format!(
            "{}, {}",
            if yes { "Yes" } else { "No" },
            lower_first(condition)
        )
    } else {
        flat
    };
    Some(AnswerParts {
        sentence,
        detail,
        source,
    })
}

fn is_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// Appends "per X" / "a X" / "each X" phrases (with an optional number: "per 100 GB").
fn per_phrases(words: &[&str], out: &mut Vec<String>) {
    let mut i = 0;
    while i + 1 < words.len() {
        let lead = words[i].to_lowercase();
        if !matches!(lead.as_str(), "per" | "a" | "each" | "every") {
            break;
        }
        out.push("per".into());
        out.push(words[i + 1].to_string());
        i += 2;
        if is_number(words[i - 1]) && i < words.len() {
            out.push(words[i].to_string());
            i += 1;
        }
    }
}

fn price(s: &str) -> Option<String> {
    let money = scan::find_money(s)?;
    let mut out = vec![money.slice(s).replace("$ ", "$")];
    per_phrases(&words_after(s, money.end), &mut out);
    Some(out.join(" "))
}

fn limit(s: &str) -> Option<String> {
    scan::plain_numbers(s).into_iter().find_map(|n| {
        let words = words_after(s, n.end);
        let unit = words
            .first()
            .filter(|w| w.chars().any(char::is_alphabetic))?;
        let mut out = vec![n.slice(s).to_string(), unit.to_string()];
        let mut i = 1;
        while i + 1 < words.len() && out.len() < 6 {
            if !matches!(words[i].to_lowercase().as_str(), "per" | "of" | "each") {
                break;
            }
            out.push(words[i].to_string());
            out.push(words[i + 1].to_string());
            i += 2;
        }
        Some(out.join(" "))
    })
}

fn window(s: &str) -> Option<String> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().find_map(|(i, w)| {
        let lower = w.to_lowercase();
        let number = if is_number(w) {
            w.to_string()
        } else {
            number_word_digits(&lower)?.to_string()
        };
        let unit = words[i + 1..]
            .iter()
            .take(2)
            .find(|u| scan::is_time_unit(u))?
            .to_lowercase();
        let unit = match (number.as_str(), unit.strip_suffix('s')) {
            ("1", Some(single)) => single.to_string(),
            ("1", None) => unit,
            (_, Some(_)) => unit,
            (_, None) => format!("{unit}s"),
        };
        Some(format!("{number} {unit}"))
    })
}

fn percentage(s: &str) -> Option<String> {
    let pct = scan::find_percent(s)?;
    let mut out = vec![pct.slice(s).to_string()];
    for word in words_after(s, pct.end).into_iter().take(3) {
        if crate::core::text::is_stopword(&word.to_lowercase()) {
            break;
        }
        out.push(word.to_string());
    }
    Some(out.join(" "))
}

fn date(s: &str) -> Option<String> {
    if let Some(span) = scan::find_iso_date(s) {
        return Some(span.slice(s).to_string());
    }
    let (y, m, d) = *scan::all_dates(s).first()?;
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

fn hours(s: &str) -> Option<String> {
    let range = scan::find_time_range(s)?;
    let zone = scan::find_time_zone(s)?;
    let text = range.slice(s);
    let start = scan::find_time(text)?;
    let end = scan::find_time(&text[start.end..])?.shifted(start.end);
    let times = format!("{}\u{2013}{}", start.slice(text), end.slice(text));
    let days = day_range(s);
    Some(match days {
        Some(days) => format!("{days}, {times} {zone}"),
        None => format!("{times} {zone}"),
    })
}

/// "Monday to Friday" / "Monday–Friday" -> "Monday–Friday"; a single day word as written.
fn day_range(s: &str) -> Option<String> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == '\u{2013}' || c == '-' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let is_day = |w: &str| {
        let lower = w.to_lowercase();
        WEEKDAYS
            .iter()
            .any(|d| lower == *d || lower.strip_suffix('s') == Some(d))
            || matches!(lower.as_str(), "weekdays" | "weekends")
    };
    let first = words.iter().position(|w| is_day(w))?;
    let day = |w: &str| w.trim_end_matches(|c: char| !c.is_alphabetic()).to_string();
    let next = words.get(first + 1).copied().unwrap_or("");
    let to = if matches!(next, "to" | "through" | "until") {
        words.get(first + 2).filter(|w| is_day(w))
    } else {
        words.get(first + 1).filter(|w| is_day(w))
    };
    Some(match to {
        Some(last) => format!("{}\u{2013}{}", day(words[first]), day(last)),
        None => day(words[first]),
    })
}

fn has_capital(word: &str) -> bool {
    word.chars().any(char::is_uppercase)
}

fn availability(s: &str) -> Option<String> {
    let body = s.trim_end_matches(['.', '!', '?']);
    let segments: Vec<&str> = body
        .split(", ")
        .flat_map(|seg| seg.split(" and "))
        .flat_map(|seg| seg.split(" or "))
        .collect();
    let mut items = Vec::new();
    for (index, segment) in segments.iter().enumerate() {
        let words: Vec<&str> = segment.split_whitespace().collect();
        let runs = capital_runs(&words, index == 0);
        let run = if index == 0 {
            runs.last()
        } else {
            runs.first()
        };
        if let Some(run) = run {
            items.push(run.clone());
        }
    }
    (!items.is_empty()).then(|| items.join(", "))
}

/// Runs of consecutive capitalised words (a parenthetical joins the run before it).
fn capital_runs(words: &[&str], skip_initial: bool) -> Vec<String> {
    let mut runs: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, word) in words.iter().enumerate() {
        let joins = has_capital(word) || (word.starts_with('(') && !current.is_empty());
        if joins {
            if current.is_empty() {
                start = i;
            }
            current.push(word.trim_end_matches([',', ';']));
        } else if !current.is_empty() {
            runs.push((start, std::mem::take(&mut current)));
        }
    }
    if !current.is_empty() {
        runs.push((start, current));
    }
    runs.into_iter()
        .filter(|(start, run)| !(skip_initial && *start == 0 && run.len() == 1))
        .map(|(_, run)| run.join(" "))
        .collect()
}

/// The verdict a text opens with ("Yes — ...", "No, ...", "Yes: ...") and the text after it,
/// so a verdict is never written twice ("Yes, yes — ...").
fn opening_verdict(s: &str) -> Option<(bool, &str)> {
    let (yes, rest) = if let Some(rest) = s.strip_prefix("Yes") {
        (true, rest)
    } else {
        (false, s.strip_prefix("No")?)
    };
    let condition = rest.trim_start_matches([' ', ',', ':', ';', '\u{2014}', '\u{2013}', '-']);
    (condition.len() < rest.len() && !condition.is_empty()).then_some((yes, condition))
}

/// The verdict (true = yes) and the "Yes — ..."/"No — ..." detail for a policy sentence.
fn policy(s: &str) -> (bool, String) {
    if let Some((yes, condition)) = opening_verdict(s) {
        let condition = lower_first(condition.trim_end_matches(['.', '!', '?']));
        let verdict = if yes { "Yes" } else { "No" };
        return (yes, format!("{verdict}{DASH}{condition}"));
    }
    let lower = s.to_lowercase();
    let negated = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .any(|w| NEGATIONS.contains(&w));
    let condition = lower_first(s.trim_end_matches(['.', '!', '?']));
    let verdict = if negated { "No" } else { "Yes" };
    (!negated, format!("{verdict}{DASH}{condition}"))
}

/// Lowercases the first letter unless the first word looks like a name ("Kettlefin", "SSO").
fn lower_first(s: &str) -> String {
    let first_word = s.split_whitespace().next().unwrap_or("");
    let looks_like_name =
        first_word.chars().skip(1).any(char::is_uppercase) || first_word.starts_with("Kettle");
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if !looks_like_name => c.to_lowercase().chain(chars).collect(),
        _ => s.to_string(),
    }
}

fn name(s: &str) -> Option<String> {
    for (open, close) in [('"', '"'), ('\u{201c}', '\u{201d}')] {
        if let Some(start) = s.find(open) {
            let after = &s[start + open.len_utf8()..];
            if let Some(end) = after.find(close) {
                let quoted = after[..end].trim_end_matches(['.', ',']);
                if !quoted.is_empty() {
                    return Some(quoted.to_string());
                }
            }
        }
    }
    let words: Vec<&str> = s
        .trim_end_matches(['.', '!', '?'])
        .split_whitespace()
        .collect();
    let runs = capital_runs(&words, true);
    runs.iter()
        .find(|r| r.split_whitespace().count() >= 2)
        .or(runs.first())
        .map(|r| {
            r.split_whitespace()
                .take(5)
                .collect::<Vec<_>>()
                .join(" ")
                .trim_end_matches([',', ';', ':'])
                .to_string()
        })
}

fn steps(s: &str) -> Option<String> {
    if s.starts_with("1) ") {
        return Some(s.trim_end_matches('.').to_string());
    }
    let body = s.trim_end_matches(['.', '!']);
    let mut parts: Vec<String> = vec![body.to_string()];
    for separator in [
        " > ",
        "; ",
        ", then ",
        ", and ",
        " and then ",
        ", ",
        " then ",
    ] {
        parts = parts
            .iter()
            .flat_map(|p| p.split(separator).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    let steps: Vec<String> = parts
        .iter()
        .map(|p| {
            let p = p.trim();
            let p = p.strip_prefix("then ").unwrap_or(p);
            let p = p.strip_prefix("and ").unwrap_or(p);
            upper_first(p)
        })
        .filter(|p| !p.is_empty())
        .collect();
    (steps.len() >= 2).then(|| {
        steps
            .iter()
            .enumerate()
            .map(|(i, step)| format!("{}) {step}", i + 1))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
