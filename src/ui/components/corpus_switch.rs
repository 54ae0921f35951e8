//! "Sample corpus (Kettlefin Labs) / My documents": which documents every view answers from.
//! Shown in "Your documents" and in the Ask view's header, so the learner always knows.

use leptos::prelude::*;

use crate::core::scenario::ActiveCorpus;
use crate::ui::state::learner_work::LearnerWork;
use crate::ui::state::AppStore;

/// Two radio buttons that swap the store's workbench. "My documents" is offered once the
/// learner has added at least one document.
#[component]
pub(crate) fn CorpusSwitch(
    /// Distinguishes the radio group's name when two switchers could share a page.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let store = AppStore::use_context();
    let work = LearnerWork::use_context();
    let error = RwSignal::new(None::<String>);
    let name = format!("corpus-{id}");
    let option = move |choice: ActiveCorpus| {
        let name = name.clone();
        let disabled = move || choice == ActiveCorpus::Own && work.documents.with(Vec::is_empty);
        let count = move || match choice {
            ActiveCorpus::Sample => String::new(),
            ActiveCorpus::Own => match work.documents.with(Vec::len) {
                0 => " (none added yet)".to_string(),
                1 => " (1 document)".to_string(),
                n => format!(" ({n} documents)"),
            },
        };
        view! {
            <label class="corpus-switch__option">
                <input
                    type="radio"
                    name=name
                    value=match choice { ActiveCorpus::Sample => "sample", ActiveCorpus::Own => "mine" }
                    prop:checked=move || work.active.get() == choice
                    prop:disabled=disabled
                    on:change=move |_| {
                        let outcome = work.switch(store, choice).err();
                        if outcome.is_some() {
                            // Put the radio buttons back on the corpus actually in use.
                            work.active.update(|_| ());
                        }
                        error.set(outcome);
                    }
                />
                <span>{label(choice)} {count}</span>
            </label>
        }
    };
    view! {
        <fieldset class="corpus-switch">
            <legend>"Answer from"</legend>
            {option(ActiveCorpus::Sample)}
            {option(ActiveCorpus::Own)}
            {move || error.get().map(|e| view! { <p class="corpus-switch__error" role="alert">{e}</p> })}
        </fieldset>
    }
}

/// The switcher's label for a corpus.
fn label(choice: ActiveCorpus) -> &'static str {
    match choice {
        ActiveCorpus::Sample => "Sample corpus (Kettlefin Labs)",
        ActiveCorpus::Own => "My documents",
    }
}
