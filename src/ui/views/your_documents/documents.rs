//! The learner's documents: title, where it came from, size, and Remove. Titles and file names
//! are user text, shown as text.

use leptos::prelude::*;

use crate::core::own_documents::{human_bytes, UserDocument};
use crate::core::scenario::ActiveCorpus;
use crate::ui::components::figure_download::CsvDownload;
use crate::ui::state::learner_work::LearnerWork;
use crate::ui::state::AppStore;

/// Removes document `id` and rebuilds the index of what is left (or returns to the sample
/// corpus when nothing is left).
pub(crate) async fn remove_document(
    store: AppStore,
    work: LearnerWork,
    id: &str,
) -> Result<(), String> {
    let remaining: Vec<UserDocument> = work
        .documents
        .get_untracked()
        .into_iter()
        .filter(|d| d.id != id)
        .collect();
    if remaining.is_empty() {
        work.switch(store, ActiveCorpus::Sample)?;
        work.forget_parked_mine();
        work.documents.set(remaining);
        return Ok(());
    }
    let Some(bench) = work
        .build_with_stepwise(store, &remaining, |_| (), || false)
        .await?
    else {
        return Ok(());
    };
    work.documents.set(remaining);
    work.forget_parked_mine();
    work.install_mine(store, bench);
    Ok(())
}

/// The table of documents.
#[component]
pub(crate) fn DocumentList() -> impl IntoView {
    let store = AppStore::use_context();
    let work = LearnerWork::use_context();
    let error = RwSignal::new(None::<String>);
    // One removal at a time: each rebuilds from the documents as they were when it started.
    let removing = RwSignal::new(false);
    let table = NodeRef::<leptos::html::Table>::new();
    let rows = move || {
        work.documents
            .get()
            .into_iter()
            .map(|doc| {
                let id = doc.id.clone();
                let label = format!("Remove {}", doc.title);
                view! {
                    <tr>
                        <td class="mine__doc-title">{doc.title.clone()}</td>
                        <td>{doc.source.clone()}</td>
                        <td class="mine__num">{human_bytes(doc.text.len())}</td>
                        <td data-csv-skip="">
                            <button type="button" aria-label=label prop:disabled=move || removing.get()
                                on:click=move |_| {
                                    if removing.get_untracked() {
                                        return;
                                    }
                                    removing.set(true);
                                    let id = id.clone();
                                    leptos::task::spawn_local(async move {
                                        error.try_set(remove_document(store, work, &id).await.err());
                                        removing.try_set(false);
                                    });
                                }>
                                "Remove"
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="mine__docs" aria-labelledby="mine-docs-title">
            <h3 id="mine-docs-title">
                "Your documents (" {move || work.documents.with(Vec::len)} ")"
            </h3>
            {move || error.get().map(|e| view! { <p role="alert">{e}</p> })}
            <Show
                when=move || !work.documents.with(Vec::is_empty)
                fallback=|| view! { <p class="view__note">"None yet. Add a text or a file above."</p> }
            >
                <div class="mine__table-wrap" tabindex="0" role="region" aria-label="Your documents table">
                    <table class="mine__table" node_ref=table>
                        <thead>
                            <tr><th scope="col">"Title"</th><th scope="col">"From"</th>
                                <th scope="col">"Size"</th><th scope="col" data-csv-skip=""><span class="visually-hidden">"Actions"</span></th></tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <CsvDownload table=table slug="your-documents-table" what="the table of your documents"/>
            </Show>
        </section>
    }
}
