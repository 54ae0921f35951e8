//! Copy link and copy iframe code: small buttons in the header ("Start over" is beside them,
//! in `components::start_over`).

mod dialog;
pub(crate) mod snippet;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::ui::state::ViewId;
use dialog::IframeDialog;

/// The buttons, a live region that says what happened, and a fallback field for manual copy.
#[component]
pub(crate) fn ShareBar(current: Memo<ViewId>) -> impl IntoView {
    let status = RwSignal::new(String::new());
    // Shown when the clipboard refuses: the link, selected, for Ctrl+C.
    let manual = RwSignal::new(None::<String>);
    let dialog_open = RwSignal::new(false);
    let manual_field = NodeRef::<leptos::html::Input>::new();

    let copy_link = move |_| {
        let href = window().location().href().unwrap_or_default();
        copy_text(href, status, manual, "Link copied");
    };

    Effect::new(move |_| {
        if manual.get().is_some() {
            if let Some(field) = manual_field.get() {
                let _ = field.focus();
                field.select();
            }
        }
    });

    view! {
        <div class="share-bar" role="group" aria-label="Share">
            <button type="button" class="share-bar__button" on:click=copy_link>
                "Copy link"
            </button>
            <button
                type="button"
                class="share-bar__button"
                id="share-embed-button"
                aria-haspopup="dialog"
                on:click=move |_| dialog_open.set(true)
            >
                "Embed…"
            </button>
            <p class="share-bar__status" role="status">{move || status.get()}</p>
            {move || manual.get().map(|text| view! {
                <label class="share-bar__manual">
                    "Copy this link with Ctrl+C (⌘C):"
                    <input node_ref=manual_field type="text" readonly prop:value=text/>
                </label>
            })}
            <IframeDialog open=dialog_open current=current status=status/>
        </div>
    }
}

/// Copies `text` with the clipboard API; when that is missing or refused, shows the text in a
/// selected field (`manual`) instead. `done` goes to the live region on success.
pub(crate) fn copy_text(
    text: String,
    status: RwSignal<String>,
    manual: RwSignal<Option<String>>,
    done: &'static str,
) {
    let navigator = window().navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .map(|c| !c.is_undefined())
        .unwrap_or(false);
    if !has_clipboard {
        status.set("Copying is not allowed here: select the text and copy it".into());
        manual.set(Some(text));
        return;
    }
    let promise = navigator.clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        match JsFuture::from(promise).await {
            Ok(_) => {
                manual.set(None);
                status.set(done.into());
            }
            Err(_) => {
                status.set("Copying is not allowed here: select the text and copy it".into());
                manual.set(Some(text));
            }
        }
    });
}

/// Focuses an element by id (used to return focus after the dialog closes).
pub(crate) fn focus_by_id(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}
