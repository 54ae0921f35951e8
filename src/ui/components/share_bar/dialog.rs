//! The "copy iframe code" dialog: a native modal `<dialog>` (focus stays inside, Esc closes),
//! with the snippet for the current state and a copy button; focus returns to the opener.

use leptos::prelude::*;

use super::snippet::{iframe_code, suggested_height};
use super::{copy_text, focus_by_id};
use crate::ui::state::ViewId;

const OPENER_ID: &str = "share-embed-button";

/// The dialog; `open` shows and hides it.
#[component]
pub fn IframeDialog(
    open: RwSignal<bool>,
    current: Memo<ViewId>,
    status: RwSignal<String>,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let code = RwSignal::new(String::new());
    let manual = RwSignal::new(None::<String>);
    let inner_status = RwSignal::new(String::new());

    Effect::new(move |_| {
        let Some(element) = dialog.get() else {
            return;
        };
        if open.get() {
            let location = window().location();
            let href = location.href().unwrap_or_default();
            let search = location.search().unwrap_or_default();
            let page = href
                .split(['?', '#'])
                .next()
                .unwrap_or_default()
                .to_string();
            code.set(iframe_code(
                &page,
                &search,
                suggested_height(current.get_untracked().slug()),
            ));
            inner_status.set(String::new());
            if !element.open() {
                let _ = element.show_modal();
            }
        } else if element.open() {
            element.close();
        }
    });

    // When the clipboard refuses, select the snippet so Ctrl+C copies it.
    Effect::new(move |_| {
        if manual.get().is_some() {
            select_code();
        }
    });

    let close = move || {
        open.set(false);
        focus_by_id(OPENER_ID);
    };

    view! {
        <dialog
            node_ref=dialog
            class="iframe-dialog"
            aria-labelledby="iframe-dialog-title"
            on:close=move |_| {
                if open.get_untracked() {
                    close();
                }
            }
        >
            <h2 id="iframe-dialog-title" class="iframe-dialog__title">"Embed this view"</h2>
            <p class="iframe-dialog__lead">
                "Paste this into a course page or LMS. It opens this view with the current "
                "question and settings, without the header and navigation. Hosts can follow "
                "the app's height through its resize messages (see the README)."
            </p>
            <label class="iframe-dialog__label" for="iframe-dialog-code">"Iframe code"</label>
            <textarea
                id="iframe-dialog-code"
                class="iframe-dialog__code"
                readonly
                rows="5"
                prop:value=move || code.get()
            ></textarea>
            <p class="iframe-dialog__status" role="status">{move || inner_status.get()}</p>
            <div class="iframe-dialog__actions">
                <button
                    type="button"
                    class="share-bar__button"
                    on:click=move |_| {
                        copy_text(code.get_untracked(), inner_status, manual, "Iframe code copied");
                    }
                >
                    "Copy code"
                </button>
                <button type="button" class="share-bar__button" on:click=move |_| {
                    status.set(String::new());
                    close();
                }>"Close"</button>
            </div>
        </dialog>
    }
}

/// Selects the snippet for manual copying when the clipboard is unavailable.
fn select_code() {
    use wasm_bindgen::JsCast;
    if let Some(area) = document()
        .get_element_by_id("iframe-dialog-code")
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        let _ = area.focus();
        area.select();
    }
}
