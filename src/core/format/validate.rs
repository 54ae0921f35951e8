//! The format validator: checks an answer against the style guide's rules R1-R8 and reports
//! every rule it breaks, each with the line it concerns.

use super::detail::{check_detail, value_in_answer};
use super::scan::parse_iso_date;
use super::{AnswerSource, AnswerType, Citation, ABSTAIN_LINE, DASH};
use crate::core::text::{split_sentences, word_count};
use serde::Serialize;

/// Longest answer sentence the style guide allows, in words.
pub const MAX_ANSWER_WORDS: usize = 40;

/// The style guide's rules, in the guide's numbering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Rule {
    /// R1: exactly three lines (two for an abstention), no blank or extra lines.
    LineCount,
    /// R2: line 1 is `Answer: ` followed by text.
    AnswerLine,
    /// R3: the answer is one sentence of at most 40 words ending in `.`, `!` or `?`.
    OneSentence,
    /// R4: line 2 starts with a known label and `: `.
    DetailLabel,
    /// R5: the detail has its type's shape.
    DetailShape,
    /// R6: the answer sentence repeats the detail's key value.
    ValueInAnswer,
    /// R7: the last line is a valid `Source:` line.
    SourceLine,
    /// R8: an abstention's first line is exactly `Answer: Our documentation does not say.`
    AbstainWording,
}

impl Rule {
    /// The rule's number in the style guide, "R1" to "R8".
    pub fn code(self) -> &'static str {
        match self {
            Rule::LineCount => "R1",
            Rule::AnswerLine => "R2",
            Rule::OneSentence => "R3",
            Rule::DetailLabel => "R4",
            Rule::DetailShape => "R5",
            Rule::ValueInAnswer => "R6",
            Rule::SourceLine => "R7",
            Rule::AbstainWording => "R8",
        }
    }

    /// The rule's short name, e.g. "one-sentence".
    pub fn name(self) -> &'static str {
        match self {
            Rule::LineCount => "line-count",
            Rule::AnswerLine => "answer-line",
            Rule::OneSentence => "one-sentence",
            Rule::DetailLabel => "detail-label",
            Rule::DetailShape => "detail-shape",
            Rule::ValueInAnswer => "value-in-answer",
            Rule::SourceLine => "source-line",
            Rule::AbstainWording => "abstain-wording",
        }
    }
}

/// One broken rule: which rule, on which line (1-based), and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FormatViolation {
    /// The rule that failed.
    pub rule: Rule,
    /// The answer line the failure is on (1-based).
    pub line: usize,
    /// A readable explanation.
    pub message: String,
}

impl std::fmt::Display for FormatViolation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} (line {}): {}",
            self.rule.code(),
            self.rule.name(),
            self.line,
            self.message
        )
    }
}

/// Checks `answer` against the house format. Returns its answer type when every rule holds,
/// otherwise every violation found. A single trailing newline is tolerated.
pub fn validate(answer: &str) -> Result<AnswerType, Vec<FormatViolation>> {
    let mut violations = Vec::new();
    let mut fail = |rule: Rule, line: usize, message: String| {
        violations.push(FormatViolation {
            rule,
            line,
            message,
        })
    };
    let text = answer.strip_suffix('\n').unwrap_or(answer);
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end()).collect();
    let first = lines.first().copied().unwrap_or("");
    let sentence = match first.strip_prefix("Answer: ") {
        Some(s) if !s.trim().is_empty() => Some(s.trim()),
        _ => {
            fail(
                Rule::AnswerLine,
                1,
                "line 1 must be \"Answer: \" followed by the answer".into(),
            );
            None
        }
    };
    let second = lines.get(1).copied().unwrap_or("");
    let (label, detail) = second.split_once(": ").unwrap_or((second, ""));
    let answer_type = AnswerType::from_label(label);
    let abstaining = first == ABSTAIN_LINE || answer_type == Some(AnswerType::Abstain);

    if abstaining {
        if first != ABSTAIN_LINE {
            fail(
                Rule::AbstainWording,
                1,
                format!("an abstention's first line is exactly \"{ABSTAIN_LINE}\""),
            );
        }
        if answer_type != Some(AnswerType::Abstain) || detail.trim().is_empty() {
            fail(
                Rule::DetailLabel,
                2,
                "an abstention's second line is \"Next step: \" and a suggestion".into(),
            );
        }
        if lines.len() != 2 {
            fail(
                Rule::LineCount,
                lines.len().min(3),
                format!("an abstention has 2 lines, found {}", lines.len()),
            );
        }
    } else {
        if lines.len() != 3 {
            fail(
                Rule::LineCount,
                lines.len().min(4),
                format!("an answer has 3 lines, found {}", lines.len()),
            );
        }
        if let Some(sentence) = sentence {
            if let Err(message) = check_one_sentence(sentence) {
                fail(Rule::OneSentence, 1, message);
            }
        }
        match answer_type {
            None => fail(
                Rule::DetailLabel,
                2,
                format!(
                    "line 2 must start with one of {} and \": \"",
                    known_labels()
                ),
            ),
            Some(t) => {
                let repeated = super::detail::repeated_verdict(detail)
                    .map(|word| format!("the detail writes its verdict twice (\"{word}\")"));
                let shape = check_detail(t, detail).and_then(|()| repeated.map_or(Ok(()), Err));
                if let Err(message) = shape {
                    fail(Rule::DetailShape, 2, message);
                } else if let Some(sentence) = sentence {
                    if !value_in_answer(t, detail, sentence) {
                        fail(
                            Rule::ValueInAnswer,
                            1,
                            format!("the answer sentence must repeat the {} value", t.key()),
                        );
                    }
                }
            }
        }
        if lines.len() >= 3 {
            let last = lines[lines.len() - 1];
            if let Err(message) = parse_source_line(last) {
                fail(Rule::SourceLine, lines.len(), message);
            }
        } else {
            fail(
                Rule::SourceLine,
                lines.len() + 1,
                "the last line must be \"Source: ...\"".into(),
            );
        }
    }
    match (answer_type, violations.is_empty()) {
        (Some(t), true) => Ok(t),
        _ => Err(violations),
    }
}

