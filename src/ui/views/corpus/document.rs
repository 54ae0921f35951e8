//! The open document: read it, edit its text and save (the index rebuilds), or reset it to the
//! published text. Text is always rendered as text, so markup in a document stays visible
//! characters and never runs.

use leptos::prelude::*;

use super::rows::{current_rows, DocRow};
use super::CorpusState;
use crate::core::own_documents::{human_bytes, MAX_FILE_BYTES};
use crate::core::workbench::RebuildTimings;
use crate::ui::components::badges::{EditedBadge, QualityBadge};
use crate::ui::components::kinds::KindTag;
use crate::ui::state::{AppStore, BrowserClock};

/// The open document with its current text.
#[derive(Clone, Debug, PartialEq)]
struct OpenDoc {
    row: DocRow,
    text: String,
}

fn total_ms(t: RebuildTimings) -> f64 {
    t.chunk_ms + t.embed_ms + t.index_ms
}

/// The panel beside the list.
#[component]
pub(crate) fn DocumentPanel() -> impl IntoView {
    let store = AppStore::use_context();
    let state = expect_context::<CorpusState>();
    let open_doc = Memo::new(move |_| {
        let id = state.open.get()?;
        store
            .with(|b| {
                let row = current_rows(b).into_iter().find(|r| r.id == id)?;
                let text = b.document_text(&id)?;
                Some(OpenDoc { row, text })
            })
            .flatten()
    });
    let version = Memo::new(move |_| store.with(|b| b.version().to_string()).unwrap_or_default());

    let save = move |id: String, title: String| {
        let text = state.draft.get_untracked();
        // Saved work keeps edits up to this size; a longer one could not be kept after a
        // reload, so it is refused here with the draft left open.
        if text.len() > MAX_FILE_BYTES {
            state.message.set(Some(format!(
                "Could not save “{title}”: the text is {}, over the {} an edited document can \
                 have. Your draft is still open: shorten it and save again.",
                human_bytes(text.len()),
                human_bytes(MAX_FILE_BYTES)
            )));
            return;
        }
        let outcome = store.update(|b| {
            b.edit_document(&id, text, &BrowserClock).map(|_| {
                let edited = b.edits().get(&id, b.version()).is_some();
                (edited, b.rebuild_timings(), b.chunks().len())
            })
        });
        state.message.set(match outcome {
            Some(Ok((true, t, n))) => Some(format!(
                "Saved “{title}”; index rebuilt in {:.1} ms ({n} passages).",
                total_ms(t)
            )),
            Some(Ok((false, t, _))) => Some(format!(
                "Saved “{title}”: it now matches the original, so it is no longer marked edited \
                 (index rebuilt in {:.1} ms).",
                total_ms(t)
            )),
            Some(Err(e)) => Some(format!("Could not save “{title}”: {e}")),
            None => None,
        });
        state.editing.set(false);
    };
    let reset = move |id: String, title: String| {
        let outcome = store.update(|b| {
            b.reset_document(&id, &BrowserClock)
                .map(|()| b.rebuild_timings())
        });
        state.message.set(match outcome {
            Some(Ok(t)) => Some(format!(
                "Restored “{title}” to the original; index rebuilt in {:.1} ms.",
                total_ms(t)
            )),
            Some(Err(e)) => Some(format!("Could not reset “{title}”: {e}")),
            None => None,
        });
        state.editing.set(false);
    };

    let body = move || {
        let Some(doc) = open_doc.get() else {
            let text = match state.open.get() {
                Some(_) => format!(
                    "That document is not part of {}. Choose one from the list.",
                    version.get()
                ),
                None => "Choose a document from the list to read or edit it.".to_string(),
            };
            return view! { <p class="inspector__note">{text}</p> }.into_any();
        };
        let OpenDoc { row, text } = doc;
        let (id_save, id_reset, id_reset2) = (row.id.clone(), row.id.clone(), row.id.clone());
        let (title_save, title_reset, title_reset2) =
            (row.title.clone(), row.title.clone(), row.title.clone());
        let edited = row.edited;
        let start_text = text.clone();
        let reset_button = move |id: String, title: String| {
            edited.then(|| {
                view! {
                    <button
                        type="button"
                        class="doc-reset"
                        on:click=move |_| reset(id.clone(), title.clone())
                    >
                        "Reset to original"
                    </button>
                }
            })
        };
        let reading = move || {
            let text = text.clone();
            let start_text = start_text.clone();
            let reset_now = reset_button(id_reset.clone(), title_reset.clone());
            view! {
                <div class="doc-actions">
                    <button
                        type="button"
                        class="primary doc-edit"
                        on:click=move |_| {
                            state.draft.set(start_text.clone());
                            state.editing.set(true);
                        }
                    >
                        "Edit text"
                    </button>
                    {reset_now}
                </div>
                <div class="doc-text" tabindex="0" role="region" aria-label="Document text">
                    {text}
                </div>
            }
        };
        let editing = move || {
            let (id, title) = (id_save.clone(), title_save.clone());
            let reset_now = reset_button(id_reset2.clone(), title_reset2.clone());
            view! {
                <label class="doc-editor__label" for="doc-editor">
                    "Text (Markdown; saving re-chunks, re-embeds and re-indexes it)"
                </label>
                <textarea
                    id="doc-editor"
                    class="doc-editor"
                    spellcheck="false"
                    prop:value=state.draft.get_untracked()
                    on:input=move |ev| state.draft.set(event_target_value(&ev))
                ></textarea>
                <p class="inspector__note">
                    {move || format!("{} characters", state.draft.with(|d| d.chars().count()))}
                </p>
                <div class="doc-actions">
                    <button
                        type="button"
                        class="primary doc-save"
                        on:click=move |_| save(id.clone(), title.clone())
                    >
                        "Save"
                    </button>
                    <button type="button" class="doc-cancel" on:click=move |_| state.editing.set(false)>
                        "Cancel"
                    </button>
                    {reset_now}
                </div>
            }
        };
        view! {
            <h3 class="doc-panel__title">{row.title}</h3>
            <div class="doc-panel__meta">
                <KindTag kind=row.kind/>
                <span>{format!("{} · dated {}", version.get(), row.date)}</span>
                <QualityBadge quality=row.quality/>
                {edited.then(|| view! { <EditedBadge/> })}
            </div>
            {row.note.map(|n| view! { <p class="doc-panel__note">{n}</p> })}
            {move || if state.editing.get() { editing().into_any() } else { reading().into_any() }}
        }
        .into_any()
    };
    view! {
        <section id="doc-panel" class="panel doc-panel" aria-label="Open document">
            {body}
        </section>
    }
}
