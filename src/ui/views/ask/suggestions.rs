//! Suggested questions, so a learner can start with one click: questions the tuned model was
//! trained on about facts that later changed, a paraphrase it never saw, and one the
//! documents cannot answer.

use leptos::prelude::*;

use crate::core::clock::NoClock;
use crate::core::corpus::Split;
use crate::core::modes::read_passages;
use crate::core::workbench::Workbench;
use crate::ui::state::AppStore;

/// Picks a handful of suggestions. First, for up to three facts that changed since the
/// snapshot, a phrasing the tuned model was trained on: asked exactly what it learned, it still
/// gives the old value, while retrieval gives the current one, so the staleness shows on its
/// own, not mixed with how well either side copes with new wording. Of a fact's phrasings the
/// first that retrieval answers correctly right now is taken (the first when none is), since
/// a retrieval miss there would hide the staleness these examples exist to show; misses stay
/// visible in the inspector and the trade-off chart. Then a held-out paraphrase of a fact that
/// did not change (generalisation, whatever retrieval makes of it), and a question the
/// documents cannot answer.
pub(crate) fn pick_suggestions(bench: &Workbench) -> Vec<String> {
    let corpus = bench.corpus();
    // Only the reader's sentence is needed here, not all four modes' answers.
    let retrieval_right = |text: &str, fact: &str| {
        corpus.fact(fact).is_some_and(|fact| {
            let read = read_passages(bench, text, &bench.retrieve(text, &NoClock));
            read.sentence
                .is_some_and(|sentence| bench.judge_fact(fact, &sentence).correct)
        })
    };
    let mut out = Vec::new();
    let phrasings = |split: Split, changed: bool| {
        corpus
            .questions
            .iter()
            .filter(move |q| q.split == split)
            .filter(move |q| corpus.fact(&q.fact).is_some_and(|f| f.changed() == changed))
    };
    let mut facts: Vec<&str> = Vec::new();
    for question in phrasings(Split::Train, true) {
        if facts.len() == 3 {
            break;
        }
        if !facts.contains(&question.fact.as_str()) {
            facts.push(&question.fact);
        }
    }
    for fact in facts {
        let mut of_fact = phrasings(Split::Train, true).filter(|q| q.fact == fact);
        let first = of_fact.clone().next().map(|q| q.text.clone());
        let answered = of_fact
            .find(|q| retrieval_right(&q.text, fact))
            .map(|q| q.text.clone());
        out.extend(answered.or(first));
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
pub(crate) fn Suggestions(on_pick: Callback<String>) -> impl IntoView {
    let store = AppStore::use_context();
    let suggestions = Memo::new(move |_| store.with(pick_suggestions).unwrap_or_default());
    view! {
        <Show when=move || suggestions.with(|s| !s.is_empty())>
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
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_cover_changed_facts_a_paraphrase_and_an_unanswerable_question() {
        use crate::core::modes::{answer, Mode};
        let corpus = crate::core::corpus::Corpus::load_default().expect("the sample corpus loads");
        let embedder = crate::core::embed::native::load_shipped().expect("the shipped model");
        let bench = Workbench::new(embedder, corpus.clone(), &NoClock).expect("index");
        let picked = pick_suggestions(&bench);
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
        // Retrieval states each changed fact's current value for the picked phrasing.
        for (text, (_, _, fact)) in picked[..3].iter().zip(&changed) {
            let reply = answer(&bench, text, Mode::Rag, &NoClock);
            let fact = corpus.fact(fact).unwrap();
            assert!(
                bench.judge_fact(fact, &reply.text).correct,
                "{text}: {}",
                reply.text
            );
        }
        assert_eq!(
            split_of(&picked[3]).map(|c| (c.0, c.1)),
            Some((Split::Heldout, false))
        );
        assert_eq!(picked[4], corpus.unanswerable[0].text);
    }
}
