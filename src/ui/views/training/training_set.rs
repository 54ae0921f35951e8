//! What the next run will train on, counted by source.

use leptos::prelude::*;

use crate::core::tune::TrainingSetCounts;
use crate::ui::components::figure_download::CsvDownload;
use crate::ui::components::pending_note::PendingNote;

/// The counts a run with the current settings would use, or why it cannot run.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SetPreview {
    /// Knowledge examples by source.
    pub(crate) counts: TrainingSetCounts,
    /// Examples the behaviour head (house format) learns from.
    pub(crate) behaviour_examples: usize,
}

/// The rows of the counts table: label, number, what it means.
pub(crate) fn rows(preview: &SetPreview) -> [(&'static str, usize, &'static str); 5] {
    let c = &preview.counts;
    [
        (
            "Changed facts",
            c.changed_facts,
            "facts taught with a new answer",
        ),
        (
            "Unchanged facts",
            c.unchanged_facts,
            "facts taught again as they were",
        ),
        (
            "New examples",
            c.new_examples,
            "question phrasings labelled with their answer",
        ),
        (
            "Replayed examples",
            c.replayed_examples,
            "old examples mixed back in",
        ),
        (
            "Behaviour examples",
            preview.behaviour_examples,
            "requests labelled with the house-format template to use",
        ),
    ]
}

/// The training set's counts, or the reason there is none.
#[component]
pub(crate) fn TrainingSet(
    /// The preview for the current settings.
    preview: Signal<Option<Result<SetPreview, String>>>,
) -> impl IntoView {
    let table = NodeRef::new();
    view! {
        <section class="training-set" aria-labelledby="training-set-title">
            <h3 id="training-set-title">"Training set"</h3>
            {move || match preview.get() {
                None => view! { <PendingNote/> }.into_any(),
                Some(Err(why)) => view! { <p class="training-set__problem" role="status">{why}</p> }.into_any(),
                Some(Ok(preview)) => view! {
                    <table class="training-set__table" node_ref=table>
                        <tbody>
                            {rows(&preview)
                                .into_iter()
                                .map(|(label, count, meaning)| view! {
                                    <tr>
                                        <th scope="row">
                                            {label}
                                            <span class="training-set__meaning">{meaning}</span>
                                        </th>
                                        <td class="training-set__count">{count}</td>
                                    </tr>
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                    <CsvDownload table=table slug="training-set" what="the training set table"/>
                }.into_any(),
            }}
            <p class="training-set__labelled">
                "Every example above is a question someone wrote with the answer it should get. "
                "Retrieval needs none of them: a changed document counts the moment it is saved."
            </p>
        </section>
    }
}
