//! Your documents (`?view=mine`): bring your own documents, switch the app to them, add the
//! question-answer pairs fine-tuning needs, train on them, and keep, export or import the work.

mod add;
mod documents;
mod pairs;
mod saving;
mod train;

use leptos::prelude::*;

use crate::ui::components::corpus_switch::CorpusSwitch;
use crate::ui::state::learner_work::LearnerWork;
use crate::ui::state::AppStore;
use add::AddDocuments;
use documents::DocumentList;
use pairs::PairsTable;
use saving::SaveAndShare;
use train::TrainOnPairs;

/// The "Your documents" view.
#[component]
pub(crate) fn YourDocumentsView() -> impl IntoView {
    let store = AppStore::use_context();
    let work = LearnerWork::use_context();
    let ready = move || store.with(|_| ()).is_some();
    view! {
        <section class="view mine" aria-labelledby="mine-title">
            <h2 id="mine-title" class="view__title">"Your documents"</h2>
            <p class="view__lead">
                "Try the lesson on your own documents: a handbook, policies, product pages. They "
                "are split into passages, embedded and indexed here in your browser; nothing is "
                "uploaded. Retrieval can answer from them at once. Fine-tuning needs labelled "
                "examples (a question and its answer), so it waits until you add some below."
            </p>
            <Show
                when=move || ready() && work.restoring.with(Option::is_none)
                fallback=move || view! {
                    <p class="view__note" role="status">
                        {move || match work.restoring.get() {
                            // Adding or clearing now would race the restore of the saved work.
                            Some(_) => "Your saved documents, pairs and settings come back when the restore above ends.".to_string(),
                            None => store.pending_note().to_string(),
                        }}
                    </p>
                }
            >
                <CorpusSwitch id="mine"/>
                <AddDocuments/>
                <DocumentList/>
                <PairsTable/>
                <TrainOnPairs/>
                <SaveAndShare/>

            </Show>
        </section>
    }
}
