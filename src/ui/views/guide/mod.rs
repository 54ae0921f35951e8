//! Decision guide: seven questions about the learner's own use case -> a recommendation with
//! the reasons that drove it (`core::decide`). The answers live in the URL (`?guide=`), so the
//! page is its own shareable link.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::core::decide::{decide, decode, encode, Answers, Recommendation};
use crate::ui::content::guide::{self as text, GuideQuestion, QUESTIONS};
use crate::ui::state::url_schema as url;

/// The answer to question `key` as its digit, if answered.
fn digit(answers: &Answers, key: char) -> Option<u8> {
    let code = encode(answers);
    let chars: Vec<char> = code.chars().collect();
    chars
        .chunks(2)
        .find(|pair| pair[0] == key)
        .and_then(|pair| pair[1].to_digit(10))
        .map(|d| d as u8)
}

/// `answers` with question `key` set to `value`.
fn with_answer(answers: &Answers, key: char, value: u8) -> Answers {
    let mut code = encode(answers);
    code.push(key);
    code.push(char::from(b'0' + value));
    // Later pairs win in `decode`, so appending overrides the old answer.
    decode(&code)
}

/// Writes answers into the URL (`None` clears them); holds the router's non-`Send` navigate.
type WriteAnswers = Box<dyn Fn(Option<Answers>)>;

/// The stable slug of a recommendation (test hook and CSS modifier).
pub(crate) fn slug(rec: Recommendation) -> &'static str {
    match rec {
        Recommendation::Retrieval => "retrieval",
        Recommendation::FineTuning => "fine-tuning",
        Recommendation::Both => "both",
        Recommendation::PromptFirst => "prompt-first",
    }
}

/// The Decision guide view.
#[component]
pub(crate) fn GuideView() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let answers = Memo::new(move |_| {
        query
            .read()
            .get(url::GUIDE)
            .map(|code| decode(&code))
            .unwrap_or_default()
    });
    let write = move |next: Option<Answers>| {
        let mut params = query.get_untracked();
        let code = next.map(|a| encode(&a)).filter(|c| !c.is_empty());
        url::put(&mut params, url::GUIDE, code);
        navigate(&params.to_query_string(), url::query_write(true));
    };
    let actions: StoredValue<WriteAnswers, LocalStorage> = StoredValue::new_local(Box::new(write));
    let set = move |key: char, value: u8| {
        let next = with_answer(&answers.get_untracked(), key, value);
        actions.with_value(|f| f(Some(next)));
    };
    let questions = QUESTIONS
        .iter()
        .map(|q| view! { <QuestionField question=*q answers=answers on_pick=set/> })
        .collect_view();
    let copied = RwSignal::new(false);
    let link = move || {
        answers.track();
        web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default()
    };
    let copy = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().clipboard().write_text(&link());
            copied.set(true);
        }
    };
    view! {
        <section class="view guide" aria-labelledby="guide-title">
            <h2 id="guide-title" class="view__title">{text::TITLE}</h2>
            <p class="view__lead">{text::LEAD}</p>
            <form class="guide__form" on:submit=|ev| ev.prevent_default()>{questions}</form>
            <section class="guide__result" aria-live="polite" aria-labelledby="guide-result-title"
                data-recommendation=move || decide(&answers.get()).ok().map(|d| slug(d.recommendation))>
                <h3 id="guide-result-title">{text::RESULT_HEADING}</h3>
                {move || match decide(&answers.get()) {
                    Err(open) => view! {
                        <p class="guide__open">{text::OPEN_PREFIX}{open.open.to_string()}{text::OPEN_SUFFIX}</p>
                    }.into_any(),
                    Ok(decision) => view! {
                        <p class=format!("guide__verdict guide__verdict--{}", slug(decision.recommendation))>
                            {text::recommendation_title(decision.recommendation)}
                        </p>
                        <p>{text::recommendation_next(decision.recommendation)}</p>
                        <h4>{text::REASONS_HEADING}</h4>
                        <ul class="guide__reasons">
                            {decision.reasons.iter().map(|r| view! { <li>{text::reason_text(*r)}</li> }).collect_view()}
                        </ul>
                        <p class="guide__caveat">{text::CAVEAT}</p>
                    }.into_any(),
                }}
                <div class="guide__share">
                    <label for="guide-link">{text::SHARE_LABEL}</label>
                    <div class="guide__share-row">
                        <input id="guide-link" type="text" readonly prop:value=link/>
                        <button type="button" on:click=copy>
                            {move || if copied.get() { text::COPIED } else { text::COPY }}
                        </button>
                        <button type="button" class="link-button"
                            on:click=move |_| { copied.set(false); actions.with_value(|f| f(None)); }>
                            {text::RESET}
                        </button>
                    </div>
                </div>
            </section>
        </section>
    }
}

#[component]
fn QuestionField(
    question: GuideQuestion,
    answers: Memo<Answers>,
    on_pick: impl Fn(char, u8) + Copy + Send + 'static,
) -> impl IntoView {
    let name = format!("guide-{}", question.key);
    let hint_id = format!("guide-hint-{}", question.key);
    let described_by = hint_id.clone();
    let options = question
        .options
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let value = i as u8;
            let name = name.clone();
            view! {
                <label class="guide__option">
                    <input type="radio" name=name value=value.to_string()
                        prop:checked=move || digit(&answers.get(), question.key) == Some(value)
                        on:change=move |_| on_pick(question.key, value)/>
                    <span>{*label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="guide__question" aria-describedby=described_by>
            <legend>{question.text}</legend>
            <p class="guide__hint" id=hint_id>{question.hint}</p>
            <div class="guide__options">{options}</div>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::decide::{ChangeRate, Examples};

    #[test]
    fn answering_replaces_the_old_answer() {
        let a = with_answer(&Answers::default(), 'c', 2);
        assert_eq!(a.change, Some(ChangeRate::Weekly));
        let b = with_answer(&a, 'c', 0);
        assert_eq!(b.change, Some(ChangeRate::Rarely));
        assert_eq!(digit(&b, 'c'), Some(0));
        let c = with_answer(&b, 'e', 1);
        assert_eq!(c.examples, Some(Examples::Some));
        assert_eq!(digit(&c, 'k'), None);
    }

    #[test]
    fn every_question_has_a_code_letter_decode_understands() {
        for q in QUESTIONS {
            for value in 0..q.options.len() as u8 {
                let a = with_answer(&Answers::default(), q.key, value);
                assert_eq!(digit(&a, q.key), Some(value), "{} {}", q.key, value);
            }
        }
    }
}
