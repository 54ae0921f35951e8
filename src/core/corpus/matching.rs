//! Does an answer state a fact's value? Normalised matching against the accepted forms of each
//! version's value, so evaluation can score "gold fact in answer" and spot stale answers.

use super::model::Fact;
use crate::core::text::{contains_tokens, normalise_value};

/// True when `text` contains the accepted `form`. A form "A + B" needs every part; each part
/// must appear as a contiguous run of normalised tokens ("$14" matches "14 USD").
pub fn form_matches(form: &str, text: &str) -> bool {
    let haystack = normalise_value(text);
    form_matches_tokens(form, &haystack)
}

fn form_matches_tokens(form: &str, haystack: &[String]) -> bool {
    let mut parts = form.split(" + ").peekable();
    parts.peek().is_some() && parts.all(|part| contains_tokens(haystack, &normalise_value(part)))
}

/// True when `text` states the value `fact` has at `version` (any accepted form).
pub fn answer_states(fact: &Fact, version: &str, text: &str) -> bool {
    let haystack = normalise_value(text);
    fact.at(version)
        .is_some_and(|v| v.forms.iter().any(|f| form_matches_tokens(f, &haystack)))
}

/// The versions whose value `text` states, in version order.
pub fn versions_stated(fact: &Fact, text: &str) -> Vec<String> {
    let haystack = normalise_value(text);
    fact.values
        .iter()
        .filter(|v| v.forms.iter().any(|f| form_matches_tokens(f, &haystack)))
        .map(|v| v.version.clone())
        .collect()
}

/// True when `text` is a stale answer at `version`: it does not state the current value but
/// states a value the fact had in another version.
pub fn answer_is_stale(fact: &Fact, version: &str, text: &str) -> bool {
    let Some(current) = fact.at(version) else {
        return false;
    };
    !answer_states(fact, version, text)
        && fact
            .values
            .iter()
            .filter(|v| v.value != current.value)
            .any(|v| answer_states(fact, &v.version, text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::corpus::model::FactValue;
    use crate::core::format::AnswerType;

    fn fact() -> Fact {
        let value = |version: &str, forms: &[&str]| FactValue {
            version: version.into(),
            value: forms[0].into(),
            forms: forms.iter().map(|f| f.to_string()).collect(),
            doc_id: "pricing".into(),
            passage: String::new(),
        };
        Fact {
            key: "price.pro".into(),
            answer_type: AnswerType::Price,
            about: "Pro price".into(),
            statement: "Pro costs {value}.".into(),
            values: vec![
                value("v1", &["$12 per user per month", "$12"]),
                value("v2", &["$14 per user per month", "$14"]),
                value("v3", &["$14 per user per month", "$14"]),
            ],
        }
    }

    #[test]
    fn states_current_value_in_any_listed_spelling() {
        let f = fact();
        assert!(answer_states(&f, "v2", "It is 14 dollars a seat."));
        assert!(!answer_states(&f, "v2", "It is $140 a seat."));
        assert_eq!(
            versions_stated(&f, "Pro was $12, now $14."),
            ["v1", "v2", "v3"]
        );
    }

    #[test]
    fn stale_means_an_old_value_and_not_the_current_one() {
        let f = fact();
        assert!(answer_is_stale(
            &f,
            "v2",
            "Pro costs $12 per user per month."
        ));
        assert!(!answer_is_stale(
            &f,
            "v2",
            "Pro costs $14, it used to be $12."
        ));
        assert!(!answer_is_stale(&f, "v1", "Pro costs $12."));
        assert!(!answer_is_stale(&f, "v2", "I do not know."));
    }

    #[test]
    fn plus_forms_need_every_part() {
        assert!(form_matches(
            "EU + Singapore",
            "Singapore, the US and the EU"
        ));
        assert!(!form_matches("EU + Singapore", "the US and the EU"));
    }
}
