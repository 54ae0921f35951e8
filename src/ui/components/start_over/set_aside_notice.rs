//! The notice after a step set the learner's work aside (Start over, a workshop-start link, a
//! tour step or "Show me" that needs the documents as shipped): what happened, and Undo.

use leptos::prelude::*;

use crate::ui::state::learner_work::LearnerWork;
use crate::ui::state::workshop::Workshop;
use crate::ui::state::AppStore;

/// Shown at the top of the main area while a set-aside copy is kept.
#[component]
pub(crate) fn SetAsideNotice() -> impl IntoView {
    let store = AppStore::use_context();
    let work = LearnerWork::use_context();
    let workshop = Workshop::use_context();
    move || {
        let kept = workshop.set_aside.get()?;
        Some(view! {
            <p class="set-aside-notice" role="status">
                <span>{kept.note}" "</span>
                <button type="button" class="link-button"
                    disabled=move || workshop.undoing.get()
                    on:click=move |_| workshop.undo(store, work)>
                    {move || if workshop.undoing.get() { "Putting it back…" } else { "Undo" }}
                </button>
                " · "
                <button type="button" class="link-button"
                    on:click=move |_| workshop.set_aside.set(None)>"Dismiss"</button>
            </p>
        })
    }
}
