//! Ask: one question, four answers side by side, with the two toggles of the 2x2.

mod card;
mod suggestions;
mod tuned_status;

use leptos::prelude::*;

use crate::core::modes::{answer_all, Mode};
use crate::core::scenario::ActiveCorpus;
use crate::ui::components::corpus_switch::CorpusSwitch;
use crate::ui::components::pending_note::PendingNote;
use crate::ui::components::question_box::QuestionCutNote;
use crate::ui::components::version_picker::VersionPicker;
use crate::ui::state::learner_work::LearnerWork;
use crate::ui::state::{AppStore, BrowserClock};
use card::AnswerCard;
use suggestions::Suggestions;
use tuned_status::TunedStatus;

/// The Ask view.
#[component]
pub(crate) fn AskView() -> impl IntoView {
    let store = AppStore::use_context();
    let work = LearnerWork::use_context();
    let draft = RwSignal::new(store.question.get_untracked());
    // A question set elsewhere (a shared link, a tour step) shows in the box too.
    Effect::new(move |_| draft.set(store.question.get()));
    let retrieval = store.retrieval;
    let tuned = store.tuned;
    let selected = Memo::new(move |_| Mode::from_toggles(retrieval.get(), tuned.get()));

    let answers = Memo::new(move |_| {
        let question = store.question.get();
        if crate::core::text::is_blank(&question) {
            return None;
        }
        store.with(|bench| {
            let answers = answer_all(bench, &question, &BrowserClock);
            answers.map(|a| {
                let judgement = bench.judge(&question, &a.text);
                (a, judgement)
            })
        })
    });

    // How long the last question was when it had to be cut (said under the box, once).
    let cut_from = RwSignal::new(None::<usize>);
    let ask = move |text: String| {
        let (text, cut) = crate::core::text::cut_question(text.trim());
        cut_from.set(cut);
        draft.set(text.clone());
        store.question.set(text);
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ask(draft.get_untracked());
    };

    view! {
        <section class="view ask" aria-labelledby="ask-title">
            <h2 id="ask-title" class="view__title">"Ask"</h2>
            <p class="view__lead">
                {move || if work.active.get() == ActiveCorpus::Own {
                    "Ask about your documents. Four systems answer: a base model, retrieval over \
                     your documents, a model fine-tuned on your question-answer pairs, and both \
                     together."
                } else {
                    "Ask about Kettlefin Labs, a made-up company. Four systems answer: a base \
                     model, retrieval over the company's documents, a model fine-tuned on the \
                     company's questions, and both together."
                }}
            </p>
            <CorpusSwitch id="ask"/>
            <form class="ask__form" on:submit=on_submit>
                <label for="ask-question" class="ask__label">"Your question"</label>
                <div class="ask__row">
                    <input
                        id="ask-question"
                        class="ask__input"
                        type="text"
                        autocomplete="off"
                        placeholder="e.g. How much is the Team plan per person?"
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))
                    />
                    <button type="submit" class="primary">"Ask"</button>
                </div>
                <QuestionCutNote length=cut_from/>
            </form>
            <Show when=move || work.active.get() == ActiveCorpus::Sample>
                <Suggestions on_pick=Callback::new(ask)/>
            </Show>
            <VersionPicker/>
            <fieldset class="ask__toggles">
                <legend>"Which system are you using?"</legend>
                <label class="toggle">
                    <input type="checkbox" prop:checked=move || retrieval.get()
                        on:change=move |ev| retrieval.set(event_target_checked(&ev))/>
                    <span>"Retrieval (look it up in the documents)"</span>
                </label>
                <label class="toggle">
                    <input type="checkbox" prop:checked=move || tuned.get()
                        on:change=move |ev| tuned.set(event_target_checked(&ev))/>
                    <span>"Tuned weights (fine-tuned model)"</span>
                </label>
                <span class="ask__selected" aria-live="polite">
                    "Selected: " <strong>{move || selected.get().title()}</strong>
                </span>
            </fieldset>
            <TunedStatus/>
            <div class="ask__answers" aria-live="polite">
                {move || match answers.get() {
                    None if store.with(|_| ()).is_none() => view! {
                        <PendingNote/>
                    }.into_any(),
                    None => view! {
                        <p class="view__note">"Ask a question, or pick one of the suggestions above."</p>
                    }.into_any(),
                    Some(list) => list
                        .into_iter()
                        .map(|(answer, judgement)| {
                            let mode = answer.mode;
                            view! {
                                <AnswerCard
                                    answer=answer
                                    judgement=judgement
                                    selected=Signal::derive(move || selected.get() == mode)
                                />
                            }
                        })
                        .collect_view()
                        .into_any(),
                }}
            </div>
            <p class="ask__honesty">
                "No LLM runs here. Retrieval answers come from an extractive reader that quotes the "
                "best sentence it finds; tuned answers come from a small network trained in your "
                "browser. They stand in for an LLM so every effect is visible and repeatable."
            </p>
        </section>
    }
}
