//! Start-up progress and start-up failure, shown above the current view.

use leptos::prelude::*;

use crate::ui::state::{AppStore, LoadState};

/// A progress bar while the model and documents load; a clear message if they cannot.
#[component]
pub(crate) fn LoadStatus() -> impl IntoView {
    let store = AppStore::use_context();
    move || match store.load.get() {
        LoadState::Ready => ().into_any(),
        LoadState::Loading(step, done) => {
            let percent = (done * 100.0).round() as u32;
            view! {
                <div class="load-status" role="status" aria-live="polite">
                    <span class="load-status__step">{step}"…"</span>
                    <progress
                        class="load-status__bar"
                        max="100"
                        value=percent
                        aria-label="Loading the model and documents"
                    ></progress>
                </div>
            }
            .into_any()
        }
        LoadState::Failed(message) => view! {
            <div class="load-status load-status--failed" role="alert">
                <strong>"The explainer could not start. "</strong>
                <span>{message}</span>
                <p>
                    "Reload the page to try again. If you opened the file directly from disk, "
                    "serve the folder instead (see the README), or use the single-file build."
                </p>
            </div>
        }
        .into_any(),
    }
}
