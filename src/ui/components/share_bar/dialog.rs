//! The "copy iframe code" dialog: a native modal `<dialog>` (focus stays inside, Esc closes),
//! with the snippet for the current state and a copy button; focus returns to the opener.

use leptos::prelude::*;

use super::snippet::{iframe_code, suggested_height, Carry};
use super::{copy_text, focus_by_id};
use crate::core::scenario::ActiveCorpus;
use crate::ui::content::embedding;
use crate::ui::state::learner_work::LearnerWork;
use crate::ui::state::url_schema as url;
use crate::ui::state::ViewId;

const OPENER_ID: &str = "share-embed-button";

/// The dialog; `open` shows and hides it.
#[component]
pub(crate) fn IframeDialog(
    open: RwSignal<bool>,
    current: Memo<ViewId>,
    status: RwSignal<String>,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let code = RwSignal::new(String::new());
    let manual = RwSignal::new(None::<String>);
    let inner_status = RwSignal::new(String::new());
    // The learner's own documents stay in this browser; an embedded app shows the sample
    // corpus, so a question asked of their documents stays out of the snippet.
    let workspace = LearnerWork::use_context();
    let carry = Memo::new(move |_| match workspace.active.get() {
        ActiveCorpus::Own => Carry::NoQuestion,
        ActiveCorpus::Sample => Carry::All,
    });
    let question_left_out = RwSignal::new(false);
    let left_out = move || {
        question_left_out.get().then(|| {
            view! {
                <p class="iframe-dialog__left-out" role="note">
                    "Your question is left out: it was asked of your own documents, which stay \
                     in this browser. The embedded app answers from the sample company's \
                     documents."
                </p>
            }
        })
    };

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
            let carry = carry.get_untracked();
            question_left_out.set(carry == Carry::NoQuestion && url::names(&search, url::QUESTION));
            code.set(iframe_code(
                &page,
                &search,
                suggested_height(current.get_untracked().slug()),
                carry,
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
                "the app's height through its resize messages: see "
                <a
                    class="iframe-dialog__help"
                    href=format!("?{}=concepts#{}", url::VIEW, embedding::ID)
                    on:click=move |_| open.set(false)
                >
                    {embedding::TITLE}
                </a>
                " on the Concepts page."
            </p>
            {left_out}
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