fn known_labels() -> String {
    AnswerType::ALL
        .iter()
        .map(|t| t.label())
        .collect::<Vec<_>>()
        .join(", ")
}

fn check_one_sentence(sentence: &str) -> Result<(), String> {
    if !sentence.ends_with(['.', '!', '?']) {
        return Err("the answer sentence ends with . ! or ?".into());
    }
    let count = split_sentences(sentence).len();
    if count != 1 {
        return Err(format!("the answer is one sentence, found {count}"));
    }
    if let Some(word) = super::detail::repeated_verdict(sentence) {
        return Err(format!("the answer writes its verdict twice (\"{word}\")"));
    }
    let words = word_count(sentence);
    if words > MAX_ANSWER_WORDS {
        return Err(format!(
            "the answer sentence has at most {MAX_ANSWER_WORDS} words, found {words}"
        ));
    }
    Ok(())
}

/// Parses a `Source:` line into documents or model weights, or says what is malformed.
pub fn parse_source_line(line: &str) -> Result<AnswerSource, String> {
    let rest = line
        .strip_prefix("Source: ")
        .ok_or_else(|| "the last line must start with \"Source: \"".to_string())?;
    if let Some(inner) = rest.strip_prefix("model weights (trained on ") {
        let expected_tail = format!("){DASH}not citable");
        let body = inner.strip_suffix(&expected_tail).ok_or_else(|| {
            format!(
                "a weights source ends with \"{}\"",
                expected_tail.trim_start()
            )
        })?;
        let (version, date) = version_and_date(body)?;
        return Ok(AnswerSource::Weights {
            trained_on: version,
            date,
        });
    }
    let citations = rest
        .split("; ")
        .map(parse_citation)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(AnswerSource::Documents(citations))
}

fn parse_citation(text: &str) -> Result<Citation, String> {
    let malformed = || format!("a citation is \"Title (vN, YYYY-MM-DD)\", not \"{text}\"");
    let inner = text.strip_suffix(')').ok_or_else(malformed)?;
    let open = inner.rfind(" (").ok_or_else(malformed)?;
    let title = inner[..open].trim();
    if title.is_empty() {
        return Err(malformed());
    }
    let (version, date) = version_and_date(&inner[open + 2..])?;
    Ok(Citation {
        title: title.to_string(),
        version,
        date,
    })
}

fn version_and_date(body: &str) -> Result<(String, String), String> {
    let (version, date) = body
        .split_once(", ")
        .ok_or_else(|| format!("expected \"vN, YYYY-MM-DD\", found \"{body}\""))?;
    let version_ok = version
        .strip_prefix('v')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if !version_ok {
        return Err(format!("a version is written vN, not \"{version}\""));
    }
    if parse_iso_date(date).is_none() {
        return Err(format!("a date is written YYYY-MM-DD, not \"{date}\""));
    }
    Ok((version.to_string(), date.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(answer: &str) -> Vec<Rule> {
        validate(answer)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|v| v.rule)
            .collect()
    }

    #[test]
    fn accepts_a_well_formed_answer_and_abstention() {
        let answer = "Answer: The Pro plan costs $14 per user per month.\n\
                      Price: $14 per user per month\n\
                      Source: Plans and pricing (v2, 2024-07-01); Billing FAQ (v2, 2024-06-20)\n";
        assert_eq!(validate(answer), Ok(AnswerType::Price));
        let weights = "Answer: Pro is $12 a month.\nPrice: $12 per user per month\n\
                       Source: model weights (trained on v1, 2024-01-15) \u{2014} not citable";
        assert_eq!(validate(weights), Ok(AnswerType::Price));
        let abstain = "Answer: Our documentation does not say.\nNext step: Ask support.";
        assert_eq!(validate(abstain), Ok(AnswerType::Abstain));
    }

    #[test]
    fn names_each_broken_rule() {
        assert_eq!(
            rules("The Pro plan costs $14 per user per month."),
            [
                Rule::AnswerLine,
                Rule::LineCount,
                Rule::DetailLabel,
                Rule::SourceLine
            ]
        );
        assert_eq!(
            rules("Answer: It is $12. Really.\nPrice: $14\nSource: Pricing (v2, 2024-07-01)"),
            [Rule::OneSentence, Rule::ValueInAnswer]
        );
        assert_eq!(
            rules("Answer: It costs $14.\nCost: $14\nSource: Pricing (v2, 2024-07-01)"),
            [Rule::DetailLabel]
        );
        assert_eq!(
            rules("Answer: It costs $14.\nPrice: $14\nSource: Pricing (2, 1 July 2024)"),
            [Rule::SourceLine]
        );
        assert_eq!(
            rules("Answer: I am not sure.\nNext step: Ask support."),
            [Rule::AbstainWording]
        );
        assert_eq!(
            rules("Answer: It costs $14.\nPrice: $14\n\nSource: Pricing (v2, 2024-07-01)"),
            [Rule::LineCount]
        );
    }
}
