//! The house answer format defined by the sample corpus's support style guide
//! (`public/corpus/docs/style-guide.v1.md`): answer types, a renderer, a validator that names
//! the rule an answer breaks, and best-effort extraction of a typed detail from a raw sentence.
//!
//! An answer has three lines (two for an abstention):
//! ```text
//! Answer: <one direct sentence that contains the value>
//! <Label>: <type-specific detail>
//! Source: <title> (<version>, <YYYY-MM-DD>)[; <title> (<version>, <date>)]...
//!      or Source: model weights (trained on <version>, <YYYY-MM-DD>) — not citable
//! ```
//! An abstention is `Answer: Our documentation does not say.` then `Next step: <what to do>`.

mod detail;
mod extract;
mod scan;
mod validate;

pub use detail::{check_detail, key_value, parse_steps, value_in_answer};
pub use extract::{answer_from_sentence, extract_detail};
pub use scan::{parse_iso_date, MONTHS, WEEKDAYS};
pub use validate::{parse_source_line, validate, FormatViolation, Rule};

use serde::{Deserialize, Serialize};

/// The fixed first line of every abstention.
pub const ABSTAIN_LINE: &str = "Answer: Our documentation does not say.";

/// The separator between the Yes/No verdict and the condition in a `Policy:` line, and between
/// the weights source and its "not citable" note.
pub const DASH: &str = " \u{2014} ";

/// The kinds of answer the style guide defines; each has its own detail line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnswerType {
    /// A price: `Price: $14 per user per month`.
    Price,
    /// A quota or size limit: `Limit: 120 requests per minute`.
    Limit,
    /// A time window or period: `Window: 30 days`.
    Window,
    /// A percentage: `Percentage: 99.95% monthly uptime`.
    Percentage,
    /// A calendar date: `Date: 2025-09-30`.
    Date,
    /// Opening hours: `Hours: Monday–Friday, 08:00–20:00 CET`.
    Hours,
    /// Where or on which plans something is offered: `Availability: Team, Enterprise`.
    Availability,
    /// A yes/no policy answer: `Policy: No — customer content is never used to train models`.
    Policy,
    /// The name of a feature or product: `Name: Kettle Flows`.
    Name,
    /// A procedure: `Steps: 1) Open Settings 2) Choose Export`.
    Steps,
    /// The documentation does not answer: fixed first line plus `Next step: ...`.
    Abstain,
}

impl AnswerType {
    /// Every answer type, in the order the style guide lists them.
    pub const ALL: [AnswerType; 11] = [
        AnswerType::Price,
        AnswerType::Limit,
        AnswerType::Window,
        AnswerType::Percentage,
        AnswerType::Date,
        AnswerType::Hours,
        AnswerType::Availability,
        AnswerType::Policy,
        AnswerType::Name,
        AnswerType::Steps,
        AnswerType::Abstain,
    ];

    /// The label that starts the detail line (`Price`, ..., `Next step` for abstentions).
    pub fn label(self) -> &'static str {
        match self {
            AnswerType::Price => "Price",
            AnswerType::Limit => "Limit",
            AnswerType::Window => "Window",
            AnswerType::Percentage => "Percentage",
            AnswerType::Date => "Date",
            AnswerType::Hours => "Hours",
            AnswerType::Availability => "Availability",
            AnswerType::Policy => "Policy",
            AnswerType::Name => "Name",
            AnswerType::Steps => "Steps",
            AnswerType::Abstain => "Next step",
        }
    }

    /// The lowercase key used in the corpus files and in JSON (`price`, ..., `abstain`).
    pub fn key(self) -> &'static str {
        match self {
            AnswerType::Price => "price",
            AnswerType::Limit => "limit",
            AnswerType::Window => "window",
            AnswerType::Percentage => "percentage",
            AnswerType::Date => "date",
            AnswerType::Hours => "hours",
            AnswerType::Availability => "availability",
            AnswerType::Policy => "policy",
            AnswerType::Name => "name",
            AnswerType::Steps => "steps",
            AnswerType::Abstain => "abstain",
        }
    }

    /// The answer type whose file key is `key`.
    pub fn from_key(key: &str) -> Option<AnswerType> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The answer type whose detail-line label is `label`.
    pub fn from_label(label: &str) -> Option<AnswerType> {
        Self::ALL.into_iter().find(|t| t.label() == label)
    }

    /// Position in [`AnswerType::ALL`], handy as a class index for a classifier.
    pub fn index(self) -> usize {
        Self::ALL
            .iter()
            .position(|&t| t == self)
            .unwrap_or_default()
    }
}

impl std::fmt::Display for AnswerType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

/// One cited document revision: `<title> (<version>, <date>)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// The document's title.
    pub title: String,
    /// The corpus version the document was read at ("v2").
    pub version: String,
    /// The document's date, `YYYY-MM-DD`.
    pub date: String,
}

/// Where an answer's facts come from, rendered as the `Source:` line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerSource {
    /// Retrieved documents, cited by title, version and date.
    Documents(Vec<Citation>),
    /// The tuned model's weights: not citable, and as old as its training snapshot.
    Weights {
        /// The corpus version the weights were trained on ("v1").
        trained_on: String,
        /// That version's effective date, `YYYY-MM-DD`.
        date: String,
    },
}

