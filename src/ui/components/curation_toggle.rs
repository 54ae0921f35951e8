//! The curation switch: leave documents flagged outdated or low-signal out of the index, or
//! index everything and see what the stale and empty documents do to retrieval.

use leptos::prelude::*;

use crate::ui::state::{AppStore, BrowserClock};

/// The checkbox with what it does. `on_rebuilt` hears what the rebuild did (the corpus view
/// shows it on its status line).
#[component]
pub(crate) fn CurationToggle(
    #[prop(optional)] on_rebuilt: Option<Callback<Option<String>>>,
) -> impl IntoView {
    let store = AppStore::use_context();
    let curated = Memo::new(move |_| store.with(|b| b.settings().curated).unwrap_or(true));
    let set = move |on: bool| {
        let outcome = store.update(|b| {
            let mut settings = b.settings();
            settings.curated = on;
            b.set_settings(settings, &BrowserClock).map(|()| {
                let t = b.rebuild_timings();
                (t.chunk_ms + t.embed_ms + t.index_ms, b.chunks().len())
            })
        });
        let message = outcome.map(|result| match result {
            Ok((ms, n)) if on => format!(
                "Curation on: flagged documents left out; {n} passages indexed in {ms:.1} ms."
            ),
            Ok((ms, n)) => {
                format!("Curation off: every document indexed; {n} passages indexed in {ms:.1} ms.")
            }
            Err(e) => format!("Could not rebuild the index: {e}"),
        });
        if let Some(on_rebuilt) = on_rebuilt {
            on_rebuilt.run(message);
        }
    };
    view! {
        <div class="curation-toggle">
            <label class="curation-toggle__label">
                <input
                    type="checkbox"
                    prop:checked=move || curated.get()
                    on:change=move |ev| set(event_target_checked(&ev))
                />
                " Leave outdated and low-signal documents out of the index"
            </label>
            <p class="inspector__note">
                "A stale copy of the pricing page can outrank the current one and give an old price. \
                 Untick to index flagged documents anyway."
            </p>
        </div>
    }
}
