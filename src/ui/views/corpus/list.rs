//! The documents of the current version: title, kind, date, quality flag with its note, and an
//! "edited" marker. Choosing one opens it in the panel beside the list.

use leptos::prelude::*;

use super::rows::current_rows;
use super::CorpusState;
use crate::ui::components::badges::{EditedBadge, QualityBadge};
use crate::ui::components::kinds::KindTag;
use crate::ui::state::AppStore;

/// Width below which the list and the panel stack (as in `corpus.css`).
const STACKED_BELOW_PX: f64 = 760.0;

/// On a phone the panel sits below the list, out of sight: bring it into view.
fn reveal_panel_on_narrow_screens() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let narrow = window
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w <= STACKED_BELOW_PX);
    if narrow {
        if let Some(panel) = window
            .document()
            .and_then(|d| d.get_element_by_id("doc-panel"))
        {
            panel.scroll_into_view();
        }
    }
}

/// The list.
#[component]
pub(crate) fn DocumentList() -> impl IntoView {
    let store = AppStore::use_context();
    let state = expect_context::<CorpusState>();
    let rows = Memo::new(move |_| store.with(current_rows).unwrap_or_default());
    let items = move || {
        rows.get()
            .into_iter()
            .map(|row| {
                let id = row.id.clone();
                let open_id = row.id.clone();
                let is_open = move || state.open.get().as_deref() == Some(open_id.as_str());
                let is_open_too = is_open.clone();
                let passages = if row.curated_out {
                    "not indexed (curated out)".to_string()
                } else {
                    format!(
                        "{} passage{}",
                        row.passages,
                        if row.passages == 1 { "" } else { "s" }
                    )
                };
                view! {
                    <li class="doc-item" class:doc-item--open=is_open_too>
                        <button
                            type="button"
                            class="doc-item__open"
                            aria-current=move || is_open().then_some("true")
                            on:click=move |_| {
                                state.open.set(Some(id.clone()));
                                state.editing.set(false);
                                reveal_panel_on_narrow_screens();
                            }
                        >
                            {row.title}
                        </button>
                        <div class="doc-item__meta">
                            <KindTag kind=row.kind/>
                            <span>{row.date}</span>
                            <span>{passages}</span>
                            <QualityBadge quality=row.quality/>
                            {row.edited.then(|| view! { <EditedBadge/> })}
                        </div>
                        {row.note.map(|n| view! { <p class="doc-item__note">{n}</p> })}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="panel doc-list" aria-labelledby="doc-list-title">
            <h3 id="doc-list-title">
                {move || format!("Documents ({})", rows.with(Vec::len))}
            </h3>
            <ul class="doc-list__items">{items}</ul>
        </section>
    }
}