/// The pieces an answer is rendered from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerParts {
    /// The direct answer: one sentence containing the value (ignored for abstentions).
    pub sentence: String,
    /// The detail line's content without its label, e.g. "$14 per user per month"; for an
    /// abstention, the next step to suggest.
    pub detail: String,
    /// The source line (ignored for abstentions).
    pub source: AnswerSource,
}

impl AnswerParts {
    /// Parts for an abstention that suggests `next_step`.
    pub fn abstain(next_step: &str) -> Self {
        Self {
            sentence: String::new(),
            detail: next_step.to_string(),
            source: AnswerSource::Documents(Vec::new()),
        }
    }
}

/// Renders an answer in the house format. Fields are put on one line each (inner line breaks
/// become spaces) and the sentence gets a full stop if it has no terminal punctuation; nothing
/// else is corrected, so [`validate`] still judges the content.
pub fn render(answer_type: AnswerType, parts: &AnswerParts) -> String {
    let detail = one_line(&parts.detail);
    if answer_type == AnswerType::Abstain {
        return format!("{ABSTAIN_LINE}\n{}: {}", answer_type.label(), detail);
    }
    let mut sentence = one_line(&parts.sentence);
    if !sentence.ends_with(['.', '!', '?']) {
        sentence.push('.');
    }
    format!(
        "Answer: {sentence}\n{}: {detail}\n{}",
        answer_type.label(),
        source_line(&parts.source)
    )
}

/// The `Source:` line for `source`.
pub fn source_line(source: &AnswerSource) -> String {
    match source {
        AnswerSource::Documents(citations) => {
            let cited: Vec<String> = citations
                .iter()
                .map(|c| format!("{} ({}, {})", one_line(&c.title), c.version, c.date))
                .collect();
            format!("Source: {}", cited.join("; "))
        }
        AnswerSource::Weights { trained_on, date } => {
            format!("Source: model weights (trained on {trained_on}, {date}){DASH}not citable")
        }
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs() -> AnswerSource {
        AnswerSource::Documents(vec![Citation {
            title: "Plans and pricing".into(),
            version: "v2".into(),
            date: "2024-07-01".into(),
        }])
    }

    #[test]
    fn keys_and_labels_round_trip() {
        for t in AnswerType::ALL {
            assert_eq!(AnswerType::from_key(t.key()), Some(t));
            assert_eq!(AnswerType::from_label(t.label()), Some(t));
            assert_eq!(AnswerType::ALL[t.index()], t);
        }
    }

    #[test]
    fn renders_three_lines_with_citation() {
        let parts = AnswerParts {
            sentence: "The Pro plan costs $14 per user per month".into(),
            detail: "$14 per user per month".into(),
            source: docs(),
        };
        assert_eq!(
            render(AnswerType::Price, &parts),
            "Answer: The Pro plan costs $14 per user per month.\nPrice: $14 per user per month\n\
             Source: Plans and pricing (v2, 2024-07-01)"
        );
    }

    #[test]
    fn renders_weights_source_and_abstention() {
        let source = AnswerSource::Weights {
            trained_on: "v1".into(),
            date: "2024-01-15".into(),
        };
        assert_eq!(
            source_line(&source),
            "Source: model weights (trained on v1, 2024-01-15) \u{2014} not citable"
        );
        let abstain = render(
            AnswerType::Abstain,
            &AnswerParts::abstain("Ask the support team."),
        );
        assert_eq!(
            abstain,
            "Answer: Our documentation does not say.\nNext step: Ask the support team."
        );
    }

    #[test]
    fn a_verdict_is_never_written_twice_and_the_validator_refuses_one() {
        let parts = answer_from_sentence(
            AnswerType::Policy,
            "Yes \u{2014} registered nonprofits get the Team plan at half price",
            docs(),
        )
        .expect("a policy answer");
        let text = render(AnswerType::Policy, &parts);
        assert!(validate(&text).is_ok(), "{text}: {:?}", validate(&text));
        assert!(!text.to_lowercase().contains("yes, yes"), "{text}");
        assert!(!text.contains("Yes \u{2014} yes"), "{text}");
        let glued = "Answer: Yes, yes \u{2014} registered nonprofits get the Team plan at half price.\n\
                     Policy: Yes \u{2014} yes \u{2014} registered nonprofits get the Team plan at half price\n\
                     Source: Plans and pricing (v2, 2024-07-01)";
        assert!(validate(glued).is_err());
    }

    #[test]
    fn an_availability_detail_names_things_not_a_sentence_opening() {
        let answer = "Answer: A Free workspace can hold up to 10 boards.\n\
                      Availability: A Free\n\
                      Source: Plans and pricing (v2, 2024-07-01)";
        assert!(validate(answer).is_err());
        let glued = "Answer: The Team plan costs $24 per user per month.\n\
                     Availability: Team: The Team\n\
                     Source: Plans and pricing (v2, 2024-07-01)";
        assert!(validate(glued).is_err());
        let good = "Answer: Single sign-on is available on the Team and Enterprise plans.\n\
                    Availability: Team, Enterprise\n\
                    Source: Plans and pricing (v2, 2024-07-01)";
        assert!(validate(good).is_ok(), "{:?}", validate(good));
    }
}
