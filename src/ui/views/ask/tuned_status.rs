//! Which snapshot the tuned weights hold, and a one-click retrain on the documents in view.

use leptos::prelude::*;

use crate::core::workbench::{TrainData, TuneSettings};
use crate::ui::state::{AppStore, BrowserClock};

/// "Tuned model: trained on v1 (2024-01-15)" with a retrain button when the documents moved on.
#[component]
pub(crate) fn TunedStatus() -> impl IntoView {
    let store = AppStore::use_context();
    let status = Memo::new(move |_| {
        store.with(|b| {
            let trained = b
                .tuned()
                .map(|t| (t.version.clone(), t.date.clone(), t.train_ms));
            let single = b.corpus().versions.len() == 1;
            (trained, b.version().to_string(), single)
        })
    });
    let message = RwSignal::new(None::<String>);
    let retrain = move |_| {
        let settings = TuneSettings {
            data: TrainData::Current,
            ..TuneSettings::default()
        };
        let outcome = store.update(|b| b.train(&settings, &BrowserClock));
        message.set(match outcome {
            Some(Err(e)) => Some(format!("Training failed: {e}")),
            _ => None,
        });
    };
    view! {
        <p class="ask__tuned-status">
            {move || match status.get() {
                // One version (the learner's documents): no snapshot date or version to name,
                // and retraining on the same pairs is the "Your documents" view's button.
                Some((Some((_, _, ms)), _, true)) => view! {
                    <span>{format!("Tuned model: trained on your pairs (took {ms:.0} ms).")}</span>
                }
                .into_any(),
                Some((Some((trained_on, date, ms)), current, false)) => {
                    let behind = trained_on != current;
                    let label = format!("Retrain on {current} now");
                    let note = format!(" The documents are now at {current}. ");
                    view! {
                        <span>
                            "Tuned model: trained on " <strong>{trained_on.clone()}</strong>
                            " (" {date} ", took " {format!("{ms:.0} ms")} ")."
                        </span>
                        {behind.then_some(note)}
                        <button type="button" class="ask__retrain" on:click=retrain>
                            {label}
                        </button>
                    }
                    .into_any()
                }
                Some((None, _, _)) => view! { <span>"No tuned model yet."</span> }.into_any(),
                None => ().into_any(),
            }}
            {move || message.get().map(|m| view! { <span role="alert">{m}</span> })}
        </p>
    }
}
