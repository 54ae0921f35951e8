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

/// Nouns of amounts that are not money: "how much space" asks for a limit, not a price.
const MEASURED_NOUNS: &[&str] = &[
    "space",
    "storage",
    "disk",
    "data",
    "room",
    "memory",
    "bandwidth",
    "traffic",
];

/// Nouns of time: "how much time" asks for a window.
const TIME_NOUNS: &[&str] = &["time", "longer", "notice"];

/// The kinds of value a question asks for, from its wording ("how much" -> a price), by the
/// usual question-word cues of English (a question-classification taxonomy in miniature).
/// Empty when the wording says nothing; then no sentence gets the bonus.
pub fn expected_answer_types(question: &str) -> Vec<AnswerType> {
    let words = word_tokens(question);
    let has = |w: &str| words.iter().any(|x| x == w);
    let any = |list: &[&str]| list.iter().any(|w| has(w));
    let phrase = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
    // "how much" followed within two words by one of `nouns`: "how much (more) space".
    let how_much_of = |nouns: &[&str]| {
        words.windows(2).enumerate().any(|(i, pair)| {
            pair[0] == "how"
                && pair[1] == "much"
                && words[i + 2..words.len().min(i + 4)]
                    .iter()
                    .any(|w| nouns.contains(&w.as_str()))
        })
    };
    let how_much_money =
        phrase("how", "much") && !how_much_of(MEASURED_NOUNS) && !how_much_of(TIME_NOUNS);
    let mut types = Vec::new();
    if how_much_money
        || any(&[
            "cost",
            "costs",
            "price",
            "priced",
            "pricing",
            "pay",
            "fee",
            "fees",
            "charge",
            "charged",
            "usd",
            "dollars",
            "expensive",
            "cheap",
            "invoice",
            "bill",
        ])
    {
        types.push(AnswerType::Price);
    }
    if phrase("how", "many")
        || phrase("how", "big")
        || phrase("how", "large")
        || phrase("how", "fast")
        || phrase("how", "often")
        || how_much_of(MEASURED_NOUNS)
        || any(&[
            "limit",
            "limits",
            "maximum",
            "max",
            "minimum",
            "min",
            "cap",
            "capped",
            "ceiling",
            "storage",
            "space",
            "gb",
            "mb",
            "size",
            "quota",
            "throttle",
            "throttled",
        ])
    {
        types.push(AnswerType::Limit);
    }
    if phrase("how", "long")
        || how_much_of(TIME_NOUNS)
        || phrase("until", "when")
        || any(&[
            "days",
            "window",
            "within",
            "retain",
            "retained",
            "retention",
            "kept",
            "keep",
            "period",
            "expire",
            "expires",
            "purge",
            "purged",
            "permanent",
            "permanently",
        ])
    {
        types.push(AnswerType::Window);
    }
    if any(&[
        "percent",
        "percentage",
        "uptime",
        "discount",
        "save",
        "saving",
        "savings",
        "sla",
        "cheaper",
        "off",
        "reduction",
    ]) {
        types.push(AnswerType::Percentage);
    }
    if any(&[
        "when", "date", "deadline", "day", "sunset", "retired", "retire", "shutdown",
    ]) {
        types.push(AnswerType::Date);
    }
    if phrase("what", "time")
        || any(&[
            "hours",
            "open",
            "opening",
            "closed",
            "close",
            "available",
            "reach",
            "staffed",
        ])
    {
        types.push(AnswerType::Hours);
    }
    let listed = [
        "plans",
        "plan",
        "tiers",
        "tier",
        "subscriptions",
        "subscription",
        "editions",
        "regions",
        "region",
        "countries",
        "country",
        "locations",
        "location",
        "platforms",
        "languages",
    ];
    if (has("which") || has("what")) && any(&listed)
        || any(&["regions", "where", "locations", "countries"])
    {
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
