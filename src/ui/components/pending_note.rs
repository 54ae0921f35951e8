//! What a view shows in place of its content until the pipeline is ready.

use leptos::prelude::*;

use crate::ui::state::AppStore;

/// "Loading the model and documents…" while start-up runs; after a start-up failure, that
/// nothing can show here (the message above the view says why), so no view keeps promising a
/// load that will never finish.
#[component]
pub(crate) fn PendingNote() -> impl IntoView {
    let store = AppStore::use_context();
    view! { <p class="view__note" role="status">{move || store.pending_note()}</p> }
}
