//! The tour's docked panel for the step in the URL: its text, the prediction and its reveal,
//! what to do, and Back / Next / Close.

use leptos::prelude::*;

use super::Action;
use crate::ui::content::tour as text;
use crate::ui::content::tour::STEPS;
use crate::ui::state::learner_work::LearnerWork;
use crate::ui::state::AppStore;

/// The panel, while a step is open and the saved work is restored.
#[component]
pub(crate) fn TourPanel(
    /// The step open (1-based), from the URL.
    step: Memo<Option<usize>>,
    /// The step's prediction was answered or shown.
    revealed: RwSignal<bool>,
    /// The prediction choice the learner made, if any.
    chosen: RwSignal<Option<usize>>,
    /// What the buttons ask the tour to do.
    act: Callback<Action>,
) -> impl IntoView {
    let store = AppStore::use_context();
    let work = LearnerWork::use_context();
    let total = STEPS.len();
    let act = move |action: Action| act.run(action);
    let panel = move || {
        let n = step.get()?;
        // Shown once the step's scene can be set (saved work restored): a choice made before
        // would be undone by the step's entry.
        if !work.settled(store) {
            return None;
        }
        let current = STEPS[n - 1];
        let pending = move || current.predict.is_some() && !revealed.get();
        let predict = current.predict.map(|p| {
            let choices = p
                .choices
                .iter()
                .enumerate()
                .map(|(i, choice)| {
                    view! {
                        <li>
                            <button type="button" class="tour__choice"
                                on:click=move |_| act(Action::Reveal(Some(i)))>
                                <span class="tour__key">{(i + 1).to_string()}</span>" "{*choice}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            let outcome = move || {
                let verdict = match chosen.get() {
                    Some(i) if i == p.correct => Some(text::RIGHT),
                    Some(_) => Some(text::NOT_QUITE),
                    None => None,
                };
                view! {
                    <p class="tour__reveal" role="status">
                        {verdict.map(|v| view! { <strong>{v}</strong>" " })}{p.reveal}
                    </p>
                }
            };
            view! {
                <div class="tour__predict" class:tour__predict--open=pending>
                    <p class="tour__question" id="tour-question">{p.question}</p>
                    <ul class="tour__choices" aria-labelledby="tour-question">{choices}</ul>
                    <button type="button" class="link-button tour__skip"
                        on:click=move |_| act(Action::Reveal(None))>{text::SHOW_ANSWER}</button>
                </div>
                {move || (!pending()).then(outcome)}
            }
        });
        let last = n == total;
        Some(view! {
            <section class="tour" aria-label=text::PANEL_LABEL data-step=current.id
                data-revealed=move || (!pending()).to_string()>
                <div class="tour__head">
                    <p class="tour__progress" aria-live="polite">{text::progress(n, total)}</p>
                    <div class="tour__bar" aria-hidden="true">
                        <div class="tour__bar-fill"
                            style=format!("width: {}%", n * 100 / total)></div>
                    </div>
                    <button type="button" class="link-button tour__close"
                        on:click=move |_| act(Action::Close)>{text::CLOSE}</button>
                </div>
                <p class="tour__text">{current.text}</p>
                {predict}
                {move || (!pending()).then(|| view! {
                    <p class="tour__action">
                        <strong>{text::DO_LABEL}</strong>" "{current.action}
                    </p>
                })}
                <div class="tour__controls">
                    <button type="button" on:click=move |_| act(Action::Back) disabled=n == 1>
                        "← "{text::BACK}
                    </button>
                    <button type="button" class="primary tour__next" on:click=move |_| act(Action::Next)>
                        {if last { text::FINISH } else { text::NEXT }}" →"
                    </button>
                    <span class="tour__keys">{text::KEYS}</span>
                </div>
            </section>
        })
    };

    panel
}
