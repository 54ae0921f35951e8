//! A notice above every view while saved documents are being rebuilt, when saved work could
//! not be restored at start-up, when the latest save failed (storage full or blocked), when
//! another tab changed the work too, or when a stored copy is held: the learner must not lose
//! work unawares, and where saving waits for a choice the choice is right here.

use leptos::prelude::*;

use crate::ui::state::learner_work::LearnerWork;
use crate::ui::state::persist::{self, SaveStatus, Settle};
use crate::ui::state::AppStore;

/// The restore's progress, the start-up restore notice and any save failure (the last two
/// dismissable).
#[component]
pub(crate) fn SaveNotice() -> impl IntoView {
    let store = AppStore::use_context();
    let work = LearnerWork::use_context();
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
            <div class="url-notice save-notice save-notice--failed" role="alert">
                <p>{text}</p>
                <SaveChoices store work/>
            </div>
        })}
    }
}

/// The choices a waiting save offers: whose work to keep after two tabs changed it, or what to
/// do with a stored copy that could not be restored.
#[component]
fn SaveChoices(store: AppStore, work: LearnerWork) -> impl IntoView {
    let said = RwSignal::new(None::<String>);
    let settle = move |choice| persist::settle(store, work, choice);
    move || {
        match work.saved.get() {
        SaveStatus::ChangedElsewhere => view! {
            <p class="save-notice__choices">
                <button type="button" on:click=move |_| settle(Settle::KeepBoth)>
                    "Keep both (add the other tab\u{2019}s documents and pairs to mine)"
                </button>
                " "
                <button type="button" on:click=move |_| settle(Settle::TakeTheirs)>
                    "Use the other tab\u{2019}s work"
                </button>
                " "
                <button type="button" on:click=move |_| settle(Settle::KeepMine)>
                    "Keep mine"
                </button>
            </p>
        }
        .into_any(),
        SaveStatus::Held(_) => view! {
            <p class="save-notice__choices">
                <Show when=move || work.saving.has_held_copy()>
                    <button type="button" on:click=move |_| said.set(Some(persist::download_held_copy(work)))>
                        "Download the stored copy"
                    </button>
                    " "
                </Show>
                <button type="button" on:click=move |_| persist::save_over(store, work)>
                    "Save this tab\u{2019}s work in its place"
                </button>
                " "
                {move || said.get()}
            </p>
        }
        .into_any(),
        _ => ().into_any(),
    }
    }
}
