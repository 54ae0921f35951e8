//! The shareable part of the app's state, as it is spelled in the URL query, so a copied link
//! reopens exactly what the learner saw. Parsing is strict per value and forgiving overall:
//! a malformed or unknown parameter is dropped and reported, never fatal.

use std::fmt::Write;

use super::url_schema::{self as url, flag, flag_text};

/// Every value the URL can carry; `None` means "not in the URL: keep the default".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShareState {
    /// `q`: the question.
    pub question: Option<String>,
    /// `rag`: retrieval toggle (`1`/`0`).
    pub(crate) retrieval: Option<bool>,
    /// `tuned`: tuned-weights toggle (`1`/`0`).
    pub(crate) tuned: Option<bool>,
    /// `v`: corpus version id.
    pub(crate) version: Option<String>,
    /// `k`: passages retrieved, 1..=20.
    pub(crate) k: Option<usize>,
    /// `t`: reader threshold, 0..=1.
    pub(crate) threshold: Option<f32>,
    /// `curated`: leave flagged documents out (`1`/`0`).
    pub(crate) curated: Option<bool>,
}

impl ShareState {
    /// Parses query pairs. Returns the state and one notice per parameter it had to ignore.
    /// `versions` lists the known corpus version ids. Keys other features own
    /// ([`url::FEATURE_KEYS`]) are accepted and left to them.
    pub fn from_query<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        versions: &[String],
    ) -> (ShareState, Vec<String>) {
        let mut state = ShareState::default();
        let mut notices = Vec::new();
        for (key, value) in pairs {
            let ok = match key {
                url::QUESTION => {
                    let (text, cut_from) = crate::core::text::cut_question(value);
                    if let Some(length) = cut_from {
                        notices.push(cut_notice(length));
                    }
                    state.question = Some(text);
                    true
                }
                url::RETRIEVAL => set(&mut state.retrieval, flag(value)),
                url::TUNED => set(&mut state.tuned, flag(value)),
                url::CURATED => set(&mut state.curated, flag(value)),
                url::VERSION => set(
                    &mut state.version,
                    versions
                        .iter()
                        .any(|v| v == value)
                        .then(|| value.to_string()),
                ),
                url::K => set(
                    &mut state.k,
                    value.parse().ok().filter(|k| url::K_RANGE.contains(k)),
                ),
                url::THRESHOLD => set(
                    &mut state.threshold,
                    crate::core::decimal::parse_f32(value)
                        .filter(|t| t.is_finite() && url::THRESHOLD_RANGE.contains(t)),
                ),
                other => url::FEATURE_KEYS.contains(&other),
            };
            if !ok {
                notices.push(format!("ignored {}={}", shorten(key), shorten(value)));
            }
        }
        (state, notices)
    }

    /// The query pairs for this state (only what is set), in a stable order.
    pub(crate) fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(q) = self.question.as_ref().filter(|q| !q.is_empty()) {
            out.push((url::QUESTION, q.clone()));
        }
        if let Some(r) = self.retrieval {
            out.push((url::RETRIEVAL, flag_text(r)));
        }
        if let Some(t) = self.tuned {
            out.push((url::TUNED, flag_text(t)));
        }
        if let Some(v) = &self.version {
            out.push((url::VERSION, v.clone()));
        }
        if let Some(k) = self.k {
            out.push((url::K, k.to_string()));
        }
        if let Some(t) = self.threshold {
            let mut s = String::new();
            let _ = write!(s, "{}", (t * 100.0).round() / 100.0);
            out.push((url::THRESHOLD, s));
        }
        if let Some(c) = self.curated {
            out.push((url::CURATED, flag_text(c)));
        }
        out
    }
}

fn set<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    let ok = value.is_some();
    if ok {
        *slot = value;
    }
    ok
}

/// A parameter as quoted in a notice: short, and rendered as text by the caller.
/// What a link's question lost: said once, with the one limit.
fn cut_notice(length: usize) -> String {
    use crate::core::text::{thousands, MAX_QUESTION_CHARS};
    format!(
        "the question ({} characters) was cut to its first {}",
        thousands(length as u64),
        thousands(MAX_QUESTION_CHARS as u64)
    )
}

fn shorten(text: &str) -> String {
    let mut out: String = text.chars().take(24).collect();
    if text.chars().count() > 24 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn versions() -> Vec<String> {
        vec!["v1".into(), "v2".into(), "v3".into()]
    }

    #[test]
    fn round_trips_every_field() {
        let state = ShareState {
            question: Some("How much is Pro?".into()),
            retrieval: Some(true),
            tuned: Some(false),
            version: Some("v2".into()),
            k: Some(7),
            threshold: Some(0.45),
            curated: Some(true),
        };
        let pairs = state.to_pairs();
        let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (parsed, notices) = ShareState::from_query(borrowed, &versions());
        assert_eq!(parsed, state);
        assert!(notices.is_empty());
    }

    #[test]
    fn malformed_and_unknown_values_are_ignored_with_a_notice() {
        let (state, notices) = ShareState::from_query(
            [
                (url::K, "0"),
                (url::K, "abc"),
                (url::THRESHOLD, "NaN"),
                (url::THRESHOLD, "2"),
                (url::VERSION, "v9"),
                (url::RETRIEVAL, "maybe"),
                ("zzz", "1"),
                (url::VIEW, "ask"),
                (url::TUNED, "1"),
            ],
            &versions(),
        );
        assert_eq!(
            state,
            ShareState {
                tuned: Some(true),
                ..ShareState::default()
            }
        );
        assert_eq!(notices.len(), 7, "{notices:?}");
        assert!(notices.iter().any(|n| n == "ignored v=v9"));
    }

    #[test]
    fn long_questions_are_capped_and_notices_are_short() {
        let long = "x".repeat(10_000);
        let (state, said) = ShareState::from_query([(url::QUESTION, long.as_str())], &versions());
        assert_eq!(
            state.question.unwrap().chars().count(),
            crate::core::text::MAX_QUESTION_CHARS
        );
        assert_eq!(
            said,
            ["the question (10,000 characters) was cut to its first 1,000"]
        );
        let (_, notices) = ShareState::from_query([(long.as_str(), "1")], &versions());
        assert!(notices[0].chars().count() < 60);
    }
}
