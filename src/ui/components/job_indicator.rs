//! The header's note while a long job runs (a training run goes on when its view is left), so
//! the learner knows work is under way wherever they are. Styles in `shell.css`.

use leptos::prelude::*;

use crate::ui::state::AppStore;

/// "Training: 40%", shown only while a job runs (`AppStore::job`, kept by `state::jobs`).
#[component]
pub(crate) fn JobIndicator() -> impl IntoView {
    let store = AppStore::use_context();
    move || {
        store
            .job
            .get()
            .map(|text| view! { <p class="job-indicator" role="status">{text}</p> })
    }
}
