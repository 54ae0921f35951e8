//! The version switcher: one radio per corpus version with its effective date and label.
//! Switching rebuilds the whole index (the graph has no insert).

use leptos::prelude::*;

use super::CorpusState;
use crate::ui::state::{AppStore, BrowserClock};

/// The switcher.
#[component]
pub(crate) fn VersionSwitcher() -> impl IntoView {
    let store = AppStore::use_context();
    let state = expect_context::<CorpusState>();
    let versions = store
        .with_untracked(|b| b.corpus().versions.clone())
        .unwrap_or_default();
    let current = Memo::new(move |_| store.with(|b| b.version().to_string()).unwrap_or_default());
    let switch = move |id: String| {
        let outcome = store.update(|b| {
            b.set_version(&id, &BrowserClock)
                .map(|()| b.rebuild_timings())
        });
        state.message.set(match outcome {
            Some(Ok(t)) => Some(format!(
                "Switched to {id}; index rebuilt in {:.1} ms.",
                t.chunk_ms + t.embed_ms + t.index_ms
            )),
            Some(Err(e)) => Some(format!("Could not switch to {id}: {e}")),
            None => None,
        });
    };
    let options = versions
        .into_iter()
        .map(|v| {
            let id = v.id.clone();
            let checked_id = v.id.clone();
            view! {
                <label class="version-option">
                    <input
                        type="radio"
                        name="corpus-version"
                        value=v.id.clone()
                        prop:checked=move || current.get() == checked_id
                        on:change=move |_| switch(id.clone())
                    />
                    <span class="version-option__id">{v.id}</span>
                    <span class="version-option__date">{format!("effective {}", v.date)}</span>
                    <span class="version-option__label">{v.label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="versions">
            <legend>"Corpus version"</legend>
            <div class="versions__options">{options}</div>
        </fieldset>
    }
}
