//! Adding documents: paste a text, or choose / drop files. Each refused file is listed with its
//! reason (as text); the accepted ones are kept. Progress and Cancel while it runs.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::import::{self, ImportOutcome, ImportProgress, Source};
use crate::core::byod::{human_bytes, MAX_DOCUMENTS, MAX_FILE_BYTES, MAX_TOTAL_BYTES};
use crate::ui::state::files::{files_of, take_chosen};
use crate::ui::state::workspace::Workspace;
use crate::ui::state::AppStore;

/// The file types the picker offers (the importer decides; this only filters the dialog).
pub(crate) const ACCEPTED_FILES: &str = ".md,.markdown,.txt,.html,.htm,.json";

/// Paste box, file picker with a drop zone, progress, and the outcome of the last import.
#[component]
pub(crate) fn AddDocuments() -> impl IntoView {
    let store = AppStore::use_context();
    let work = Workspace::use_context();
    let title = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let progress = RwSignal::new(None::<ImportProgress>);
    let outcome = RwSignal::new(None::<ImportOutcome>);
    let dragging = RwSignal::new(false);
    let cancel = Arc::new(AtomicBool::new(false));
    {
        let cancel = cancel.clone();
        on_cleanup(move || cancel.store(true, Ordering::Relaxed));
    }
    let busy = move || progress.get().is_some();

    let start = {
        let cancel = cancel.clone();
        move |source: Source| {
            if progress.get_untracked().is_some() {
                return;
            }
            cancel.store(false, Ordering::Relaxed);
            progress.set(Some(ImportProgress {
                step: "Starting".into(),
                done: 0,
                total: 1,
            }));
            let cancel = cancel.clone();
            spawn_local(async move {
                let result = import::run(store, work, source, progress, cancel).await;
                let pasted_ok = !result.cancelled
                    && result.failed.is_none()
                    && result.staged.refused.is_empty();
                progress.try_set(None);
                outcome.try_set(Some(result));
                if pasted_ok {
                    title.try_set(String::new());
                    text.try_set(String::new());
                }
            });
        }
    };
    let on_paste = {
        let start = start.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            start(Source::Paste {
                title: title.get_untracked(),
                text: text.get_untracked(),
            });
        }
    };
    let on_pick = {
        let start = start.clone();
        move |ev: leptos::ev::Event| {
            let files = take_chosen(&ev);
            if !files.is_empty() {
                start(Source::Files(files));
            }
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
    let cancel_click = move |_: leptos::ev::MouseEvent| cancel.store(true, Ordering::Relaxed);

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
            {move || progress.get().map(|p| {
                let cancel_click = cancel_click.clone();
                view! {
                <div class="mine__progress" role="status">
                    <label for="mine-import-progress">{p.step.clone()} "…"</label>
                    <progress id="mine-import-progress" max=p.total.to_string() value=p.done.to_string()></progress>
                    <button type="button" on:click=cancel_click>"Cancel"</button>
                </div>
            }})}
            <ImportReport outcome=outcome/>
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
