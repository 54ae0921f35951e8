//! Adding documents: paste a text, or choose / drop files. Each refused file is listed with its
//! reason (as text); the accepted ones are kept. Progress and Cancel while it runs.

use leptos::prelude::*;

use crate::core::own_documents::{human_bytes, MAX_DOCUMENTS, MAX_FILE_BYTES, MAX_TOTAL_BYTES};
use crate::ui::state::document_import::{ImportOutcome, Source};
use crate::ui::state::files::{files_of, take_chosen};
use crate::ui::state::learner_work::LearnerWork;
use crate::ui::state::AppStore;

/// The file types the picker offers (the importer decides; this only filters the dialog).
pub(crate) const ACCEPTED_FILES: &str = ".md,.markdown,.txt,.html,.htm,.json";

/// Paste box, file picker with a drop zone, progress, and the outcome of the last import.
/// The import itself is the learner work's ([`crate::ui::state::document_import`]): it goes on
/// when the learner leaves the view.
#[component]
pub(crate) fn AddDocuments() -> impl IntoView {
    let store = AppStore::use_context();
    let work = LearnerWork::use_context();
    let import = work.import;
    let title = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let dragging = RwSignal::new(false);
    // A paste accepted whole empties the box (not on the first run: that is an older import).
    Effect::new(move |first: Option<()>| {
        import.pasted.track();
        if first.is_some() {
            title.set(String::new());
            text.set(String::new());
        }
    });
    let busy = move || import.busy();
    let start = move |source: Source| import.start(store, work, source);
    let on_paste = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        start(Source::Paste {
            title: title.get_untracked(),
            text: text.get_untracked(),
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let files = take_chosen(&ev);
        if !files.is_empty() {
            start(Source::Files(files));
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = files_of(ev.data_transfer().and_then(|d| d.files()));
        if !files.is_empty() {
            start(Source::Files(files));
        }
    };
    let cancel_click = move |_: leptos::ev::MouseEvent| import.cancel();

    view! {
        <section class="mine__add" aria-labelledby="mine-add-title">
            <h3 id="mine-add-title">"Add documents"</h3>
            <p class="mine__limits">
                {format!(
                    "Markdown, plain text, HTML (only its text is kept) or JSON ([{{\"title\", \"text\"}}]). \
                     Up to {} per file, {} in all, {} documents.",
                    human_bytes(MAX_FILE_BYTES), human_bytes(MAX_TOTAL_BYTES), MAX_DOCUMENTS
                )}
            </p>
            <div class="mine__add-ways">
                <form class="mine__paste" on:submit=on_paste>
                    <label for="mine-paste-title">"Title"</label>
                    <input id="mine-paste-title" type="text" maxlength="200" autocomplete="off"
                        prop:value=move || title.get()
                        on:input=move |ev| title.set(event_target_value(&ev))/>
                    <label for="mine-paste-text">"Text"</label>
                    <textarea id="mine-paste-text" rows="6"
                        placeholder="Paste a page of your handbook, a policy, release notes…"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                    <button type="submit" class="primary" prop:disabled=busy>"Add this text"</button>
                </form>
                <div
                    class="mine__drop"
                    class:mine__drop--over=move || dragging.get()
                    on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                    on:dragleave=move |_| dragging.set(false)
                    on:drop=on_drop
                >
                    <label for="mine-files" class="mine__drop-label">
                        "Drop files here, or choose them:"
                    </label>
                    <input id="mine-files" type="file" multiple accept=ACCEPTED_FILES
                        prop:disabled=busy on:change=on_pick/>
                </div>
            </div>
            {move || import.progress.get().map(|p| {
                view! {
                <div class="mine__progress" role="status">
                    <label for="mine-import-progress">{p.step.clone()} "…"</label>
                    <progress id="mine-import-progress" max=p.total.to_string() value=p.done.to_string()></progress>
                    <button type="button" on:click=cancel_click>"Cancel"</button>
                </div>
            }})}
            <ImportReport outcome=import.outcome/>
        </section>
    }
}

/// The outcome of the last import: a summary and every refused file's reason.
#[component]
fn ImportReport(outcome: RwSignal<Option<ImportOutcome>>) -> impl IntoView {
    move || {
        outcome.get().map(|o| {
            let summary = if o.cancelled {
                "Import cancelled: nothing was changed.".to_string()
            } else if let Some(why) = &o.failed {
                format!("Nothing was added: {why}")
            } else {
                o.staged.summary()
            };
            let refused = o
                .staged
                .refused
                .iter()
                .map(|r| view! { <li>{r.clone()}</li> })
                .collect_view();
            view! {
                <div class="mine__report" role="status">
                    <p class="mine__summary">{summary}</p>
                    {(!o.staged.refused.is_empty()).then(|| view! {
                        <ul class="mine__refused" aria-label="Refused">{refused}</ul>
                    })}
                </div>
            }
        })
    }
}
