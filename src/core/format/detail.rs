//! The per-type rules for the detail line, and the "key value" each type must repeat in the
//! answer sentence.

use super::scan;
use super::{AnswerType, DASH};
use crate::core::text::{contains_phrase, normalise_value};

/// Checks a detail line's content (without its label) against its type's shape.
/// The error says what is missing, in the style guide's words.
pub fn check_detail(answer_type: AnswerType, detail: &str) -> Result<(), String> {
    let detail = detail.trim();
    if detail.is_empty() {
        return Err("the detail is empty".into());
    }
    match answer_type {
        AnswerType::Price => scan::find_money(detail)
            .map(|_| ())
            .ok_or_else(|| "a price needs an amount written like $14".into()),
        AnswerType::Limit => {
            let has_unit = scan::plain_numbers(detail).iter().any(|n| {
                scan::words_after(detail, n.end)
                    .first()
                    .is_some_and(|w| w.chars().any(char::is_alphabetic))
            });
            if has_unit {
                Ok(())
            } else {
                Err("a limit needs a number followed by its unit, like 120 requests".into())
            }
        }
        AnswerType::Window => {
            let has_period = scan::plain_numbers(detail).iter().any(|n| {
                scan::words_after(detail, n.end)
                    .iter()
                    .take(2)
                    .any(|w| scan::is_time_unit(w))
            });
            if has_period {
                Ok(())
            } else {
                Err("a window needs a number and a time unit, like 30 days".into())
            }
        }
        AnswerType::Percentage => scan::find_percent(detail)
            .map(|_| ())
            .ok_or_else(|| "a percentage needs a figure written like 99.9%".into()),
        AnswerType::Date => scan::find_iso_date(detail)
            .map(|_| ())
            .ok_or_else(|| "a date must be written YYYY-MM-DD".into()),
        AnswerType::Hours => match (scan::find_time_range(detail), scan::find_time_zone(detail)) {
            (Some(_), Some(_)) => Ok(()),
            (None, _) => Err("hours need a time range like 08:00\u{2013}20:00".into()),
            (Some(_), None) => Err(format!(
                "hours need a time zone (one of {})",
                scan::TIME_ZONES.join(", ")
            )),
        },
        AnswerType::Availability => check_list(detail),
        AnswerType::Policy => check_policy(detail),
        AnswerType::Name => check_name(detail),
        AnswerType::Steps => parse_steps(detail).map(|_| ()),
        AnswerType::Abstain => Ok(()),
    }
}

fn check_list(detail: &str) -> Result<(), String> {
    if detail.ends_with('.') {
        return Err("an availability list has no full stop".into());
    }
    let items: Vec<&str> = detail.split(", ").collect();
    if items.len() > 12 {
        return Err("an availability list has at most 12 items".into());
    }
    match items
        .iter()
        .find(|i| !i.chars().next().is_some_and(|c| c.is_alphanumeric()) || !names_something(i))
    {
        Some(item) => Err(format!(
            "each availability item is a name with a capital letter or digit (not \"{item}\")"
        )),
        None => Ok(()),
    }
}

/// True when the item's first word has a capital letter or a digit ("EU", "iOS", "24/7") and
/// is not an article capitalised at a sentence's start ("A Free", "The Team"), and the item
/// holds no colon (a list label glued to a sentence: "Team: The Team").
fn names_something(item: &str) -> bool {
    !item.contains(':')
        && item.split_whitespace().next().is_some_and(|w| {
            w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
                && !["A", "An", "The"].contains(&w)
        })
}

/// A verdict written twice in a row, ignoring case and punctuation between ("Yes, yes",
/// "No \u{2014} no"): the mark of a verdict glued onto a text that already had one.
pub fn repeated_verdict(text: &str) -> Option<String> {
    crate::core::text::word_tokens(text)
        .windows(2)
        .find(|pair| pair[0] == pair[1] && ["yes", "no"].contains(&pair[0].as_str()))
        .map(|pair| pair[1].clone())
}

fn check_policy(detail: &str) -> Result<(), String> {
    let condition = detail
        .strip_prefix("Yes")
        .or_else(|| detail.strip_prefix("No"))
        .and_then(|rest| rest.strip_prefix(DASH))
        .ok_or_else(|| "a policy starts with \"Yes \u{2014} \" or \"No \u{2014} \"".to_string())?;
    if condition.split_whitespace().count() < 2 {
        return Err("a policy states its condition after the dash".into());
    }
    Ok(())
}

fn check_name(detail: &str) -> Result<(), String> {
    let words: Vec<&str> = detail.split_whitespace().collect();
    if words.len() > 5 {
        return Err("a name has at most five words".into());
    }
    if detail.ends_with(['.', '!', '?']) {
        return Err("a name has no terminal punctuation".into());
    }
    if !detail.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
        return Err("a name starts with a capital letter".into());
    }
    Ok(())
}

