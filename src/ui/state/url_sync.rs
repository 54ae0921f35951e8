//! Keeps the URL query and the app state in step: a link opens the state it names (once the
//! pipeline is ready), and every later change is written back (replacing the history entry,
//! so Back still steps between views, not keystrokes).

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::learner_work::LearnerWork;
use super::share::ShareState;
use super::url_schema as url;
use super::view_id::ViewId;
use super::{AppStore, BrowserClock};
use crate::core::workbench::RetrievalSettings;

/// Mounted once inside the router; renders nothing.
#[component]
pub(crate) fn UrlSync() -> impl IntoView {
    let store = AppStore::use_context();
    let work = LearnerWork::use_context();
    let query = use_query_map();
    let navigate = use_navigate();
    let applied = RwSignal::new(false);

    // Apply the link's state once, when the workbench exists and saved work is back (else the
    // restore, which finishes later, would overwrite the settings the link names).
    Effect::new(move |_| {
        if applied.get() || !work.settled(store) {
            return;
        }
        let params = query.get_untracked();
        let versions = store
            .with_untracked(|b| b.corpus().version_ids())
            .unwrap_or_default();
        let pairs: Vec<(String, String)> = params
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        let (state, mut notices) = ShareState::from_query(
            pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            &versions,
        );
        if let Some((_, slug)) = pairs.iter().find(|(k, _)| k == url::VIEW) {
            if ViewId::from_slug(slug).is_none() {
                let shown: String = slug.chars().take(40).collect();
                notices.push(format!(
                    "The link names a view \u{201c}{shown}\u{201d} this app does not have; it opened Ask."
                ));
            }
        }
        apply(store, &state);
        store.url_notices.set(notices);
        applied.set(true);
    });

    // Write every later change back.
    Effect::new(move |_| {
        if !applied.get() {
            return;
        }
        let Some(state) = current_state(store) else {
            return;
        };
        let mut params = query.get_untracked();
        for key in url::SHARED {
            params.remove(key);
        }
        for (key, value) in state.to_pairs() {
            params.replace(key, value);
        }
        let next = params.to_query_string();
        let now = window().location().search().unwrap_or_default();
        if next != now && !(next.is_empty() && now == "?") {
            let target = if next.is_empty() {
                "?".to_string()
            } else {
                next
            };
            navigate(&target, url::query_write(true));
        }
    });
}

/// Applies what a link names; anything it does not name keeps its default.
pub(crate) fn apply(store: AppStore, state: &ShareState) {
    if let Some(q) = &state.question {
        store.question.set(q.clone());
    }
    if let Some(r) = state.retrieval {
        store.retrieval.set(r);
    }
    if let Some(t) = state.tuned {
        store.tuned.set(t);
    }
    store.update(|bench| {
        if let Some(v) = &state.version {
            let _ = bench.set_version(v, &BrowserClock);
        }
        let mut settings = bench.settings();
        settings.k = state.k.unwrap_or(settings.k);
        settings.threshold = state.threshold.unwrap_or(settings.threshold);
        settings.curated = state.curated.unwrap_or(settings.curated);
        let _ = bench.set_settings(settings, &BrowserClock);
    });
}

/// The state as it stands, with defaults left out so plain links stay short.
fn current_state(store: AppStore) -> Option<ShareState> {
    let question = store.question.get();
    let retrieval = store.retrieval.get();
    let tuned = store.tuned.get();
    store.with(|bench| {
        let defaults = RetrievalSettings::default();
        let settings = bench.settings();
        let latest = bench.corpus().latest();
        ShareState {
            question: Some(question).filter(|q| !q.trim().is_empty()),
            retrieval: (!retrieval).then_some(false),
            tuned: (!tuned).then_some(false),
            version: (bench.version() != latest).then(|| bench.version().to_string()),
            k: (settings.k != defaults.k).then_some(settings.k),
            threshold: ((settings.threshold - defaults.threshold).abs() > 1e-6)
                .then_some(settings.threshold),
            curated: (settings.curated != defaults.curated).then_some(settings.curated),
        }
    })
}
