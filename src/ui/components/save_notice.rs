//! A notice above every view while saved documents are being rebuilt, when saved work could
//! not be restored at start-up, or when the latest save failed (storage full or blocked): the
//! learner must not lose work unawares.

use leptos::prelude::*;

use crate::ui::state::workspace::Workspace;

/// The restore's progress, the start-up restore notice and any save failure (the last two
/// dismissable).
#[component]
pub fn SaveNotice() -> impl IntoView {
    let work = Workspace::use_context();
    let failed = move || {
        let status = work.saved.get();
        status.is_error().then(|| status.to_string())
    };
    view! {
        {move || work.restoring.get().map(|text| view! {
            <p class="url-notice save-notice save-notice--restoring" role="status">{text}</p>
        })}
        {move || work.notice.get().map(|text| view! {
            <p class="url-notice save-notice" role="alert">
                {text} " "
                <a href="?view=mine">"Your documents"</a>
                " "
                <button type="button" class="link-button" on:click=move |_| work.notice.set(None)>
                    "Dismiss"
                </button>
            </p>
        })}
        {move || failed().map(|text| view! {
            <p class="url-notice save-notice save-notice--failed" role="alert">{text}</p>
        })}
    }
}
