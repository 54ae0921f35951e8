//! The shared question box (the same `store.question` the Ask view uses), with a few example
//! questions taken from the corpus so a learner has something to try.

use leptos::prelude::*;

use crate::core::corpus::{Corpus, Split};
use crate::core::text::{thousands, MAX_QUESTION_CHARS};
use crate::ui::state::AppStore;

/// How many fact questions the example row offers (plus one the corpus cannot answer).
const FACT_EXAMPLES: usize = 3;

/// The first training phrasing of the first few facts, then the first unanswerable question:
/// a spread of what retrieval finds well and what it should not answer.
pub(crate) fn example_questions(corpus: &Corpus) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for fact in corpus.facts.iter().take(FACT_EXAMPLES) {
        if let Some(q) = corpus
            .questions
            .iter()
            .find(|q| q.fact == fact.key && q.split == Split::Train)
        {
            out.push(q.text.clone());
        }
    }
    if let Some(u) = corpus.unanswerable.first() {
        out.push(u.text.clone());
    }
    out
}

/// A labelled text box bound to the shared question, and example buttons that fill it.
/// `id` must be unique on the page (each view passes its own).
#[component]
pub(crate) fn QuestionBox(id: &'static str) -> impl IntoView {
    let store = AppStore::use_context();
    let cut_from = RwSignal::new(None::<usize>);
    let examples = Memo::new(move |_| {
        store
            .with(|bench| example_questions(bench.corpus()))
            .unwrap_or_default()
    });
    view! {
        <div class="question-box">
            <label class="question-box__label" for=id>"Question"</label>
            <input
                id=id
                class="question-box__input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder="Ask about the sample company, e.g. its prices or limits"
                prop:value=move || store.question.get()
                on:input=move |ev| {
                    let (text, cut) = crate::core::text::cut_question(&event_target_value(&ev));
                    cut_from.set(cut);
                    store.question.set(text);
                }
            />
            <QuestionCutNote length=cut_from/>
            <Show when=move || examples.with(|e| !e.is_empty())>
            <div class="question-box__examples" role="group" aria-label="Example questions">
                <span class="question-box__try">"Try:"</span>
                <For
                    each=move || examples.get()
                    key=|q| q.clone()
                    children=move |q| {
                        let text = q.clone();
                        view! {
                            <button
                                type="button"
                                class="question-box__example"
                                on:click=move |_| store.question.set(text.clone())
                            >
                                {q}
                            </button>
                        }
                    }
                />
            </div>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_come_from_the_shipped_corpus() {
        let corpus = Corpus::load_default().expect("the shipped corpus loads");
        let examples = example_questions(&corpus);
        assert_eq!(examples.len(), FACT_EXAMPLES + 1);
        assert_eq!(examples[0], corpus.questions[0].text);
        assert_eq!(
            examples.last(),
            corpus.unanswerable.first().map(|u| &u.text)
        );
        let mut unique = examples.clone();
        unique.dedup();
        assert_eq!(unique.len(), examples.len());
    }
}

/// Says, once, that a question was cut to [`MAX_QUESTION_CHARS`] and how long it was.
#[component]
pub(crate) fn QuestionCutNote(length: RwSignal<Option<usize>>) -> impl IntoView {
    move || {
        length.get().map(|length| {
            view! {
                <p class="question-cut" role="status">
                    {format!(
                        "Your question had {} characters; only the first {} are kept and answered.",
                        thousands(length as u64),
                        thousands(MAX_QUESTION_CHARS as u64),
                    )}
                </p>
            }
        })
    }
}
