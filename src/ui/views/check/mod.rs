//! The knowledge check: the questions of `content::check` as radio groups (native keyboard and
//! screen-reader behaviour), submitted once all are answered; then each shows whether the
//! choice was right, the explanation and a "Show me" to the scene that proves it. The answers
//! are kept in this browser and the score goes into the progress record (`check`).

use leptos::prelude::*;

use crate::ui::components::tour::scene::use_scene;
use crate::ui::content::check::{self as text, QUESTIONS};
use crate::ui::state::check::{CheckAnswers, STORAGE_KEY};
use crate::ui::state::progress::Progress;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn correct() -> Vec<usize> {
    QUESTIONS.iter().map(|q| q.correct).collect()
}

fn load() -> CheckAnswers {
    let choices: Vec<usize> = QUESTIONS.iter().map(|q| q.choices.len()).collect();
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|text| CheckAnswers::from_storage(&text, &choices))
        .unwrap_or_else(|| CheckAnswers::new(QUESTIONS.len()))
}

/// The knowledge check view.
#[component]
pub(crate) fn CheckView() -> impl IntoView {
    let progress = Progress::use_context();
    let answers = RwSignal::new(load());
    let go = use_scene();
    // Every change is kept, and a submitted score is recorded (also one restored from storage).
    Effect::new(move |_| {
        let a = answers.get();
        if let Some(s) = storage() {
            let _ = s.set_item(STORAGE_KEY, &a.to_storage());
        }
        let score = a.score(&correct());
        progress.record(|p| {
            let changed = p.check != score;
            p.check = score;
            changed
        });
    });
    let submitted = move || answers.with(|a| a.is_submitted());
    let questions = QUESTIONS
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let go = go.clone();
            let choices = q
                .choices
                .iter()
                .enumerate()
                .map(|(c, choice)| {
                    view! {
                        <label class="check__choice">
                            <input type="radio" name=format!("check-{i}")
                                prop:checked=move || answers.with(|a| a.chosen(i) == Some(c))
                                disabled=submitted
                                on:change=move |_| answers.update(|a| a.choose(i, c))/>
                            " "{*choice}
                        </label>
                    }
                })
                .collect_view();
            let outcome = move || {
                submitted().then(|| {
                    let right = answers.with(|a| a.chosen(i) == Some(q.correct));
                    let go = go.clone();
                    view! {
                        <p class="check__explain" data-right=right.to_string()>
                            <strong>{if right { text::RIGHT } else { text::WRONG }}</strong>" "
                            {q.explain}" "
                            <button type="button" class="link-button check__show-me"
                                on:click=move |_| go(q.show_me, &[], false)>{text::SHOW_ME}</button>
                        </p>
                    }
                })
            };
            view! {
                <fieldset class="check__question" data-id=q.id>
                    <legend>{format!("{}. {}", i + 1, q.prompt)}</legend>
                    {choices}
                    {outcome}
                </fieldset>
            }
        })
        .collect_view();
    let status = move || {
        answers.with(|a| match a.score(&correct()) {
            Some(s) => text::score_line(s.correct, s.total, s.score_percent),
            None => text::open_line(a.open()),
        })
    };
    view! {
        <section class="check" aria-labelledby="check-title">
            <h2 id="check-title">{text::TITLE}</h2>
            <p class="check__lead">{text::LEAD}</p>
            <form class="check__form" on:submit=move |ev| {
                ev.prevent_default();
                answers.update(|a| {
                    a.submit(&correct());
                });
            }>
                {questions}
                <p class="check__status" role="status">{status}</p>
                {move || if submitted() {
                    view! {
                        <button type="button" on:click=move |_| answers.update(CheckAnswers::retry)>
                            {text::RETRY}
                        </button>
                    }.into_any()
                } else {
                    view! {
                        <button type="submit" class="primary"
                            disabled=move || answers.with(|a| a.open() > 0)>{text::SUBMIT}</button>
                    }.into_any()
                }}
            </form>
        </section>
    }
}
