//! The live "choosing the documents" demonstration: recall with every document indexed and
//! with the outdated and low-signal ones left out, measured by `core::curation` on demand.

use leptos::prelude::*;

use crate::core::curation::{compare, CurationComparison, Recall};
use crate::ui::components::figure_download::CsvDownload;
use crate::ui::content::concepts::curation as text;
use crate::ui::state::{AppStore, BrowserClock};

fn percent(recall: &Recall) -> String {
    format!(
        "{:.0}% ({} of {})",
        recall.share() * 100.0,
        recall.hits,
        recall.total
    )
}

/// A button and, once measured, a two-row table.
#[component]
pub(crate) fn CurationDemo() -> impl IntoView {
    let store = AppStore::use_context();
    let result = RwSignal::new(None::<(String, CurationComparison)>);
    let failed = RwSignal::new(None::<String>);
    let table = NodeRef::new();
    let measure = move |_| match store.update(|bench| {
        let version = bench.version().to_string();
        compare(bench, &BrowserClock).map(|c| (version, c))
    }) {
        Some(Ok(found)) => result.set(Some(found)),
        Some(Err(e)) => failed.set(Some(e.to_string())),
        None => failed.set(Some(store.pending_note().to_string())),
    };
    view! {
        <div class="curation">
            <p class="curation__explain">{text::EXPLAIN}</p>
            <button type="button" class="curation__measure" on:click=measure>{text::MEASURE}</button>
            {move || failed.get().map(|m| view! { <p role="alert">{m}</p> })}
            {move || result.get().map(|(version, c)| {
                let row = |label: &'static str, r: Recall| view! {
                    <tr>
                        <th scope="row">{label}</th>
                        <td>{r.passages.to_string()}</td>
                        <td>{percent(&r)}</td>
                    </tr>
                };
                view! {
                    <table class="curation__table" node_ref=table>
                        <caption>{text::CAPTION}" ("{version}")"</caption>
                        <thead>
                            <tr>{text::HEADINGS.map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                        </thead>
                        <tbody>
                            {row(text::ALL, c.all)}
                            {row(text::CURATED, c.curated)}
                        </tbody>
                    </table>
                    <CsvDownload table=table slug="curation-recall-table" what="the recall table"/>
                }
            })}
        </div>
    }
}
