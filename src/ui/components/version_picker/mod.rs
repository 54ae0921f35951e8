//! "Documents as of": moves the corpus through time (v1 -> v2 -> v3). Every view follows,
//! because the workbench re-indexes and every reader re-runs.

use leptos::prelude::*;

use crate::ui::state::{AppStore, BrowserClock};

/// A segmented control over the corpus versions, with their dates.
#[component]
pub(crate) fn VersionPicker() -> impl IntoView {
    let store = AppStore::use_context();
    let versions = Memo::new(move |_| {
        store
            .with(|b| {
                b.corpus()
                    .versions
                    .iter()
                    .map(|v| (v.id.clone(), v.date.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let current = Memo::new(move |_| store.with(|b| b.version().to_string()).unwrap_or_default());
    let snapshot = Memo::new(move |_| {
        store
            .with(|b| b.corpus().snapshot.clone())
            .unwrap_or_default()
    });
    // The learner's own corpus has one version: there is no history to move through.
    let single = move || versions.with(|v| v.len() == 1);
    // Before start-up ends (or after it failed) there are no versions: no empty label.
    let known = move || versions.with(|v| !v.is_empty());
    view! {
        <Show when=known>
        <Show when=move || !single()
            fallback=|| view! {
                <p class="version-picker version-picker--single">
                    "One version of these documents: no history to move through."
                </p>
            }
        >
        <div class="version-picker" role="group" aria-label="Documents as of">
            <span class="version-picker__label">"Documents as of"</span>
            {move || versions
                .get()
                .into_iter()
                .map(|(id, date)| {
                    let target = id.clone();
                    let is_current = {
                        let id = id.clone();
                        move || current.get() == id
                    };
                    let note = if id == snapshot.get() { " (tuning snapshot)" } else { "" };
                    view! {
                        <button
                            type="button"
                            class="version-picker__option"
                            aria-pressed=move || is_current().to_string()
                            on:click=move |_| {
                                let target = target.clone();
                                store.update(|b| b.set_version(&target, &BrowserClock));
                            }
                        >
                            <span class="version-picker__id">{id.clone()}</span>
                            <span class="version-picker__date">{date}{note}</span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
        </Show>
        </Show>
    }
}
