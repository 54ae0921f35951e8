//! Suggested questions, drawn from the corpus's held-out paraphrases and unanswerable
//! questions, so a learner can start with one click.

use leptos::prelude::*;

use crate::core::corpus::{Corpus, Split};
use crate::ui::state::AppStore;

/// Picks a handful of suggestions: held-out questions about facts that changed (where the
/// modes disagree most), one about a fact that did not, and one the documents cannot answer.
pub fn pick_suggestions(corpus: &Corpus) -> Vec<String> {
    let mut out = Vec::new();
    let heldout = |changed: bool| {
        corpus
            .questions
            .iter()
            .filter(move |q| q.split == Split::Heldout)
            .filter(move |q| corpus.fact(&q.fact).is_some_and(|f| f.changed() == changed))
    };
    let mut seen_facts = Vec::new();
    for question in heldout(true) {
        if out.len() == 3 {
            break;
        }
        if !seen_facts.contains(&question.fact) {
            seen_facts.push(question.fact.clone());
            out.push(question.text.clone());
        }
    }
    out.extend(heldout(false).next().map(|q| q.text.clone()));
    out.extend(corpus.unanswerable.first().map(|q| q.text.clone()));
    out
}

/// The "Try:" row of suggestion buttons.
#[component]
pub fn Suggestions(on_pick: Callback<String>) -> impl IntoView {
    let store = AppStore::use_context();
    let suggestions = Memo::new(move |_| {
        store
            .with(|bench| pick_suggestions(bench.corpus()))
            .unwrap_or_default()
    });
    view! {
        <div class="ask__suggestions">
            <span class="ask__suggestions-label" id="suggestions-label">"Try:"</span>
            <ul aria-labelledby="suggestions-label">
                {move || suggestions
                    .get()
                    .into_iter()
                    .map(|text| {
                        let pick = text.clone();
                        view! {
                            <li>
                                <button type="button" class="chip" on:click=move |_| on_pick.run(pick.clone())>
                                    {text}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
