//! The kind of value a question asks for ("how much" -> a price), read from its wording.

use crate::core::format::AnswerType;
use crate::core::text::word_tokens;

/// Every kind [`expected_answer_types`] can return, in its order: the kinds the reader
/// measures each sentence for.
pub const ASKABLE: [AnswerType; 7] = [
    AnswerType::Price,
    AnswerType::Limit,
    AnswerType::Window,
    AnswerType::Percentage,
    AnswerType::Date,
    AnswerType::Hours,
    AnswerType::Availability,
];

/// The kinds of value a question asks for, from its wording ("how much" -> a price). Empty
/// when the wording says nothing; then no sentence gets the bonus.
pub fn expected_answer_types(question: &str) -> Vec<AnswerType> {
    let words = word_tokens(question);
    let has = |w: &str| words.iter().any(|x| x == w);
    let phrase = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
    let mut types = Vec::new();
    if phrase("how", "much")
        || [
            "cost", "costs", "price", "priced", "pay", "fee", "charge", "usd", "dollars",
        ]
        .iter()
        .any(|w| has(w))
    {
        types.push(AnswerType::Price);
    }
    if phrase("how", "many")
        || [
            "limit", "limits", "maximum", "max", "storage", "gb", "size", "quota",
        ]
        .iter()
        .any(|w| has(w))
    {
        types.push(AnswerType::Limit);
    }
    if phrase("how", "long")
        || ["days", "window", "within", "retain", "kept"]
            .iter()
            .any(|w| has(w))
    {
        types.push(AnswerType::Window);
    }
    if ["percent", "percentage", "uptime", "discount", "save", "sla"]
        .iter()
        .any(|w| has(w))
    {
        types.push(AnswerType::Percentage);
    }
    if has("when") || has("date") || has("deadline") {
        types.push(AnswerType::Date);
    }
    if ["hours", "open", "available", "reach"]
        .iter()
        .any(|w| has(w))
    {
        types.push(AnswerType::Hours);
    }
    if phrase("which", "plans") || phrase("what", "plans") || has("regions") || has("where") {
        types.push(AnswerType::Availability);
    }
    types
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_wording_cue_gives_a_kind_listed_as_askable() {
        let cues = [
            "how much",
            "how many",
            "how long",
            "percent",
            "when",
            "hours",
            "which plans",
            "cost limit days uptime date open regions",
        ];
        let mut seen = Vec::new();
        for cue in cues {
            for kind in expected_answer_types(cue) {
                assert!(ASKABLE.contains(&kind), "{kind:?} from {cue:?}");
                seen.push(kind);
            }
        }
        assert!(
            ASKABLE.iter().all(|k| seen.contains(k)),
            "every askable kind has a cue"
        );
    }
}
