//! Setting the live views to a [`Scene`], the whole of it, whatever the learner did before: the
//! sample documents as shipped (edits and the learner's own documents are set aside, with Undo),
//! the tuned model of the January snapshot, then the view and the tour/presenter keys in the
//! URL and the question, toggles, version and curation in the store (and from there, through
//! the URL sync, into the URL too).

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::core::workbench::TuneSettings;
use crate::ui::content::Scene;
use crate::ui::state::learner_work::LearnerWork;
use crate::ui::state::url_schema as url;
use crate::ui::state::url_sync::apply;
use crate::ui::state::workshop::show_sample_as_shipped;
use crate::ui::state::{AppStore, BrowserClock};

/// Keys the scene writes itself; the URL sync rewrites them in their short form afterwards.
const SCENE_KEYS: [&str; 5] = [
    url::QUESTION,
    url::RETRIEVAL,
    url::TUNED,
    url::VERSION,
    url::CURATED,
];

/// Returns a function that shows `scene`. `extra` sets (`Some`) or removes (`None`) other
/// query keys in the same navigation; `replace` keeps the history entry (tour steps) instead
/// of adding one (a "Show me" the learner may want to go Back from).
pub(crate) fn use_scene(
) -> impl Fn(Scene, &[(&'static str, Option<String>)], bool) + Clone + 'static {
    let store = AppStore::use_context();
    let work = LearnerWork::use_context();
    let query = use_query_map();
    let navigate = use_navigate();
    move |scene: Scene, extra: &[(&'static str, Option<String>)], replace: bool| {
        show_sample_as_shipped(store, work);
        reset_tuned_to_snapshot(store);
        let state = scene.share_state();
        let mut params = query.get_untracked();
        params.replace(url::VIEW, scene.view.slug().to_string());
        for key in SCENE_KEYS {
            params.remove(key);
        }
        for (key, value) in state.to_pairs() {
            params.replace(key, value);
        }
        if scene.question.is_none() {
            let kept = store.question.get_untracked();
            if !kept.trim().is_empty() {
                params.replace(url::QUESTION, kept);
            }
        }
        for (key, value) in extra {
            url::put(&mut params, key, value.clone());
        }
        // The router updates its location synchronously, so the URL sync (which runs after
        // the store changes below) already sees the new view and keeps it.
        // A "Show me" (a new history entry) scrolls to the top like a new page; a tour step
        // replaces the entry and keeps the place.
        let options = NavigateOptions {
            scroll: !replace,
            ..url::query_write(replace)
        };
        navigate(&params.to_query_string(), options);
        apply(store, &state);
    }
}

/// Puts the tuned model back on its training snapshot (the start-up model) when the learner
/// retrained it on a later version; returns whether it had to.
fn reset_tuned_to_snapshot(store: AppStore) -> bool {
    let behind = store
        .with_untracked(|b| b.tuned().is_some_and(|t| t.version != b.corpus().snapshot))
        .unwrap_or(false);
    if behind {
        store.update(|b| b.train(&TuneSettings::default(), &BrowserClock));
    }
    behind
}
