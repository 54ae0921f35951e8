//! The corpus view (`?view=corpus`): pick a version, list its documents with their kind, date
//! and quality, open one to read it, edit and save it (the index rebuilds), or reset it.

mod document;
mod list;
pub(crate) mod rows;
mod versions;

use leptos::prelude::*;

use crate::ui::components::curation_toggle::CurationToggle;
use crate::ui::components::pending_note::PendingNote;
use crate::ui::state::AppStore;
use document::DocumentPanel;
use list::DocumentList;
use rows::IndexStatus;
use versions::VersionSwitcher;

/// The view's own state, shared by its parts.
#[derive(Clone, Copy)]
pub(crate) struct CorpusState {
    /// The open document's id.
    pub(crate) open: RwSignal<Option<String>>,
    /// The last thing a save, reset or switch did, for the status line.
    pub(crate) message: RwSignal<Option<String>>,
    /// True while the open document is being edited.
    pub(crate) editing: RwSignal<bool>,
    /// The text in the editor (kept here, so a rebuild elsewhere cannot lose it).
    pub(crate) draft: RwSignal<String>,
}

/// The corpus view.
#[component]
pub(crate) fn CorpusView() -> impl IntoView {
    let store = AppStore::use_context();
    let state = CorpusState {
        open: RwSignal::new(None),
        message: RwSignal::new(None),
        editing: RwSignal::new(false),
        draft: RwSignal::new(String::new()),
    };
    provide_context(state);
    let status = Memo::new(move |_| store.with(IndexStatus::of));
    // The layout is drawn once when the workbench is ready; its parts update themselves, so a
    // rebuild does not recreate the editor under the learner's cursor.
    let ready = Memo::new(move |_| status.with(Option::is_some));
    view! {
        <section class="view corpus" aria-labelledby="view-title">
            <h2 id="view-title" class="view__title">"Corpus"</h2>
            <p class="view__lead">
                "The documents retrieval searches, as they stood at three points in time. Edit one and \
                 save: its passages are re-embedded and the index rebuilt at once, so the inspector and \
                 the answers use your text."
            </p>
            {move || if ready.get() {
                view! {
                    <VersionSwitcher/>
                    <CurationToggle on_rebuilt=Callback::new(move |message| state.message.set(message))/>
                    <StatusLine status=status/>
                    <div class="corpus__layout">
                        <DocumentList/>
                        <DocumentPanel/>
                    </div>
                }.into_any()
            } else {
                view! { <PendingNote/> }.into_any()
            }}
        </section>
    }
}

/// Version, counts, last rebuild, and what the last action did.
#[component]
fn StatusLine(status: Memo<Option<IndexStatus>>) -> impl IntoView {
    let state = expect_context::<CorpusState>();
    let counts = move || {
        status.get().map(|s| {
            let left_out = if s.curated && s.flagged > 0 {
                format!(" ({} flagged left out)", s.flagged)
            } else {
                String::new()
            };
            format!(
                "{}: {} documents{left_out}, {} passages indexed. Last rebuild {:.1} ms.",
                s.version, s.documents, s.passages, s.rebuild_ms
            )
        })
    };
    let edits = move || {
        status.get().filter(|s| s.edits > 0).map(|s| {
            view! {
                <p class="corpus-edits">
                    <span aria-hidden="true">"✎ "</span>
                    {format!(
                        "You have edited {} document{}. Each edit belongs to the version it was made \
                         in and is kept when you switch versions.",
                        s.edits,
                        if s.edits == 1 { "" } else { "s" }
                    )}
                </p>
            }
        })
    };
    view! {
        <div class="corpus-status" role="status">
            <p class="corpus-status__counts">{counts}</p>
            {move || state.message.get().map(|m| view! {
                <p class="corpus-status__message">{m}</p>
            })}
            {edits}
        </div>
    }
}
