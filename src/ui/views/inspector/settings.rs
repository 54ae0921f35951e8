//! The k and threshold sliders: both change the workbench's retrieval settings (cheap, no
//! rebuild), so every view that reads them updates.

use leptos::prelude::*;

use crate::core::workbench::RetrievalSettings;
use crate::ui::state::{AppStore, BrowserClock};

/// The k slider's range.
pub(crate) const K_RANGE: (usize, usize) = (1, 20);

/// Parses a slider value into k, kept inside [`K_RANGE`]; `None` for anything unreadable.
pub(crate) fn parse_k(value: &str) -> Option<usize> {
    let k: usize = value.trim().parse().ok()?;
    Some(k.clamp(K_RANGE.0, K_RANGE.1))
}

/// Parses a slider value into a threshold in `[0, 1]`; `None` for anything unreadable.
pub(crate) fn parse_threshold(value: &str) -> Option<f32> {
    let t = crate::core::decimal::parse_f32(value.trim())?;
    t.is_finite().then(|| t.clamp(0.0, 1.0))
}

fn apply(store: AppStore, change: impl FnOnce(&mut RetrievalSettings)) {
    store.update(|bench| {
        let mut settings = bench.settings();
        change(&mut settings);
        // k and the threshold never rebuild the index, so this cannot fail.
        bench.set_settings(settings, &BrowserClock)
    });
}

/// The two sliders with their values and what the threshold does.
#[component]
pub(crate) fn RetrievalSliders() -> impl IntoView {
    let store = AppStore::use_context();
    let settings = Memo::new(move |_| store.with(|b| b.settings()).unwrap_or_default());
    view! {
        <div class="sliders">
            <div class="slider">
                <label for="inspector-k">
                    "Passages to retrieve (k): "
                    <output for="inspector-k" class="slider__value">
                        {move || settings.get().k}
                    </output>
                </label>
                <input
                    id="inspector-k"
                    type="range"
                    min=K_RANGE.0
                    max=K_RANGE.1
                    step="1"
                    prop:value=move || settings.get().k.to_string()
                    on:input=move |ev| {
                        if let Some(k) = parse_k(&event_target_value(&ev)) {
                            apply(store, |s| s.k = k);
                        }
                    }
                />
            </div>
            <div class="slider">
                <label for="inspector-threshold">
                    "Reader threshold: "
                    <output for="inspector-threshold" class="slider__value">
                        {move || format!("{:.2}", settings.get().threshold)}
                    </output>
                </label>
                <input
                    id="inspector-threshold"
                    type="range"
                    min="0"
                    max="1"
                    step="0.01"
                    aria-describedby="inspector-threshold-help"
                    prop:value=move || format!("{:.2}", settings.get().threshold)
                    on:input=move |ev| {
                        if let Some(t) = parse_threshold(&event_target_value(&ev)) {
                            apply(store, |s| s.threshold = t);
                        }
                    }
                />
                <p id="inspector-threshold-help" class="inspector__note">
                    "If the reader's best sentence scores below this, it says \"The documents do \
                     not say.\" instead of guessing. Higher means fewer but safer answers."
                </p>
                <details class="slider__more">
                    <summary>"How the reader scores a sentence"</summary>
                    <p class="inspector__note">
                        "Two small linear models fitted on the sample questions' training phrasings. \
                         One picks the sentence: its closeness to the question, the question's words \
                         it contains or words close in meaning (\"price\" for \"cost\"; rare words \
                         count more), its passage's score, and whether it \
                         holds the kind of value asked for (a price for \"how much\"). The other \
                         checks the pick (does it name what was asked, and give the unit asked \
                         for?) and gives the score: its estimate, from 0 to 1, that the sentence \
                         answers the question."
                    </p>
                </details>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k_is_parsed_and_clamped() {
        assert_eq!(parse_k("7"), Some(7));
        assert_eq!(parse_k(" 0 "), Some(1));
        assert_eq!(parse_k("99"), Some(20));
        assert_eq!(parse_k("seven"), None);
        assert_eq!(parse_k("-3"), None);
    }

    #[test]
    fn threshold_is_parsed_and_clamped() {
        assert_eq!(parse_threshold("0.42"), Some(0.42));
        assert_eq!(parse_threshold("1.5"), Some(1.0));
        assert_eq!(parse_threshold("-0.2"), Some(0.0));
        assert_eq!(parse_threshold("NaN"), None);
        assert_eq!(parse_threshold(""), None);
    }
}
