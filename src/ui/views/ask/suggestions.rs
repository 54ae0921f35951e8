//! Suggested questions, so a learner can start with one click: questions the tuned model was
//! trained on about facts that later changed, a paraphrase it never saw, and one the
//! documents cannot answer.

use leptos::prelude::*;

use crate::core::corpus::{Corpus, Split};
use crate::ui::state::AppStore;

/// Picks a handful of suggestions. First, for up to three facts that changed since the
/// snapshot, a phrasing the tuned model was trained on: asked exactly what it learned, it still
/// gives the old value, while retrieval gives the current one, so the staleness shows on its
/// own, not mixed with how well either side copes with new wording. Then a held-out paraphrase
/// of a fact that did not change (generalisation), and a question the documents cannot answer.
pub fn pick_suggestions(corpus: &Corpus) -> Vec<String> {
    let mut out = Vec::new();
    let phrasings = |split: Split, changed: bool| {
        corpus
            .questions
            .iter()
            .filter(move |q| q.split == split)
            .filter(move |q| corpus.fact(&q.fact).is_some_and(|f| f.changed() == changed))
    };
    let mut seen_facts = Vec::new();
    for question in phrasings(Split::Train, true) {
        if out.len() == 3 {
            break;
        }
        if !seen_facts.contains(&question.fact) {
            seen_facts.push(question.fact.clone());
            out.push(question.text.clone());
        }
    }
    out.extend(
        phrasings(Split::Heldout, false)
            .next()
            .map(|q| q.text.clone()),
    );
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_cover_changed_facts_a_paraphrase_and_an_unanswerable_question() {
        let corpus = Corpus::load_default().expect("the sample corpus loads");
        let picked = pick_suggestions(&corpus);
        assert_eq!(picked.len(), 5, "{picked:?}");
        let split_of = |text: &str| {
            corpus.questions.iter().find(|q| q.text == text).map(|q| {
                (
                    q.split,
                    corpus.fact(&q.fact).unwrap().changed(),
                    q.fact.clone(),
                )
            })
        };
        let changed: Vec<_> = picked[..3].iter().map(|t| split_of(t).unwrap()).collect();
        assert!(changed
            .iter()
            .all(|(split, changed, _)| *split == Split::Train && *changed));
        let mut facts: Vec<_> = changed.iter().map(|c| c.2.clone()).collect();
        facts.dedup();
        assert_eq!(facts.len(), 3, "three different facts");
        assert_eq!(
            split_of(&picked[3]).map(|c| (c.0, c.1)),
            Some((Split::Heldout, false))
        );
        assert_eq!(picked[4], corpus.unanswerable[0].text);
    }
}
