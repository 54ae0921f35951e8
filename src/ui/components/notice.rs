//! A chart's "Notice" caption, kept short: one headline of at most two lines, with the numbers
//! and reasons behind it in a disclosure the learner opens when they want them. The trade-off,
//! timeline and cost views decide both parts from the live numbers; this only lays them out.

use leptos::prelude::*;

/// The longest headline, in characters: two lines of bold text on a 390 px phone hold about
/// 74, and words wrap early. The views' native tests hold their headlines to it.
#[cfg(test)]
pub(crate) const HEADLINE_MAX: usize = 72;

/// What a chart asks the learner to notice.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Notice {
    /// The short sentence shown in bold (at most [`HEADLINE_MAX`] characters: two lines on a
    /// phone).
    pub(crate) headline: String,
    /// The sentences behind it, shown when the disclosure is opened; none: no disclosure.
    pub(crate) details: Vec<String>,
}

impl Notice {
    /// A notice with nothing behind it.
    pub(crate) fn short(headline: impl Into<String>) -> Self {
        Self {
            headline: headline.into(),
            details: Vec::new(),
        }
    }
}

/// The notice: the headline as the chart's caption (`class` beside `chart-caption`), then a
/// closed `<details>` with the details, one paragraph each.
#[component]
pub(crate) fn NoticeCaption(
    /// The view's own class for the headline ("timeline-caption").
    class: &'static str,
    /// The disclosure's summary ("Why, step by step").
    summary: &'static str,
    /// The notice, live.
    #[prop(into)]
    notice: Signal<Notice>,
) -> impl IntoView {
    // The disclosure stays one element while the numbers change, so it stays open once opened.
    let empty = move || notice.with(|n| n.details.is_empty());
    let lines = move || {
        notice
            .with(|n| n.details.clone())
            .into_iter()
            .map(|line| view! { <p>{line}</p> })
            .collect_view()
    };
    view! {
        <p class=format!("chart-caption notice-headline {class}")>
            {move || notice.with(|n| n.headline.clone())}
        </p>
        <details class="notice-details" hidden=empty>
            <summary>{summary}</summary>
            {lines}
        </details>
    }
}