/// Splits `1) Open Settings 2) Click Export` into its steps; needs at least two steps numbered
/// 1, 2, 3... in order, each with text.
pub fn parse_steps(detail: &str) -> Result<Vec<String>, String> {
    let mut steps = Vec::new();
    let mut rest = detail
        .strip_prefix("1) ")
        .ok_or_else(|| "steps start with \"1) \"".to_string())?;
    let mut number = 2;
    loop {
        let marker = format!(" {number}) ");
        match rest.find(&marker) {
            Some(at) => {
                steps.push(rest[..at].trim().to_string());
                rest = &rest[at + marker.len()..];
                number += 1;
            }
            None => {
                steps.push(rest.trim().to_string());
                break;
            }
        }
    }
    if steps.len() < 2 {
        return Err("steps need at least two numbered steps: 1) ... 2) ...".into());
    }
    if steps.iter().any(String::is_empty) {
        return Err("every step needs text".into());
    }
    Ok(steps)
}

/// The value from a detail that the answer sentence must repeat, or `None` when the type has
/// no such value (policy, steps, abstain) or the detail is malformed.
pub fn key_value(answer_type: AnswerType, detail: &str) -> Option<String> {
    let detail = detail.trim();
    match answer_type {
        AnswerType::Price => scan::find_money(detail).map(|s| s.slice(detail).to_string()),
        AnswerType::Limit => scan::plain_numbers(detail)
            .first()
            .map(|s| s.slice(detail).to_string()),
        AnswerType::Window => {
            let number = *scan::plain_numbers(detail).first()?;
            let unit = scan::words_after(detail, number.end)
                .into_iter()
                .next()
                .filter(|w| scan::is_time_unit(w));
            Some(match unit {
                Some(unit) => format!("{} {unit}", number.slice(detail)),
                None => number.slice(detail).to_string(),
            })
        }
        AnswerType::Percentage => scan::find_percent(detail).map(|s| s.slice(detail).to_string()),
        AnswerType::Date => scan::find_iso_date(detail).map(|s| s.slice(detail).to_string()),
        AnswerType::Hours => scan::find_time(detail).map(|s| s.slice(detail).to_string()),
        AnswerType::Availability => detail
            .split(", ")
            .next()
            .and_then(|item| item.split_whitespace().next())
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
            .filter(|w| !w.is_empty()),
        AnswerType::Name => Some(detail.to_string()),
        AnswerType::Policy | AnswerType::Steps | AnswerType::Abstain => None,
    }
}

/// True when the answer sentence repeats the detail's key value (rule R6 of the style guide).
/// Dates may be repeated in long form; a policy sentence must open with its Yes/No verdict.
pub fn value_in_answer(answer_type: AnswerType, detail: &str, sentence: &str) -> bool {
    match answer_type {
        AnswerType::Policy => {
            let verdict = if detail.trim_start().starts_with("Yes") {
                "yes"
            } else {
                "no"
            };
            normalise_value(sentence).first().map(String::as_str) == Some(verdict)
        }
        AnswerType::Date => {
            let Some(wanted) =
                key_value(answer_type, detail).and_then(|d| scan::parse_iso_date(&d))
            else {
                return false;
            };
            scan::all_dates(sentence).contains(&wanted)
        }
        _ => match key_value(answer_type, detail) {
            Some(value) => contains_phrase(sentence, &value),
            None => true,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_type_has_a_shape() {
        let good = [
            (AnswerType::Price, "$14 per user per month"),
            (AnswerType::Limit, "120 requests per minute"),
            (AnswerType::Window, "30 days from the first payment"),
            (AnswerType::Percentage, "99.95% monthly uptime"),
            (AnswerType::Date, "2025-09-30"),
            (
                AnswerType::Hours,
                "Monday\u{2013}Friday, 08:00\u{2013}20:00 CET",
            ),
            (AnswerType::Availability, "EU (Frankfurt), US (Oregon)"),
            (
                AnswerType::Policy,
                "No \u{2014} customer content is never used",
            ),
            (AnswerType::Name, "Kettle Flows"),
            (AnswerType::Steps, "1) Open Settings 2) Click Export"),
        ];
        for (t, detail) in good {
            assert_eq!(check_detail(t, detail), Ok(()), "{t}: {detail}");
        }
        let bad = [
            (AnswerType::Price, "fourteen dollars"),
            (AnswerType::Limit, "plenty"),
            (AnswerType::Window, "30 requests"),
            (AnswerType::Percentage, "most of the time"),
            (AnswerType::Date, "30/09/2025"),
            (AnswerType::Hours, "08:00\u{2013}20:00"),
            (AnswerType::Availability, "the EU and the US."),
            (AnswerType::Policy, "No, never"),
            (
                AnswerType::Name,
                "the feature that used to be called Rules.",
            ),
            (AnswerType::Steps, "Open Settings and click Export"),
        ];
        for (t, detail) in bad {
            assert!(check_detail(t, detail).is_err(), "{t}: {detail}");
        }
    }

    #[test]
    fn key_values_are_found_in_sentences() {
        assert!(value_in_answer(
            AnswerType::Price,
            "$14 per user per month",
            "Pro is 14 USD a seat."
        ));
        assert!(value_in_answer(
            AnswerType::Window,
            "30 days",
            "You have a 30-day window."
        ));
        assert!(!value_in_answer(
            AnswerType::Window,
            "30 days",
            "You have 14 days."
        ));
        assert!(value_in_answer(
            AnswerType::Date,
            "2025-09-30",
            "It closes on 30 September 2025."
        ));
        assert!(value_in_answer(
            AnswerType::Policy,
            "No \u{2014} never",
            "No, it never is."
        ));
        assert!(!value_in_answer(
            AnswerType::Policy,
            "Yes \u{2014} always",
            "No, it never is."
        ));
    }
}
