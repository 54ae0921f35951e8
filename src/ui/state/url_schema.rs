//! The URL query, spelled once: every key the app reads or writes, which of them a link shares,
//! which a host page hears about, how their flags read, and how a query change is written.
//! Everything else that touches the query (links, the URL sync, the host API, persistence, the
//! tour, the guide, presenter mode, embed flags) names keys through this module, so adding or
//! renaming a key is one edit here (see ARCHITECTURE.md).

use std::ops::RangeInclusive;

use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

/// `view`: which view shows, as a [`ViewId`](super::ViewId) slug.
pub(crate) const VIEW: &str = "view";
/// `q`: the question being asked.
pub(crate) const QUESTION: &str = "q";
/// `rag`: the Retrieval toggle of the 2x2 (a flag).
pub(crate) const RETRIEVAL: &str = "rag";
/// `tuned`: the Tuned-weights toggle of the 2x2 (a flag).
pub(crate) const TUNED: &str = "tuned";
/// `v`: the corpus version id.
pub(crate) const VERSION: &str = "v";
/// `k`: passages retrieved, in [`K_RANGE`].
pub(crate) const K: &str = "k";
/// `t`: the reader's threshold, in [`THRESHOLD_RANGE`].
pub(crate) const THRESHOLD: &str = "t";
/// `curated`: leave documents flagged outdated or low-signal out of the index (a flag).
pub(crate) const CURATED: &str = "curated";
/// `embed`: drop the page chrome for an iframe (a flag).
pub(crate) const EMBED: &str = "embed";
/// `hide`: comma-separated controls or views to hide.
pub(crate) const HIDE: &str = "hide";
/// `embed_hide`: an older spelling some embeds still carry; kept in links, read by nothing.
pub(crate) const EMBED_HIDE: &str = "embed_hide";
/// `tour`: the guided tour's open step (1-based).
pub(crate) const TOUR: &str = "tour";
/// `guide`: the decision guide's answers, encoded by `core::decide::encode`.
pub(crate) const GUIDE: &str = "guide";
/// `presenter`: presenter mode (a flag).
pub(crate) const PRESENTER: &str = "presenter";
/// `scene`: a named starting scene, applied once at load (`workshop-start`), then dropped.
pub(crate) const SCENE: &str = "scene";
/// The one scene a link can name: the documented start of a workshop.
pub(crate) const WORKSHOP_START: &str = "workshop-start";
/// `debug_panic`: makes the shell panic, so the browser tests can see the panic panel.
pub(crate) const DEBUG_PANIC: &str = "debug_panic";

/// The keys of the shareable state (`share::ShareState`), in the order a link writes them.
pub(crate) const SHARED: [&str; 7] = [QUESTION, RETRIEVAL, TUNED, VERSION, K, THRESHOLD, CURATED];
/// The keys a host page hears about in `stateChanged`: the view and the shareable state.
pub(crate) const REPORTED: [&str; 8] = [
    VIEW, QUESTION, RETRIEVAL, TUNED, VERSION, K, THRESHOLD, CURATED,
];
/// Keys owned by other features (the router, embedding, the tour, the guide, presenter mode,
/// tests): the shareable state's parser accepts them, and the URL sync leaves them as they are.
pub(crate) const FEATURE_KEYS: [&str; 9] = [
    VIEW,
    SCENE,
    EMBED,
    DEBUG_PANIC,
    TOUR,
    GUIDE,
    PRESENTER,
    EMBED_HIDE,
    HIDE,
];

/// The `k` values a link may carry.
pub(crate) const K_RANGE: RangeInclusive<usize> = 1..=20;
/// The thresholds a link may carry.
pub(crate) const THRESHOLD_RANGE: RangeInclusive<f32> = 0.0..=1.0;

/// Reads a flag: `1`/`true`/`on` or `0`/`false`/`off`; anything else is not a flag.
pub(crate) fn flag(value: &str) -> Option<bool> {
    match value {
        "1" | "true" | "on" => Some(true),
        "0" | "false" | "off" => Some(false),
        _ => None,
    }
}

/// True when a flag's value is present and on (an absent or unreadable flag is off).
pub(crate) fn flag_on(value: Option<&str>) -> bool {
    value.and_then(flag) == Some(true)
}

/// The value a flag is written with.
pub(crate) fn flag_text(on: bool) -> String {
    if on { "1" } else { "0" }.to_string()
}

/// True when the raw query string `search` (`?a=1&b=2`, as `location.search` gives it) names
/// `key`, with or without a value.
pub(crate) fn names(search: &str, key: &str) -> bool {
    search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair.split('=').next() == Some(key))
}

/// How every query change is written: without scrolling the page, and replacing the history
/// entry when `replace` (state that follows the learner's every move), else adding one (a step
/// the learner may want Back for).
pub(crate) fn query_write(replace: bool) -> NavigateOptions {
    NavigateOptions {
        replace,
        scroll: false,
        ..NavigateOptions::default()
    }
}

/// Sets `key` to `value` in `params`, or removes it when `value` is `None`.
pub(crate) fn put(params: &mut ParamsMap, key: &str, value: Option<String>) {
    match value {
        Some(value) => params.replace(key.to_string(), value),
        None => {
            params.remove(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_read_three_spellings_each_way_and_nothing_else() {
        for on in ["1", "true", "on"] {
            assert_eq!(flag(on), Some(true));
        }
        for off in ["0", "false", "off"] {
            assert_eq!(flag(off), Some(false));
        }
        assert_eq!(flag("yes"), None);
        assert!(!flag_on(None));
        assert!(!flag_on(Some("maybe")));
        assert!(flag_on(Some("on")));
    }

    #[test]
    fn a_query_names_a_key_only_as_a_whole_key() {
        assert!(names("?view=ask&q=Pro", QUESTION));
        assert!(names("q=Pro", QUESTION));
        assert!(names("?rag&x=1", RETRIEVAL));
        assert!(!names("?faq=1&seq=2", QUESTION));
        assert!(!names("?view=ask", TUNED));
    }

    #[test]
    fn every_key_is_spelled_once() {
        let mut all: Vec<&str> = SHARED.iter().chain(&FEATURE_KEYS).copied().collect();
        all.sort_unstable();
        let before = all.len();
        all.dedup();
        assert_eq!(all.len(), before, "a key is both shared and a feature's");
        assert_eq!(REPORTED[0], VIEW, "host pages hear the view first");
        assert_eq!(REPORTED[1..], SHARED, "and every shared key, in link order");
    }
}
