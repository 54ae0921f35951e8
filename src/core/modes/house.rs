//! Putting an answer into the house format, as the tuned behaviour head asks.

use crate::core::format::{
    answer_from_sentence, render, validate, AnswerParts, AnswerSource, AnswerType,
};

/// The abstention's suggested next step.
pub const NEXT_STEP: &str = "Ask the support team, who can check your account.";

/// The next step when the question names something no retrieved passage mentions (the style
/// guide: "If the question assumes something that is not true, such as a plan we do not sell,
/// say so in the next step").
pub fn false_premise_next_step(names: &[String]) -> String {
    let named: Vec<String> = names.iter().map(|n| capitalise(n)).collect();
    format!(
        "Our documents never mention {}, so we may not offer it; check the name, or ask the \
         support team.",
        named.join(" or ")
    )
}

/// `name` with its first letter in capitals ("platinum" -> "Platinum").
pub fn capitalise(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// What the tuned model's weights recalled for the question, and how far to trust it as the
/// answer's value.
pub enum Recalled<'a> {
    /// The answer from weights: tuned mode renders it even when no type's extraction finds a
    /// value in it (a learner's free-text answer such as "the east lot").
    FromWeights(&'a str),
    /// The answer from weights, used in "both" mode only where the retrieved sentence states it,
    /// so the shown value is always one the cited document says.
    IfTheSentenceSaysIt(&'a str),
}

/// Renders `sentence` in the first of `types` (ranked before abstention) whose value it
/// contains. When no type's extraction finds a value, the recalled answer (see [`Recalled`])
/// stands in as the value of the head's first choice, if that rendering is in the house format;
/// otherwise, or when the head ranks abstention first, it abstains.
pub fn render_in_house_format(
    types: &[AnswerType],
    sentence: &str,
    recalled: Recalled<'_>,
    source: AnswerSource,
) -> (AnswerType, String) {
    // A name is free text (a learner's "the east lot"): extraction from a whole answer finds
    // stray capitals ("B" in "the garage under building B"), so the recalled value goes first.
    let first = types.first().copied();
    if first == Some(AnswerType::Name) {
        if let Some(found) = from_recalled(AnswerType::Name, sentence, &recalled, &source) {
            return found;
        }
    }
    for &answer_type in types {
        if answer_type == AnswerType::Abstain {
            break;
        }
        if let Some(parts) = answer_from_sentence(answer_type, sentence, source.clone()) {
            // Extraction can misread a value ("99.95% per month" as a window of months); only a
            // rendering the house-format validator accepts is used, else the next type is tried.
            let text = render(answer_type, &parts);
            if validate(&text).is_ok() {
                return (answer_type, text);
            }
        }
    }
    match first {
        // A name was tried first, above.
        Some(first) if !matches!(first, AnswerType::Abstain | AnswerType::Name) => {
            from_recalled(first, sentence, &recalled, &source).unwrap_or_else(abstention)
        }
        _ => abstention(),
    }
}

/// The recalled value as the detail of `answer_type`, when allowed (see [`Recalled`]) and the
/// rendering is in the house format.
fn from_recalled(
    answer_type: AnswerType,
    sentence: &str,
    recalled: &Recalled<'_>,
    source: &AnswerSource,
) -> Option<(AnswerType, String)> {
    let (value, answer) = match *recalled {
        Recalled::FromWeights(value) => (value, value),
        Recalled::IfTheSentenceSaysIt(value) => {
            let stated = !value.trim().is_empty() && contains_ignoring_case(sentence, value.trim());
            (value, if stated { sentence } else { return None })
        }
    };
    // `render` puts each field on one line.
    let parts = AnswerParts {
        sentence: capitalise(answer.trim()),
        detail: as_detail(answer_type, value),
        source: source.clone(),
    };
    let text = render(answer_type, &parts);
    validate(&text).ok().map(|_| (answer_type, text))
}

fn abstention() -> (AnswerType, String) {
    let parts = AnswerParts::abstain(NEXT_STEP);
    (AnswerType::Abstain, render(AnswerType::Abstain, &parts))
}

/// A recalled answer as a detail line's value: trimmed, without closing punctuation, and a
/// name starting with a capital ("the east lot" -> "The east lot").
fn as_detail(answer_type: AnswerType, value: &str) -> String {
    let value = value.trim().trim_end_matches(['.', '!', '?']);
    match answer_type {
        AnswerType::Name => capitalise(value),
        _ => value.to_string(),
    }
}

fn contains_ignoring_case(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weights() -> AnswerSource {
        AnswerSource::Weights {
            trained_on: "v1".into(),
            date: "2026-01-01".into(),
        }
    }

    #[test]
    fn a_free_text_answer_from_weights_is_rendered_not_denied() {
        let types = [AnswerType::Name, AnswerType::Abstain];
        let recalled = Recalled::FromWeights("the east lot");
        let (kind, text) = render_in_house_format(&types, "the east lot", recalled, weights());
        assert_eq!(kind, AnswerType::Name);
        assert!(text.contains("Name: The east lot"), "{text}");
        assert!(validate(&text).is_ok(), "{text}");
    }

    #[test]
    fn in_both_mode_the_recalled_value_counts_only_where_the_sentence_states_it() {
        let types = [AnswerType::Name];
        let docs = || {
            AnswerSource::Documents(vec![crate::core::format::Citation {
                title: "Parking policy".into(),
                version: "v1".into(),
                date: "2026-01-01".into(),
            }])
        };
        let said = Recalled::IfTheSentenceSaysIt("the east lot");
        let (kind, text) =
            render_in_house_format(&types, "Visitors park in the East lot.", said, docs());
        assert_eq!(kind, AnswerType::Name);
        assert!(
            text.starts_with("Answer: Visitors park in the East lot."),
            "{text}"
        );
        assert!(text.contains("Name: The east lot"), "{text}");
        let other = Recalled::IfTheSentenceSaysIt("the west lot");
        let (kind, _) =
            render_in_house_format(&types, "Visitors park in the east lot.", other, docs());
        assert_eq!(kind, AnswerType::Abstain);
    }

    #[test]
    fn abstention_chosen_first_still_abstains_whatever_was_recalled() {
        let types = [AnswerType::Abstain, AnswerType::Name];
        let recalled = Recalled::FromWeights("the east lot");
        let (kind, _) = render_in_house_format(&types, "the east lot", recalled, weights());
        assert_eq!(kind, AnswerType::Abstain);
    }
}
