//! The kind of value a question asks for ("how much" -> a price), read from its wording.

use crate::core::format::AnswerType;
use crate::core::text::word_tokens;

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
